// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import type { ClientReply, ClusterFrame } from '../../sim/types';
import { showTab, useSideStore } from '../chrome/side-store';
import { ClusterView } from './ClusterView';
import { MessageDetails } from './MessageDetails';
import { envelope, node, snapshot } from '../test/snapshot-fixtures';
import { resetStore } from '../test/store';

beforeEach(() => {
  useSimStore.setState({ lang: 'en', selectedNode: null, selectedMessage: null });
});
afterEach(() => {
  cleanup();
  resetStore();
});

/** As the store shows a frame: the view and the message canvas draw the same cluster. */
function show(s: ClusterFrame): void {
  act(() => useSimStore.setState({ snapshot: s, live: s }));
}

/** Where a message's button sits, in the drawing's viewBox units (what it records while paused). */
function position(el: Element): { x: number; y: number } {
  const x = el.getAttribute('data-x');
  const y = el.getAttribute('data-y');
  if (x === null || y === null) throw new Error('the message button was not placed');
  return { x: Number(x), y: Number(y) };
}

const cluster = snapshot({
  nodes: [
    node('A', { currentTerm: 4, votedFor: 'C' }),
    node('B', { alive: false, currentTerm: 3, electionTimer: null }),
    node('C', { role: 'leader', currentTerm: 4, votedFor: 'C', electionTimer: null }),
    node('D', { role: 'candidate', currentTerm: 5, votedFor: 'D', votesGranted: ['D', 'E'], votesRefused: ['A'] }),
    node('E', { role: 'preCandidate', currentTerm: 4 }),
  ],
});

