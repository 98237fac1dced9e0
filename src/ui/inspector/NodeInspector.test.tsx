// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import { makeNode, makeSnapshot } from '../test/snapshot-fixtures';
import { NodeInspector } from './NodeInspector';

function field(name: string): HTMLElement {
  const dt = screen.getByText(name, { selector: 'code' }).closest('dt')!;
  return dt.nextElementSibling as HTMLElement;
}

beforeEach(() => {
  useSimStore.setState({
    lang: 'en',
    selectedNode: null,
    snapshot: makeSnapshot(
      [
        makeNode('A', {
          role: 'leader',
          currentTerm: 4,
          votedFor: 'A',
          leaderId: 'A',
          log: [
            { term: 1, command: 'set x 1' },
            { term: 4, command: 'set y 2' },
          ],
          commitIndex: 2,
          lastApplied: 2,
          nextIndex: { B: 3, C: 2 },
          matchIndex: { B: 2, C: 0 },
          heartbeatTimer: { armedAt: 980, deadline: 1030 },
        }),
        makeNode('B', {
          currentTerm: 3,
          votedFor: 'C',
          leaderId: 'A',
          log: [{ term: 1, command: 'set x 1' }],
          commitIndex: 1,
          lastApplied: 1,
          electionTimer: { armedAt: 900, deadline: 1200 },
        }),
        makeNode('C', {
          role: 'candidate',
          currentTerm: 5,
          votedFor: 'C',
          votesGranted: ['C', 'B'],
          votesRefused: ['A'],
        }),
      ],
      { time: 1000 },
    ),
  });
});
afterEach(cleanup);

describe('NodeInspector', () => {
  it('says how to select a node when none is selected', () => {
    render(<NodeInspector />);
    expect(screen.getByText(/Click a node/)).toBeInTheDocument();
  });

  it("shows the selected node's currentTerm, votedFor, commitIndex and timers", () => {
    useSimStore.setState({ selectedNode: 'B' });
    render(<NodeInspector />);
    expect(screen.getByRole('heading', { name: 'Node B' })).toBeInTheDocument();
    expect(field('currentTerm')).toHaveTextContent('3');
    expect(field('votedFor')).toHaveTextContent('C');
    expect(field('commitIndex')).toHaveTextContent('1');
    expect(field('lastApplied')).toHaveTextContent('1');
    expect(field('leaderId')).toHaveTextContent('A');
    expect(field('log[]')).toHaveTextContent('1 entry');
    expect(field('election timer')).toHaveTextContent('fires at 1,200 ms (in 200 ms)');
    expect(field('heartbeat timer')).toHaveTextContent('not running');
    // Persistent and volatile state are told apart as in Figure 2.
    const persistent = screen.getByRole('region', { name: /Persistent state/ });
    expect(within(persistent).getByText('currentTerm')).toBeInTheDocument();
    expect(within(persistent).queryByText('commitIndex')).toBeNull();
  });

  it("shows a leader's nextIndex and matchIndex per follower", () => {
    useSimStore.setState({ selectedNode: 'A' });
    render(<NodeInspector />);
    const rowB = screen.getByRole('row', { name: /^B/ });
    expect(
      within(rowB)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', '2']);
  });

  it("shows a candidate's votes and follows the node chosen in the select", async () => {
    render(<NodeInspector />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Node' }), 'C');
    expect(useSimStore.getState().selectedNode).toBe('C');
    expect(field('votesGranted')).toHaveTextContent('C, B');
    expect(field('votesRefused')).toHaveTextContent('A');
    expect(screen.getByText('2 of the 2 needed')).toBeInTheDocument();
  });

  it('speaks Korean', () => {
    useSimStore.setState({ lang: 'ko', selectedNode: 'B' });
    render(<NodeInspector />);
    expect(screen.getByRole('heading', { name: '노드 B' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /영속 상태/ })).toBeInTheDocument();
  });
});
