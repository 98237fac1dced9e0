import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../scenario/schema';
import { History } from '../sim/history';
import { stepChanges } from './step-changes';

describe('stepChanges', () => {
  it('names what one real event changed: a timeout makes a candidate with a new term and its own vote', () => {
    const h = new History(scenarioSchema.parse({ version: 1, nodes: 3, seed: 4 }));
    // Step until some node's election timer fires.
    let before = h.snapshot();
    for (let i = 0; i < 50; i++) {
      before = h.snapshot();
      h.stepForward();
      if (h.snapshot().nodes.some((n) => n.role === 'candidate')) break;
    }
    const after = h.snapshot();
    const candidate = after.nodes.find((n) => n.role === 'candidate')!;
    const changes = stepChanges(before, after);
    expect(changes.fields[candidate.id]).toEqual(expect.arrayContaining(['currentTerm', 'votedFor', 'role', 'votes']));
    // The other nodes have not heard of it yet in this very step.
    for (const n of after.nodes) if (n.id !== candidate.id) expect(changes.fields[n.id]).toBeUndefined();
  });

  it('marks appended and newly committed log cells, and nothing when nothing changed', () => {
    const h = new History(
      scenarioSchema.parse({ version: 1, nodes: 3, seed: 4, actions: [{ at: 600, do: 'submit', command: 'set x 1' }] }),
    );
    h.seekTime(590);
    const before = h.snapshot();
    h.seekTime(900);
    const after = h.snapshot();
    const changes = stepChanges(before, after);
    for (const node of after.nodes) {
      expect(changes.cells[node.id]).toContain(after.nodes[0]!.log.length);
      expect(changes.fields[node.id]).toEqual(expect.arrayContaining(['log', 'commitIndex']));
    }
    expect(stepChanges(after, after)).toEqual({ step: after.step, fields: {}, cells: {} });
  });
});
