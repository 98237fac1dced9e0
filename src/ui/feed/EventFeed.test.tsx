// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../sim/types';
import { useSimStore } from '../../store/sim-store';
import { makeNode, makeSnapshot } from '../test/snapshot-fixtures';
import { scrubEnded, scrubMoved } from '../time/scrubbing';
import { EventFeed } from './EventFeed';

const evil = 'set h <img src=x onerror=alert(1)>';
const feed: TraceEvent[] = [
  { time: 100, step: 1, kind: 'client', event: { type: 'submitted', requestId: 1, command: evil, to: 'A' } },
  {
    time: 100,
    step: 1,
    kind: 'sent',
    message: {
      id: 1,
      from: 'client',
      to: 'A',
      sentAt: 100,
      deliverAt: 110,
      payload: { type: 'ClientRequest', requestId: 1, command: evil },
      lost: false,
      duplicate: false,
    },
  },
  {
    time: 200,
    step: 2,
    kind: 'node',
    node: 'B',
    event: {
      type: 'voteGranted',
      candidate: 'C',
      term: 4,
      preVote: false,
      check: {
        votedFor: null,
        voterTerm: 0,
        voterLastLogTerm: 0,
        voterLastLogIndex: 0,
        candidateLastLogTerm: 0,
        candidateLastLogIndex: 0,
        candidateUpToDate: true,
      },
    },
  },
];

