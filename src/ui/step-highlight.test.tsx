// @vitest-environment jsdom
// Stepping shows what the step changed: the inspector's fields and the log's cells.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { stepChanges } from '../store/step-changes';
import { useSimStore } from '../store/sim-store';
import { NodeInspector } from './inspector/NodeInspector';
import { LogTable } from './logs/LogTable';
import { makeNode, makeSnapshot } from './test/snapshot-fixtures';

afterEach(cleanup);

const before = makeSnapshot(
  [
    makeNode('A', { currentTerm: 1, log: [{ term: 1, command: 'set x 1' }], commitIndex: 1 }),
    makeNode('B', { currentTerm: 1, log: [{ term: 1, command: 'set x 1' }], commitIndex: 1 }),
  ],
  { step: 10 },
);
// One step later: A timed out (term 2, voted for itself); B received a new entry.
const after = makeSnapshot(
  [
    makeNode('A', { currentTerm: 2, votedFor: 'A', role: 'candidate', log: before.nodes[0]!.log, commitIndex: 1 }),
    makeNode('B', {
      currentTerm: 1,
      log: [
        { term: 1, command: 'set x 1' },
        { term: 1, command: 'set y 2' },
      ],
      commitIndex: 1,
    }),
  ],
  { step: 11 },
);

describe('after a step', () => {
  it('the inspector marks the fields the step changed, and only those', () => {
    useSimStore.setState({ lang: 'en', snapshot: after, selectedNode: 'A', changes: stepChanges(before, after) });
    render(<NodeInspector />);
    const changed = [...document.querySelectorAll('[data-changed] code')].map((c) => c.textContent);
    expect(changed).toEqual(expect.arrayContaining(['currentTerm', 'votedFor', 'role']));
    expect(changed).not.toContain('commitIndex');
    expect(screen.getAllByText('changed').length).toBe(changed.length);
  });

  it('the log table outlines the new cell', () => {
    useSimStore.setState({ lang: 'ko', snapshot: after, selectedNode: null, changes: stepChanges(before, after) });
    render(<LogTable />);
    const flagged = [...document.querySelectorAll('[data-flag="changed"]')];
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.textContent).toContain('set y 2');
  });
});
