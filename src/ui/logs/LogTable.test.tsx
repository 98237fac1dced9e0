// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import { scrubEnded, scrubMoved } from '../time/scrubbing';
import { LogTable } from './LogTable';
import { makeNode, makeSnapshot } from '../test/snapshot-fixtures';

const e = (term: number, command: string) => ({ term, command });

/** A is leader of term 2 with 4 entries, 3 committed; B is caught up to 3, C lags at 1, D is down. */
function cluster() {
  return makeSnapshot([
    makeNode('A', {
      role: 'leader',
      currentTerm: 2,
      log: [e(1, 'set x 1'), e(2, ''), e(2, 'set y 2'), e(2, 'set z 3')],
      commitIndex: 3,
      lastApplied: 3,
      nextIndex: { B: 4, C: 2, D: 1 },
      matchIndex: { B: 3, C: 1, D: 0 },
      kv: { x: '1', y: '2' },
    }),
    makeNode('B', {
      currentTerm: 2,
      log: [e(1, 'set x 1'), e(2, ''), e(2, 'set y 2')],
      commitIndex: 2,
      lastApplied: 2,
      kv: { x: '1' },
    }),
    makeNode('C', { currentTerm: 2, log: [e(1, 'set x 1'), e(1, 'set w 9')], commitIndex: 1, lastApplied: 1 }),
    makeNode('D', { alive: false, currentTerm: 1, log: [e(1, 'set x 1')] }),
  ]);
}

beforeEach(() => {
  useSimStore.setState({ lang: 'en', snapshot: cluster(), selectedNode: null });
});
afterEach(cleanup);