describe('nodes', () => {
  it('names each node by letter, role and term in English', () => {
    render(<ClusterView />);
    show(cluster);
    expect(screen.getByRole('button', { name: 'Node A, follower, term 4' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Node C, leader, term 4' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Node D, candidate, term 5' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Node E, pre-candidate, term 4' })).toBeInTheDocument();
  });

  it('names each node in Korean when the language is Korean', () => {
    render(<ClusterView />);
    show(cluster);
    act(() => useSimStore.setState({ lang: 'ko' }));
    expect(screen.getByRole('button', { name: '노드 C, 리더, 임기 4' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '노드 A, 팔로워, 임기 4' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '노드 B, 중지됨, 임기 3' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Node C/ })).toBeNull();
  });

  it('labels the leader as Leader, in words and not only by colour', () => {
    render(<ClusterView />);
    show(cluster);
    const leader = screen.getByRole('button', { name: /^Node C/ });
    expect(within(leader).getByText('Leader')).toBeInTheDocument();
    expect(within(screen.getByRole('button', { name: /^Node A/ })).queryByText('Leader')).toBeNull();
  });

  it('marks a dead node as down, still showing the term it keeps on disk', () => {
    render(<ClusterView />);
    show(cluster);
    const dead = screen.getByRole('button', { name: 'Node B, down, term 3' });
    expect(within(dead).getByText('Down')).toBeInTheDocument();
    expect(dead).toHaveAttribute('data-status', 'down');
  });

  it('shows a candidate who granted and who refused its vote', () => {
    render(<ClusterView />);
    show(cluster);
    const candidate = screen.getByRole('button', { name: /^Node D/ });
    expect(within(candidate).getByText('✓ D E')).toBeInTheDocument();
    expect(within(candidate).getByText('✗ A')).toBeInTheDocument();
  });

  it('shows whom a follower voted for', () => {
    render(<ClusterView />);
    show(cluster);
    expect(within(screen.getByRole('button', { name: /^Node A/ })).getByText('voted for C')).toBeInTheDocument();
  });

  it('says when a node is isolated', () => {
    render(<ClusterView />);
    show(snapshot({ network: { ...cluster.network, isolated: ['E'] } }));
    const isolated = screen.getByRole('button', { name: 'Node E, follower, term 1, isolated' });
    expect(within(isolated).getByText(/isolated/)).toBeInTheDocument();
  });

  it('selects a node when it is clicked or activated with the keyboard', () => {
    render(<ClusterView />);
    show(cluster);
    fireEvent.click(screen.getByRole('button', { name: /^Node D/ }));
    expect(useSimStore.getState().selectedNode).toBe('D');
    fireEvent.keyDown(screen.getByRole('button', { name: /^Node A/ }), { key: 'Enter' });
    expect(useSimStore.getState().selectedNode).toBe('A');
    expect(screen.getByRole('button', { name: /^Node A/ })).toHaveAttribute('aria-pressed', 'true');
  });

  it('opens the Node tab when a node is chosen, also when it was already chosen', () => {
    render(<ClusterView />);
    show(snapshot());
    fireEvent.click(screen.getByRole('button', { name: /^Node B/ }));
    expect(useSideStore.getState().tab).toBe('node');
    act(() => showTab('events'));
    fireEvent.click(screen.getByRole('button', { name: /^Node B/ }));
    expect(useSideStore.getState().tab).toBe('node');
  });

  it('depletes the election timer with virtual time and refills it when re-armed', () => {
    const { container } = render(<ClusterView />);
    const timer = () => container.querySelector('[data-remaining]')!.getAttribute('data-remaining');
    // A full ring is the scenario's longest election timeout (300 ms by default).
    const one = (time: number, armedAt: number, length = 300) =>
      snapshot({ time, nodes: [node('A', { electionTimer: { armedAt, deadline: armedAt + length } })] });
    show(one(175, 100));
    expect(timer()).toBe('0.750');
    show(one(250, 100));
    expect(timer()).toBe('0.500');
    // A heartbeat re-armed it at 250.
    show(one(250, 250));
    expect(timer()).toBe('1.000');
  });

  it('shows at t = 0 whose randomized timeout is shortest: the arcs measure time left, not a fraction of each timer', () => {
    const { container } = render(<ClusterView />);
    show(
      snapshot({
        time: 0,
        nodes: [
          node('A', { electionTimer: { armedAt: 0, deadline: 290 } }),
          node('B', { electionTimer: { armedAt: 0, deadline: 160 } }),
        ],
      }),
    );
    const fills = [...container.querySelectorAll('[data-remaining]')].map((el) => el.getAttribute('data-remaining'));
    expect(fills).toEqual(['0.967', '0.533']);
  });
});

describe('a network partition', () => {
  const split = {
    ...cluster,
    network: {
      ...cluster.network,
      partition: [
        ['A', 'B'],
        ['C', 'D', 'E'],
      ],
    },
  };

  it('is named under the drawing, group by group, in both languages, and only while there is one', () => {
    render(<ClusterView />);
    show(cluster);
    expect(screen.queryByRole('list', { name: 'Network partition' })).toBeNull();
    show(split);
    const key = screen.getByRole('list', { name: 'Network partition' });
    expect(within(key).getByText('group 1: A, B')).toBeInTheDocument();
    expect(within(key).getByText('group 2: C, D, E')).toBeInTheDocument();
    act(() => useSimStore.setState({ lang: 'ko' }));
    const ko = screen.getByRole('list', { name: '네트워크 분할' });
    expect(within(ko).getByText('그룹 2: C, D, E')).toBeInTheDocument();
    show({ ...split, network: { ...split.network, partition: null } });
    expect(screen.queryByRole('list', { name: '네트워크 분할' })).toBeNull();
  });
});

describe('messages', () => {
  const requestVote = envelope(7, {
    from: 'C',
    to: 'A',
    sentAt: 100,
    deliverAt: 120,
    payload: { type: 'RequestVote', term: 4, candidateId: 'C', lastLogIndex: 6, lastLogTerm: 3 },
  });

  it('puts a message halfway along its path at the halfway time', () => {
    render(<ClusterView />);
    const at = (time: number) => {
      show(snapshot({ time, messages: [requestVote] }));
      return position(screen.getByRole('button', { name: 'RequestVote from C to A, term 4' }));
    };
    const start = at(100);
    const end = at(120);
    const middle = at(110);
    expect(Math.hypot(end.x - start.x, end.y - start.y)).toBeGreaterThan(100);
    expect(middle.x).toBeCloseTo((start.x + end.x) / 2, 0);
    expect(middle.y).toBeCloseTo((start.y + end.y) / 2, 0);
    const quarter = at(105);
    expect(quarter.x).toBeCloseTo(start.x + (end.x - start.x) / 4, 0);
  });

  it('gives each kind its own glyph and an accessible name with its details', () => {
    render(<ClusterView />);
    show(
      snapshot({
        messages: [
          envelope(1, {
            from: 'A',
            to: 'B',
            payload: {
              type: 'AppendEntries',
              term: 2,
              leaderId: 'A',
              prevLogIndex: 0,
              prevLogTerm: 0,
              entries: [],
              leaderCommit: 0,
            },
          }),
          envelope(2, {
            from: 'A',
            to: 'C',
            payload: {
              type: 'AppendEntries',
              term: 2,
              leaderId: 'A',
              prevLogIndex: 0,
              prevLogTerm: 0,
              entries: [
                { term: 2, command: 'set x 1' },
                { term: 2, command: 'set y 2' },
              ],
              leaderCommit: 0,
            },
          }),
          envelope(3, {
            from: 'B',
            to: 'D',
            payload: { type: 'RequestVoteReply', term: 2, voteGranted: false },
          }),
          envelope(4, {
            from: 'client',
            to: 'B',
            payload: { type: 'ClientRequest', requestId: 9, command: 'set x 1' },
          }),
        ],
      }),
    );
    // The shapes are painted on a canvas (glyphs: message-sprites.test.ts); each message is also a named button.
    const heartbeat = screen.getByRole('button', { name: 'AppendEntries heartbeat from A to B, term 2' });
    expect(heartbeat).toHaveAttribute('data-kind', 'heartbeat');
    const append = screen.getByRole('button', { name: 'AppendEntries (2 entries) from A to C, term 2' });
    expect(append).toHaveAttribute('data-kind', 'append');
    const refused = screen.getByRole('button', { name: 'vote refused from B to D, term 2' });
    expect(refused).toHaveAttribute('data-kind', 'voteRefused');
    expect(screen.getByRole('button', { name: 'ClientRequest from client to B' })).toHaveAttribute(
      'data-kind',
      'clientRequest',
    );
    expect(screen.getByRole('group', { name: 'Messages in flight' }).children).toHaveLength(4);
  });

  it('takes a dropped message out of the keyboard order (it fades on the canvas: message-sprites.test.ts)', () => {
    render(<ClusterView />);
    show(snapshot({ time: 130, recentlyDropped: [{ message: requestVote, droppedAt: 115, reason: 'random-loss' }] }));
    expect(screen.queryByRole('button', { name: /RequestVote/ })).toBeNull();
  });

  it('while playing, a click on the drawing picks the message painted under the pointer', () => {
    render(<ClusterView />);
    // Paused first: the button records where its message is painted (viewBox units).
    show(snapshot({ time: 110, messages: [requestVote] }));
    const at = position(screen.getByRole('button', { name: 'RequestVote from C to A, term 4' }));
    // jsdom lays nothing out, so the drawing keeps its fallback size: one CSS pixel per unit.
    const drawing = screen.getByRole('group', { name: /^The cluster/ }).parentElement!;
    drawing.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 1000, height: 840 });
    act(() => useSimStore.setState({ playing: true }));
    fireEvent.click(drawing, { clientX: at.x + 3, clientY: at.y - 3 });
    expect(useSimStore.getState().selectedMessage).toBe(7);
    // Far from any message the click goes on to what is beneath (nothing here).
    act(() => useSimStore.getState().selectMessage(null));
    fireEvent.click(drawing, { clientX: 5, clientY: 5 });
    expect(useSimStore.getState().selectedMessage).toBeNull();
  });

  it('shows every field of a clicked message, and Drop asks the engine to drop it', () => {
    const actSpy = vi.fn();
    useSimStore.setState({ act: actSpy });
    render(
      <>
        <ClusterView />
        <MessageDetails />
      </>,
    );
    show(snapshot({ messages: [requestVote] }));
    expect(screen.queryByRole('button', { name: 'Drop this message' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'RequestVote from C to A, term 4' }));
    const details = screen.getByRole('region', { name: /Message #7/ });
    const field = (label: string) => within(details).getByText(label).nextElementSibling?.textContent;
    expect(field('type')).toBe('RequestVote');
    expect(field('from')).toBe('C');
    expect(field('to')).toBe('A');
    expect(field('sentAt')).toBe('100 ms');
    expect(field('deliverAt')).toBe('120 ms');
    expect(field('term')).toBe('4');
    expect(field('candidateId')).toBe('C');
    expect(field('lastLogIndex')).toBe('6');
    expect(field('lastLogTerm')).toBe('3');

    fireEvent.click(within(details).getByRole('button', { name: 'Drop this message' }));
    expect(actSpy).toHaveBeenCalledWith({ do: 'drop', message: 7 });

    // Delivered: no longer in flight, so the details close.
    show(snapshot({ time: 121, messages: [] }));
    expect(screen.queryByRole('region', { name: /Message #7/ })).toBeNull();
  });

  it('shows the entries, the commit index and the conflict hint of log replication messages', () => {
    useSimStore.setState({ selectedMessage: 2 });
    render(<MessageDetails />);
    show(
      snapshot({
        messages: [
          envelope(2, {
            payload: {
              type: 'AppendEntries',
              term: 3,
              leaderId: 'A',
              prevLogIndex: 4,
              prevLogTerm: 2,
              entries: [{ term: 3, command: 'set x 1' }],
              leaderCommit: 4,
            },
          }),
        ],
      }),
    );
    expect(screen.getByText('#5 term 3: set x 1')).toBeInTheDocument();
    expect(screen.getByText('leaderCommit').nextElementSibling?.textContent).toBe('4');
    expect(screen.getByText('prevLogTerm').nextElementSibling?.textContent).toBe('2');

    act(() => useSimStore.setState({ selectedMessage: 3 }));
    show(
      snapshot({
        messages: [
          envelope(3, {
            from: 'B',
            to: 'A',
            payload: {
              type: 'AppendEntriesReply',
              term: 3,
              success: false,
              prevLogIndex: 0,
              matchIndex: 0,
              conflictTerm: 2,
              conflictIndex: 3,
            },
          }),
        ],
      }),
    );
    expect(screen.getByText('success').nextElementSibling?.textContent).toBe('no');
    expect(screen.getByText('conflict hint').nextElementSibling?.textContent).toBe('term 2 starts at index 3');
  });

  it("shows why a leader's refusal of a client request is not a redirect: a handover, a change deferred", () => {
    useSimStore.setState({ selectedMessage: 4 });
    render(<MessageDetails />);
    const reply = (payload: ClientReply) => snapshot({ messages: [envelope(4, { from: 'A', to: 'client', payload })] });
    show(reply({ type: 'ClientReply', requestId: 9, success: false, leaderHint: null, transferringTo: 'C' }));
    expect(screen.getByText('transferringTo (leader handing over)').nextElementSibling?.textContent).toBe('C');
    show(reply({ type: 'ClientReply', requestId: 9, success: false, changeDeferred: 'change-in-progress' }));
    expect(screen.getByText('changeDeferred (try again shortly)').nextElementSibling?.textContent).toBe(
      'change-in-progress',
    );
    expect(screen.queryByText('leaderHint')).toBeNull();
  });
});

describe('the message canvas at start-up', () => {
  it('is not touched while it is blank and nothing is in flight, and is cleared once its messages are gone', () => {
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext');
    try {
      render(<ClusterView />);
      show(cluster);
      show(snapshot({ time: 10 }));
      // Nothing painted yet: the canvas's first use (its context and pixels) waits for a message.
      expect(getContext).not.toHaveBeenCalled();
      const vote = envelope(1, {
        from: 'C',
        to: 'A',
        sentAt: 15,
        deliverAt: 35,
        payload: { type: 'RequestVote', term: 4, candidateId: 'C', lastLogIndex: 6, lastLogTerm: 3 },
      });
      show(snapshot({ time: 20, messages: [vote] }));
      expect(getContext).toHaveBeenCalledTimes(1);
      // The message arrived: the canvas is cleared once, then left alone while it stays blank.
      show(snapshot({ time: 30 }));
      expect(getContext).toHaveBeenCalledTimes(2);
      show(snapshot({ time: 40 }));
      expect(getContext).toHaveBeenCalledTimes(2);
    } finally {
      getContext.mockRestore();
    }
  });
});