/** A client request submitted at `step`: one feed line that names its request number. */
const submitted = (step: number): TraceEvent => ({
  time: step * 10,
  step,
  kind: 'client',
  event: { type: 'submitted', requestId: step, command: `set x ${step}`, to: 'A' },
});
/** What a seek's frame brings: the last records before the instant shown (steps up to `last`). */
const at = (last: number): TraceEvent[] => Array.from({ length: 5 }, (_, i) => submitted(last - 4 + i));
const list = () => screen.getByRole('list', { name: 'Event feed, oldest first' });
/** The request numbers the feed's lines tell, in order. */
const lines = () => [...list().children].map((li) => /request #(\d+) /.exec(li.textContent ?? '')?.[1]);

beforeEach(() => useSimStore.setState({ lang: 'en', feed, snapshot: makeSnapshot([makeNode('A')]) }));
afterEach(cleanup);

describe('EventFeed', () => {
  it('before the first event, asks for play or step when paused, and says what the nodes wait for when playing', () => {
    useSimStore.setState({
      feed: [],
      playing: false,
      snapshot: makeSnapshot([makeNode('A', { currentTerm: 0 })], { time: 0, step: 0 }),
    });
    render(<EventFeed />);
    expect(screen.getByText('Nothing has happened yet: press play or step.')).toBeInTheDocument();
    act(() => useSimStore.setState({ playing: true }));
    expect(
      screen.getByText('Nothing has happened yet: every node starts as a follower and waits for its election timer.'),
    ).toBeInTheDocument();
  });

  it('tells the trace in words, with commands as text and never as HTML', () => {
    const { container } = render(<EventFeed />);
    expect(screen.getByText(`Client sent request #1 "${evil}" to A`)).toBeInTheDocument();
    expect(screen.getByText(/^B voted for C in term 4: /)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows raw messages only behind the toggle', async () => {
    render(<EventFeed />);
    expect(screen.queryByText(/client → A/)).toBeNull();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Show messages (heartbeats included)' }));
    expect(screen.getByText(`client → A: client request #1 "${evil}"`)).toBeInTheDocument();
  });

  it('pins invariant violations on top, where the facts link to', () => {
    useSimStore.setState({
      snapshot: makeSnapshot([makeNode('A')], {
        violations: [
          { invariant: 'Log Matching', time: 300, nodes: ['A'], index: 2, term: 1, detail: 'logs differ at 2' },
        ],
      }),
    });
    render(<EventFeed />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('id', 'feed-violations');
    expect(alert).toHaveTextContent('Invariant violated — Log Matching: logs differ at 2');
    // Korean is built from the violation's fields, not the checker's English sentence.
    act(() => useSimStore.setState({ lang: 'ko' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      '불변식 위반 — 로그 일치: A의 인덱스 2 엔트리(임기 1)는 다른 로그의 엔트리와 같지만 그 앞의 로그가 다름',
    );
  });

  it('speaks Korean, and re-words the lines already shown when the language changes', () => {
    render(<EventFeed />);
    expect(screen.getByText(/^B voted for C in term 4: /)).toBeInTheDocument();
    act(() => useSimStore.setState({ lang: 'ko' }));
    expect(screen.getByText(/^B가 임기 4에서 C에게 투표함: /)).toBeInTheDocument();
    expect(screen.queryByText(/^B voted for C/)).toBeNull();
    expect(screen.getByRole('checkbox', { name: '메시지 보기 (하트비트 포함)' })).toBeInTheDocument();
  });

  it('keeps its lines while the timeline is dragged, then tells the instant the drag ends at', () => {
    useSimStore.setState({ feed: at(5) });
    render(<EventFeed />);
    expect(lines()).toEqual(['1', '2', '3', '4', '5']);

    act(() => scrubMoved());
    expect(list()).toHaveAttribute('aria-busy', 'true');
    // Seeks along the way redraw nothing…
    act(() => useSimStore.setState({ feed: at(50) }));
    act(() => useSimStore.setState({ feed: at(90) }));
    expect(lines()).toEqual(['1', '2', '3', '4', '5']);
    // …and the end of the drag tells its own instant, not the ones passed through.
    act(() => scrubEnded());
    expect(list()).toHaveAttribute('aria-busy', 'false');
    expect(lines()).toEqual(['1', '2', '3', '4', '5', '86', '87', '88', '89', '90']);

    // A drag back to an earlier instant starts the story over there.
    act(() => scrubMoved());
    act(() => useSimStore.setState({ feed: at(30) }));
    expect(lines().at(-1)).toBe('90');
    act(() => scrubEnded());
    expect(lines()).toEqual(['26', '27', '28', '29', '30']);
  });

  it('starts its story over on another branch or a new run, even at a later instant', () => {
    useSimStore.setState({ feed: at(5), feedJumps: 0 });
    render(<EventFeed />);
    // Later on the same branch: the story goes on.
    act(() => useSimStore.setState({ feed: at(40) }));
    expect(lines()).toEqual(['1', '2', '3', '4', '5', '36', '37', '38', '39', '40']);
    // Another branch (or run) at a later instant: what was told belongs to the branch left behind.
    act(() => useSimStore.setState({ feed: at(90), feedJumps: 1 }));
    expect(lines()).toEqual(['86', '87', '88', '89', '90']);
  });

  it('says a stretch of only messages and timers is quiet, not that nothing has happened', () => {
    const heartbeatsOnly: TraceEvent[] = [
      { time: 5000, step: 900, kind: 'timerFired', node: 'A', timer: 'heartbeat' },
      { time: 5001, step: 901, kind: 'timerFired', node: 'A', timer: 'heartbeat' },
    ];
    useSimStore.setState({
      feed: heartbeatsOnly,
      playing: false,
      snapshot: makeSnapshot([makeNode('A', { currentTerm: 3 })], { time: 5001, step: 901 }),
    });
    render(<EventFeed />);
    expect(screen.queryByText(/Nothing has happened yet/)).toBeNull();
    expect(screen.getByText(/Only messages and timer ticks in the latest events/)).toBeInTheDocument();
  });

  it('lets the oldest lines go fifty at a time, always keeping the newest hundred', { timeout: 30000 }, () => {
    const submitted = (step: number): TraceEvent => ({
      time: step * 10,
      step,
      kind: 'client',
      event: { type: 'submitted', requestId: step, command: `set x ${step}`, to: 'A' },
    });
    const steps = (n: number) => Array.from({ length: n }, (_, i) => submitted(i + 1));
    const shown = () => {
      const items = screen.getByRole('list', { name: 'Event feed, oldest first' }).children;
      return { count: items.length, first: items[0]?.textContent ?? '' };
    };
    useSimStore.setState({ feed: steps(120) });
    render(<EventFeed />);
    expect(shown().count).toBe(100);
    expect(shown().first).toContain('request #21 ');
    // The top stays put while lines are only added…
    act(() => useSimStore.setState({ feed: steps(160) }));
    expect(shown().count).toBe(140);
    expect(shown().first).toContain('request #21 ');
    // …until 150 have piled up: then the oldest go together.
    act(() => useSimStore.setState({ feed: steps(175) }));
    expect(shown().count).toBe(100);
    expect(shown().first).toContain('request #76 ');
  });
});