describe('LogTable', () => {
  it('keeps the logs it shows while the timeline is dragged, and draws the instant the drag ends at', () => {
    render(<LogTable />);
    const c = () => screen.getByRole('list', { name: 'Log of node C' });
    expect(within(c()).getAllByRole('listitem', { name: /^index / })).toHaveLength(2);
    act(() => scrubMoved());
    // A seek along the way: C has caught up.
    const caughtUp = cluster();
    const nodes = caughtUp.nodes.map((n) =>
      n.id === 'C' ? { ...n, log: [e(1, 'set x 1'), e(2, ''), e(2, 'set y 2')], commitIndex: 3 } : n,
    );
    act(() => useSimStore.setState({ snapshot: { ...caughtUp, nodes } }));
    expect(within(c()).getAllByRole('listitem', { name: /^index / })).toHaveLength(2);
    expect(within(c()).queryByRole('listitem', { name: /set y 2/ })).toBeNull();
    act(() => scrubEnded());
    expect(within(c()).getByRole('listitem', { name: 'index 3, term 2, set y 2, committed' })).toBeInTheDocument();
  });

  it('marks committed and uncommitted entries differently, per node', () => {
    render(<LogTable />);
    const a = screen.getByRole('list', { name: 'Log of node A' });
    expect(within(a).getByRole('listitem', { name: 'index 3, term 2, set y 2, committed, applied' })).toHaveAttribute(
      'data-committed',
      'true',
    );
    expect(within(a).getByRole('listitem', { name: 'index 4, term 2, set z 3, not committed' })).toHaveAttribute(
      'data-committed',
      'false',
    );
    const b = screen.getByRole('list', { name: 'Log of node B' });
    // B holds index 3 but has not learned it is committed.
    expect(within(b).getByRole('listitem', { name: 'index 3, term 2, set y 2, not committed' })).toBeInTheDocument();
    expect(within(b).getByRole('listitem', { name: 'index 2, term 2, no-op, committed, applied' })).toBeInTheDocument();
  });

  it('names the voters of a configuration entry (§6) instead of calling it a no-op, in C_old,new both sets', () => {
    const joint = { term: 2, command: '', config: { old: ['A', 'B', 'C'], voters: ['C', 'D', 'E'] } };
    const single = { term: 2, command: '', config: { voters: ['A', 'B', 'C', 'D'] } };
    useSimStore.setState({
      snapshot: makeSnapshot([
        makeNode('A', { role: 'leader', currentTerm: 2, log: [e(1, 'set x 1'), single, joint] }),
      ]),
    });
    render(<LogTable />);
    const a = screen.getByRole('list', { name: 'Log of node A' });
    expect(within(a).getByRole('listitem', { name: /^index 2, term 2, config \{A,B,C,D\}/ })).toBeInTheDocument();
    expect(
      within(a).getByRole('listitem', { name: /^index 3, term 2, C_old,new \{A,B,C\}\+\{C,D,E\}/ }),
    ).toBeInTheDocument();
    expect(within(a).queryByRole('listitem', { name: /no-op/ })).toBeNull();
  });

  it("shows the leader's nextIndex and matchIndex on each follower's row, and none on its own", () => {
    render(<LogTable />);
    const b = screen.getByRole('list', { name: 'Log of node B' });
    expect(within(b).getByRole('img', { name: "leader A's nextIndex for B: 4" })).toBeInTheDocument();
    expect(within(b).getByRole('img', { name: "leader A's matchIndex for B: 3" })).toBeInTheDocument();
    const c = screen.getByRole('list', { name: 'Log of node C' });
    expect(within(c).getByRole('img', { name: "leader A's nextIndex for C: 2" })).toBeInTheDocument();
    expect(within(c).getByRole('img', { name: "leader A's matchIndex for C: 1" })).toBeInTheDocument();
    const a = screen.getByRole('list', { name: 'Log of node A' });
    expect(within(a).queryByRole('img')).toBeNull();
    expect(screen.getByRole('list', { name: 'Legend' })).toHaveTextContent('nextIndex');
  });

  it('marks the suffix the leader will overwrite (the frame’s conflictFrom), only on a follower of a leader', () => {
    const snap = cluster();
    const withConflict = (role: 'leader' | 'follower') => ({
      ...snap,
      nodes: snap.nodes.map((n) => (n.id === 'C' ? { ...n, conflictFrom: 2 } : n.id === 'A' ? { ...n, role } : n)),
    });
    act(() => useSimStore.setState({ snapshot: withConflict('leader') }));
    const { unmount } = render(<LogTable />);
    const c = screen.getByRole('list', { name: 'Log of node C' });
    expect(within(c).getByRole('listitem', { name: /^index 2, .*will be overwritten$/ })).toHaveAttribute(
      'data-doomed',
      'true',
    );
    expect(
      within(c).getByRole('listitem', { name: 'index 1, term 1, set x 1, committed, applied' }),
    ).not.toHaveAttribute('data-doomed');
    unmount();
    // Without a leader nothing is doomed: no one is repairing.
    act(() => useSimStore.setState({ snapshot: withConflict('follower') }));
    render(<LogTable />);
    expect(screen.queryAllByRole('listitem', { name: /will be overwritten/ })).toHaveLength(0);
  });

  it('shows no markers without a leader', () => {
    const snap = cluster();
    useSimStore.setState({
      snapshot: { ...snap, nodes: snap.nodes.map((n) => ({ ...n, role: 'follower' as const })) },
    });
    render(<LogTable />);
    expect(screen.queryAllByRole('img', { name: /nextIndex/ })).toHaveLength(0);
  });

  it("shows each node's key-value state and greys a dead node", () => {
    render(<LogTable />);
    expect(screen.getByRole('group', { name: 'State machine of node A' })).toHaveTextContent('x = 1y = 2');
    expect(screen.getByRole('button', { name: 'Node D, down, term 1' })).toBeInTheDocument();
  });

  it('renders a hostile command as text, never as HTML', () => {
    const snap = cluster();
    const evil = '<img src=x onerror=alert(1)>';
    useSimStore.setState({
      snapshot: { ...snap, nodes: [{ ...snap.nodes[0]!, log: [e(1, `set h ${evil}`)], kv: { h: evil } }] },
    });
    const { container } = render(<LogTable />);
    expect(container.querySelector('img')).toBeNull();
    expect(
      screen.getByRole('listitem', { name: `index 1, term 1, set h ${evil}, committed, applied` }),
    ).toHaveTextContent(`set h ${evil}`);
  });

  it('draws only a window of columns for a long log (1,000 entries × 9 nodes)', () => {
    const log = Array.from({ length: 1000 }, (_, i) => e(1 + Math.floor(i / 100), `set k ${i}`));
    const nodes = 'ABCDEFGHI'.split('').map((id) => makeNode(id, { log, commitIndex: 990, lastApplied: 990 }));
    act(() => useSimStore.setState({ snapshot: makeSnapshot(nodes) }));
    render(<LogTable />);
    const cells = screen.getAllByRole('listitem', { name: /^index \d+/ });
    expect(cells.length).toBeLessThan(9 * 100);
    // Pinned to the newest entries.
    expect(screen.getAllByRole('listitem', { name: /^index 1000, / })).toHaveLength(9);
    expect(screen.queryByRole('listitem', { name: /^index 1, / })).toBeNull();
  });

  it('speaks Korean when the class does', () => {
    useSimStore.setState({ lang: 'ko' });
    render(<LogTable />);
    expect(screen.getByRole('list', { name: '노드 A의 로그' })).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: '인덱스 4, 임기 2, set z 3, 커밋 전' })).toBeInTheDocument();
  });

  it("keeps the entries a node's entriesTruncated event removed as falling ghosts, never on a rewind", () => {
    useSimStore.setState({ feed: [] });
    render(<LogTable />);
    const c = () => screen.getByRole('list', { name: 'Log of node C' });
    const ghosts = () => c().querySelectorAll('[aria-hidden="true"][class*="ghost"]');
    // The leader's AppendEntries overwrites C's stale entry 2 (term 1) with its own (§7.2): C says so.
    const repaired = cluster();
    const nodes = repaired.nodes.map((n) => (n.id === 'C' ? { ...n, log: [e(1, 'set x 1'), e(2, '')] } : n));
    const truncated = {
      time: 110,
      step: 11,
      kind: 'node' as const,
      node: 'C',
      event: { type: 'entriesTruncated' as const, fromIndex: 2, removed: [e(1, 'set w 9')] },
    };
    act(() => useSimStore.setState({ snapshot: { ...repaired, step: 11, nodes }, feed: [truncated] }));
    expect(within(c()).getByRole('listitem', { name: /^index 2, term 2, no-op/ })).toBeInTheDocument();
    expect(ghosts()).toHaveLength(1);
    expect(ghosts()[0]).toHaveTextContent('set w 9');
    // It goes when its animation ends.
    fireEvent.animationEnd(ghosts()[0]!);
    expect(ghosts()).toHaveLength(0);

    // Stepping back shortens the log again, with no truncation of its own: nothing falls.
    act(() => useSimStore.setState({ snapshot: { ...cluster(), step: 9 }, feed: [] }));
    expect(ghosts()).toHaveLength(0);
    // Forward again past the same repair: it falls again, because the engine said so.
    act(() => useSimStore.setState({ snapshot: { ...repaired, step: 11, nodes }, feed: [truncated] }));
    expect(ghosts()).toHaveLength(1);
  });

  it('a log that changes without an entriesTruncated event drops no ghost', () => {
    useSimStore.setState({ feed: [] });
    render(<LogTable />);
    const repaired = cluster();
    const nodes = repaired.nodes.map((n) => (n.id === 'C' ? { ...n, log: [e(1, 'set x 1'), e(2, '')] } : n));
    act(() => useSimStore.setState({ snapshot: { ...repaired, step: 11, nodes } }));
    const c = screen.getByRole('list', { name: 'Log of node C' });
    expect(c.querySelectorAll('[class*="ghost"]')).toHaveLength(0);
  });

  it('marks an entry whose apply was a retry, in its accessible name too, in both languages', () => {
    const base = cluster();
    const nodes = base.nodes.map((n) => (n.id === 'A' ? { ...n, retried: [3] } : n));
    useSimStore.setState({ snapshot: { ...base, nodes } });
    render(<LogTable />);
    const a = screen.getByRole('list', { name: 'Log of node A' });
    expect(
      within(a).getByRole('listitem', {
        name: 'index 3, term 2, set y 2, committed, applied, a retry of a request already applied: not applied again',
      }),
    ).toHaveTextContent('↻');
    expect(within(a).getByRole('listitem', { name: /^index 2, / })).not.toHaveTextContent('↻');
    act(() => useSimStore.setState({ lang: 'ko' }));
    expect(
      within(screen.getByRole('list', { name: '노드 A의 로그' })).getByRole('listitem', {
        name: /^인덱스 3, .*이미 적용된 요청의 재시도: 다시 적용하지 않음$/,
      }),
    ).toBeInTheDocument();
  });
});
