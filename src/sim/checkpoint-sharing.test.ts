// A checkpoint takes the unchanged prefix of a log or of the client's requests from the checkpoint
// before without comparing it (what makes a checkpoint cost what changed). That shortcut must never
// keep entries a node has since replaced: restoring the checkpoint gives back the state as it was.

import { describe, expect, it } from 'vitest';
import type { RaftLog } from '../raft/log';
import type { LogEntry } from '../raft/types';
import { scenarioSchema } from '../scenario/schema';
import { restoreCheckerState } from './checker';
import { SHARED_CHUNK } from './shared-array';
import { Simulation } from './simulation';

const entries = (n: number, term: number): { term: number; command: string }[] =>
  Array.from({ length: n }, (_, k) => ({ term, command: `set x ${k}` }));

function longLogs(): Simulation {
  // A quiet cluster: nothing changes the logs but what the test does (longer than a scenario may start with).
  const sim = new Simulation(
    scenarioSchema.parse({ version: 1, nodes: 3, seed: 1, timing: { electionTimeout: [50_000, 60_000] } }),
  );
  for (const id of ['A', 'B', 'C']) (sim.logOf(id) as RaftLog).append(entries(SHARED_CHUNK + 100, 1));
  return sim;
}

describe('checkpoints that share what did not change', () => {
  it('keep a log rewritten inside a chunk saved before, then grown past it', () => {
    const sim = longLogs();
    const first = sim.save();
    const log = sim.logOf('B') as RaftLog;
    // A conflict repair (§5.3) deep in the first chunk, then more entries than were removed.
    log.truncateFrom(10);
    log.append(entries(SHARED_CHUNK + 200, 2));
    const expected: readonly LogEntry[] = [...log.held()];
    const second = sim.save(first);
    sim.restore(first);
    expect(sim.logOf('B').held()).toHaveLength(SHARED_CHUNK + 100);
    sim.restore(second);
    expect(sim.logOf('B').held()).toEqual(expected);
    expect(sim.logOf('B').held()[500]!.term).toBe(2);
  });

  it('keep a request answered since the checkpoint before as answered', () => {
    const sim = new Simulation(scenarioSchema.parse({ version: 1, nodes: 3, seed: 1 }));
    sim.runUntil(2000);
    for (let k = 0; k < 70; k++) sim.perform({ at: sim.now, do: 'submit', command: `set k ${k}` });
    const first = sim.save();
    expect(sim.snapshot().requests.every((r) => r.status === 'pending')).toBe(true);
    sim.runUntil(sim.now + 3000);
    const answered = sim.snapshot().requests.map((r) => r.status);
    expect(answered.every((s) => s === 'succeeded')).toBe(true);
    const second = sim.save(first);
    sim.restore(first);
    sim.restore(second);
    expect(sim.snapshot().requests.map((r) => r.status)).toEqual(answered);
  });

  it('keep one object per settled request between the run and its checkpoints, and copy pending ones', () => {
    const sim = new Simulation(scenarioSchema.parse({ version: 1, nodes: 3, seed: 1 }));
    sim.runUntil(2000);
    sim.perform({ at: sim.now, do: 'submit', command: 'set k 1' });
    sim.runUntil(sim.now + 3000);
    sim.perform({ at: sim.now, do: 'submit', command: 'set k 2' });
    const saved = sim.save();
    const [settled, pending] = saved.client.requests.chunks[0]!;
    expect([settled!.status, pending!.status]).toEqual(['succeeded', 'pending']);
    const live = (sim as unknown as { client: { state: { requests: object[] } } }).client.state.requests;
    expect(settled).toBe(live[0]);
    expect(pending).not.toBe(live[1]);
    // The pending request is answered after the save: the checkpoint still has it pending.
    sim.runUntil(sim.now + 3000);
    expect(pending!.status).toBe('pending');
    sim.restore(saved);
    expect(sim.snapshot().requests.map((r) => r.status)).toEqual(['succeeded', 'pending']);
  });

  it('take a log that only grew from the checkpoint before without copying its full chunks', () => {
    const sim = longLogs();
    const first = sim.save();
    (sim.logOf('A') as RaftLog).append(entries(5, 1));
    const second = sim.save(first);
    expect(second.nodes.A!.log!.entries.chunks[0]).toBe(first.nodes.A!.log!.entries.chunks[0]);
    sim.restore(second);
    expect(sim.logOf('A').held()).toHaveLength(SHARED_CHUNK + 105);
  });
});

describe("the checker's checkpoints, taken from what was written since the last one", () => {
  it('hold the checker state exactly, through crashes, partitions, lost messages and log repairs', () => {
    // Writes every 15 ms for a minute: the checker's arrays span several shared chunks, and nodes that
    // fall behind or lead a minority get their logs repaired (truncations) well after earlier saves.
    const turbulence = [
      { at: 9000, do: 'kill', node: 'A' },
      { at: 14_000, do: 'restart', node: 'A' },
      { at: 52_000, do: 'kill', node: 'C' },
      { at: 56_000, do: 'restart', node: 'C' },
    ];
    const writes = Array.from({ length: 4000 }, (_, k) => ({
      at: 300 + 15 * k,
      do: 'submit',
      command: `set k${k % 9} ${k}`,
    }));
    const sim = new Simulation(
      scenarioSchema.parse({
        version: 1,
        nodes: 5,
        seed: 7,
        network: { dropRate: 0.05, duplicateRate: 0.05 },
        actions: [...turbulence, ...writes],
      }),
    );
    let previous: ReturnType<Simulation['save']> | undefined;
    let saves = 0;
    // The leader is cut off twice while writes go on: the entries it takes alone are repaired away later.
    const cutOffLeader = (): void => {
      const leader = sim.snapshot().nodes.find((n) => n.role === 'leader')!.id;
      sim.perform({ at: sim.now, do: 'isolate', node: leader });
      sim.runUntil(sim.now + 8000);
      sim.perform({ at: sim.now, do: 'restore', node: leader });
    };
    let truncations = 0;
    for (let t = 500; t <= 62_000; t += 500) {
      if (t === 21_000 || t === 38_000) cutOffLeader();
      const from = sim.records.length;
      sim.runUntil(t);
      for (let i = from; i < sim.records.length; i++) {
        const r = sim.records.at(i)!;
        if (r.kind === 'node' && r.event.type === 'entriesTruncated') truncations++;
      }
      const saved = sim.save(previous);
      expect(restoreCheckerState(saved.checker)).toEqual(sim.explorationView().checker);
      previous = saved;
      saves++;
    }
    expect(saves).toBeGreaterThan(100);
    expect(truncations).toBeGreaterThan(0);
    // The run wrote far past one chunk, so most of each save was taken without comparing.
    expect(sim.explorationView().checker.prefixTerm.length).toBeGreaterThan(2 * SHARED_CHUNK);
  });
});
