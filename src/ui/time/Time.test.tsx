// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LeaderBand, TimelineMarks } from '../../sim/timeline';
import type { InvariantName, Violation } from '../../sim/types';
import { useSimStore } from '../../store/sim-store';
import { envelope, snapshot } from '../test/snapshot-fixtures';
import { fakeLayout, resetStore } from '../test/store';
import { BranchList } from './BranchList';
import { ManualDelivery } from './ManualDelivery';
import { SCRUB_REST_MS, useScrubbing } from './scrubbing';
import { TimeControls } from './TimeControls';
import { bandRows, thinOut, Timeline } from './Timeline';

const marks: TimelineMarks = {
  leaderships: [
    { node: 'A', term: 1, from: 150, fromStep: 10, to: 450, toStep: 25, end: 'crashed' },
    { node: 'B', term: 2, from: 560, fromStep: 40, to: null, toStep: null, end: null },
  ],
  lanes: [],
  leaders: [
    { time: 150, step: 10, node: 'A', term: 1 },
    { time: 560, step: 40, node: 'B', term: 2 },
  ],
  nodes: [{ time: 450, step: 25, node: 'A', kind: 'crashed' }],
  network: [],
  commits: [],
  violations: [{ time: 700, step: 50, invariant: 'Election Safety', detail: 'two leaders in term 2' }],
  revision: 0,
  eventsRead: 60,
};

const history = {
  end: { step: 80, time: 1000 },
  branch: 0,
  branches: [{ id: 0, parent: null, fork: null, end: { step: 80, time: 1000 }, liveActions: 0, current: true }],
};

beforeEach(() => {
  useSimStore.setState({ lang: 'en', snapshot: snapshot({ time: 250, step: 20 }), marks, history, report: null });
  // jsdom lays nothing out: the strip is 800 px wide from x = 0.
  fakeLayout(800, 52);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  resetStore();
});

describe('Timeline', () => {
  it('draws a band per leader and term and a violation mark', () => {
    const { container } = render(<Timeline />);
    const titles = [...container.querySelectorAll('title')].map((el) => el.textContent);
    expect(titles).toContain('A leads term 1 from 0.150 s until it crashed at 0.450 s');
    expect(titles).toContain('B leads term 2 from 0.560 s');
    expect(screen.getAllByTestId('term-band')).toHaveLength(2);
    expect(screen.getAllByTestId('violation-mark')).toHaveLength(1);
    expect(titles).toContain('Violation: Election Safety at 0.700 s');
    expect(titles).toContain('A crashed at 0.450 s');
    // Violations are also one click away.
    expect(screen.getByRole('button', { name: /Election Safety at 0\.700 s/ })).toBeInTheDocument();
  });

  it('draws a node’s lone climb in its own lane, under the bands, and the track grows to hold it', () => {
    const lane = (node: string, term: number, from: number, to: number | null) => ({
      node,
      term,
      from,
      fromStep: from,
      to,
      toStep: to,
    });
    useSimStore.setState({
      marks: {
        ...marks,
        lanes: [lane('E', 2, 600, 800), lane('D', 3, 700, null), lane('E', 3, 800, null)],
      },
    });
    const { container } = render(<Timeline />);
    const lanes = screen.getAllByTestId('term-lane');
    expect(lanes).toHaveLength(3);
    const titles = [...container.querySelectorAll('title')].map((el) => el.textContent);
    expect(titles).toContain(
      'E is in term 3 on its own: above the term of every leader so far (each election timeout without a heartbeat adds one)',
    );
    // One row per node (D above E), both below the 25 px of bands; the track is two lanes taller.
    const y = (g: HTMLElement) => Number(g.querySelector('rect')!.getAttribute('y'));
    expect(y(lanes[1]!)).toBeGreaterThanOrEqual(25);
    expect(y(lanes[0]!)).toBeGreaterThan(y(lanes[1]!));
    expect(y(lanes[2]!)).toBe(y(lanes[0]!));
    expect(screen.getByRole('slider', { name: 'Timeline' }).style.height).toBe(`${52 + 2 * 9 + 2}px`);
  });

  it('stacks leader bands that overlap in time, and reuses a row once it is free', () => {
    const band = (from: number, to: number | null) => ({ from, to }) as LeaderBand;
    expect(bandRows([band(0, 100), band(100, 300), band(200, null), band(310, 400)])).toEqual({
      rows: [0, 0, 1, 0],
      count: 2,
    });
    expect(bandRows([])).toEqual({ rows: [], count: 1 });
  });

  it('seeks to the time under a click', () => {
    const seek = vi.fn();
    useSimStore.setState({ seek });
    render(<Timeline />);
    // x = 8 + t / 1000 × 784: t = 500 lies at x = 400.
    fireEvent.pointerDown(screen.getByRole('slider', { name: 'Timeline' }), { clientX: 400, button: 0, pointerId: 1 });
    expect(seek).toHaveBeenCalledWith(500);
  });

  it('holds the costly views while a drag moves, until it rests or lets go; a click alone does not', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    try {
      const seek = vi.fn();
      useSimStore.setState({ seek });
      render(<Timeline />);
      const track = screen.getByRole('slider', { name: 'Timeline' });
      fireEvent.pointerDown(track, { clientX: 400, button: 0, pointerId: 1 });
      expect(useScrubbing.getState().active).toBe(false);
      fireEvent.pointerMove(track, { clientX: 420, pointerId: 1 });
      expect(seek).toHaveBeenLastCalledWith(525.5);
      expect(useScrubbing.getState().active).toBe(true);
      // Still pressed but resting: the held views catch up.
      act(() => vi.advanceTimersByTime(SCRUB_REST_MS + 20));
      expect(useScrubbing.getState().active).toBe(false);
      fireEvent.pointerMove(track, { clientX: 440, pointerId: 1 });
      expect(useScrubbing.getState().active).toBe(true);
      fireEvent.pointerUp(track, { clientX: 440, pointerId: 1 });
      expect(useScrubbing.getState().active).toBe(false);
      // Moving without a press seeks nothing and holds nothing.
      fireEvent.pointerMove(track, { clientX: 600, pointerId: 1 });
      expect(seek).toHaveBeenCalledTimes(3);
      expect(useScrubbing.getState().active).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('seeks to a violation from its button', async () => {
    const seek = vi.fn();
    useSimStore.setState({ seek });
    render(<Timeline />);
    fireEvent.click(screen.getByRole('button', { name: /Election Safety/ }));
    expect(seek).toHaveBeenCalledWith(700);
  });

  it('counts violations of one invariant at one shown instant on one button, and says how many are not shown', () => {
    const at = (time: number, step: number, invariant: InvariantName = 'State Machine Safety') => ({
      time,
      step,
      invariant,
      detail: 'differs',
    });
    useSimStore.setState({
      marks: {
        ...marks,
        violations: [
          at(451, 60),
          at(451.2, 61),
          at(451.4, 62),
          at(500, 70, 'Log Matching'),
          at(600, 80),
          at(700, 90),
          at(800, 100),
          at(900, 110),
          at(900, 111),
        ],
      },
    });
    render(<Timeline />);
    expect(screen.getByText('9 violations:')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /State Machine Safety at 0\.451 s \(×3\)/ })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^! Violation/ })).toHaveLength(5);
    expect(screen.getByText('and 2 more')).toBeInTheDocument();
  });

  it('is a keyboard slider: arrows step, Page keys move 100 ms, Home and End go to the ends', () => {
    const seek = vi.fn();
    const step = vi.fn();
    const stepBack = vi.fn();
    useSimStore.setState({ seek, step, stepBack });
    render(<Timeline />);
    const slider = screen.getByRole('slider', { name: 'Timeline' });
    expect(slider).toHaveAttribute('aria-valuenow', '250');
    expect(slider).toHaveAttribute('aria-valuemin', '0');
    expect(slider).toHaveAttribute('aria-valuemax', '1000');
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(step).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(stepBack).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(slider, { key: 'PageUp' });
    expect(seek).toHaveBeenLastCalledWith(350);
    fireEvent.keyDown(slider, { key: 'PageDown' });
    expect(seek).toHaveBeenLastCalledWith(150);
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(seek).toHaveBeenLastCalledWith(0);
    fireEvent.keyDown(slider, { key: 'End' });
    expect(seek).toHaveBeenLastCalledWith(1000);
  });

  it('thins out marks closer than the gap', () => {
    expect(thinOut([0, 1, 2, 5, 6, 12], (v) => v, 4)).toEqual([0, 5, 12]);
  });
});

describe('TimeControls', () => {
  it('steps back and jumps to the next leader', () => {
    const stepBack = vi.fn();
    const stepTo = vi.fn();
    useSimStore.setState({ stepBack, stepTo });
    render(<TimeControls />);
    fireEvent.click(screen.getByRole('button', { name: 'Step back' }));
    expect(stepBack).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Next leader' }));
    expect(stepTo).toHaveBeenCalledWith('leader');
  });

  it('switches manual delivery on and says what it means', () => {
    const setManual = vi.fn();
    useSimStore.setState({ setManual });
    const { rerender } = render(<TimeControls />);
    const toggle = screen.getByRole('button', { name: 'Manual delivery' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(toggle);
    expect(setManual).toHaveBeenCalledWith(true);
    act(() => useSimStore.setState({ manual: true }));
    rerender(<TimeControls />);
    expect(screen.getByRole('button', { name: 'Manual delivery' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('note')).toHaveTextContent('time stands still');
  });

  it('puts a report in words in the current language, replaces it with a newer one and dismisses it', () => {
    render(<TimeControls />);
    act(() =>
      useSimStore.setState({ report: { id: 1, kind: 'notFound', milestone: 'commit', reason: 'no-more-events' } }),
    );
    expect(screen.getByRole('status')).toHaveTextContent('No commit by the leader ahead');
    act(() => useSimStore.setState({ lang: 'ko' }));
    expect(screen.getByRole('status')).toHaveTextContent('앞으로 리더의 커밋');
    const logMatching: Violation = {
      invariant: 'Log Matching',
      time: 300,
      nodes: ['B', 'C'],
      index: 3,
      term: 2,
      detail: 'B and C differ at #3',
    };
    act(() =>
      useSimStore.setState({
        lang: 'en',
        report: { id: 2, kind: 'pausedOnViolation', violation: logMatching },
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Paused: Log Matching was violated. B and C differ at #3');
    // In Korean the sentence is built from the violation's fields, not the checker's English.
    act(() => useSimStore.setState({ lang: 'ko' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      '일시정지: 로그 일치 위반. B의 인덱스 3 엔트리(임기 2)는 다른 로그의 엔트리와 같지만 그 앞의 로그가 다름',
    );
    act(() => useSimStore.setState({ lang: 'en' }));
    expect(screen.getByRole('status')).not.toHaveTextContent('No commit');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(useSimStore.getState().report).toBeNull();
  });

  it('offers both the leader’s commit and “applied on every live node”, in both languages', () => {
    const stepTo = vi.fn();
    useSimStore.setState({ stepTo });
    render(<TimeControls />);
    fireEvent.click(screen.getByRole('button', { name: 'Next commit' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next applied on all' }));
    expect(stepTo.mock.calls).toEqual([['commit'], ['applied']]);
    expect(screen.getByRole('button', { name: 'Next applied on all' }).title).toMatch(/every live node has applied/);
    act(() => useSimStore.setState({ report: { id: 4, kind: 'notFound', milestone: 'applied', reason: 'limit' } }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'No entry applied on every live node in the next minute of virtual time',
    );
    act(() => useSimStore.setState({ lang: 'ko' }));
    expect(screen.getByRole('button', { name: '다음 전체 적용' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '다음 커밋' })).toBeInTheDocument();
  });

  it('warns in both languages when an opened stale read could not be spread out in time', () => {
    render(<TimeControls />);
    act(() => useSimStore.setState({ report: { id: 5, kind: 'spreadStuck' } }));
    expect(screen.getByRole('status')).toHaveTextContent('could not be set apart in time');
    expect(screen.getByRole('status')).toHaveTextContent('may count the read and the write as concurrent');
    act(() => useSimStore.setState({ lang: 'ko' }));
    expect(screen.getByRole('status')).toHaveTextContent('시간상 떼어 놓을 수 없었습니다');
  });

  it('says in both languages why a run over the event budget stopped', () => {
    render(<TimeControls />);
    act(() => useSimStore.setState({ report: { id: 3, kind: 'overBudget', time: 90, limit: 1000 } }));
    expect(screen.getByRole('status')).toHaveTextContent('Stopped at 0.090 s');
    expect(screen.getByRole('status')).toHaveTextContent('more than 1,000 events in one virtual millisecond');
    act(() => useSimStore.setState({ lang: 'ko' }));
    expect(screen.getByRole('status')).toHaveTextContent('0.090초에서 멈췄습니다');
    expect(screen.getByRole('status')).toHaveTextContent('1,000개');
  });
});

describe('ManualDelivery', () => {
  const vote = envelope(7, {
    from: 'A',
    to: 'C',
    payload: { type: 'RequestVote', term: 3, candidateId: 'A', lastLogIndex: 0, lastLogTerm: 0 },
  });
  const append = envelope(9, {
    from: 'B',
    to: 'D',
    payload: {
      type: 'AppendEntries',
      term: 2,
      leaderId: 'B',
      prevLogIndex: 0,
      prevLogTerm: 0,
      entries: [],
      leaderCommit: 0,
    },
  });

  it('is empty while time runs', () => {
    const { container } = render(<ManualDelivery />);
    expect(container).toBeEmptyDOMElement();
  });

  it('numbers each message as the feed does, and names a duplicated copy apart from its original', () => {
    const copy = { ...vote, id: 12, duplicate: true };
    useSimStore.setState({ manual: true, snapshot: snapshot({ messages: [vote, copy] }) });
    render(<ManualDelivery />);
    expect(screen.getByRole('listitem', { name: '#7 RequestVote from A to C, term 3' })).toHaveTextContent('#7');
    expect(
      screen.getByRole('button', { name: 'Deliver RequestVote from A to C, term 3 (duplicate copy #12)' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Deliver / })).toHaveLength(2);
  });

  it('lists each message in flight with Deliver, Drop and Duplicate, and fires timers', () => {
    const act_ = vi.fn();
    useSimStore.setState({ manual: true, act: act_, snapshot: snapshot({ messages: [vote, append] }) });
    render(<ManualDelivery />);
    const items = within(screen.getByRole('list', { name: 'Messages in flight' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const row = screen.getByRole('listitem', { name: '#7 RequestVote from A to C, term 3' });
    for (const verb of ['Deliver', 'Drop', 'Duplicate']) {
      expect(within(row).getByRole('button', { name: `${verb} RequestVote from A to C, term 3` })).toBeInTheDocument();
    }
    fireEvent.click(within(row).getByRole('button', { name: /^Deliver/ }));
    expect(act_).toHaveBeenLastCalledWith({ do: 'deliver', message: 7 });
    fireEvent.click(screen.getByRole('button', { name: /^Drop AppendEntries heartbeat from B to D/ }));
    expect(act_).toHaveBeenLastCalledWith({ do: 'drop', message: 9 });
    fireEvent.click(screen.getByRole('button', { name: /^Duplicate RequestVote/ }));
    expect(act_).toHaveBeenLastCalledWith({ do: 'duplicate', message: 7 });
    fireEvent.click(screen.getByRole('button', { name: 'Fire C’s election timer' }));
    expect(act_).toHaveBeenLastCalledWith({ do: 'timeout', node: 'C' });
  });
});

describe('BranchList', () => {
  it('lists branches with their fork and actions, marks the current one and switches', () => {
    const switchBranch = vi.fn();
    useSimStore.setState({
      switchBranch,
      history: {
        end: { step: 40, time: 900 },
        branch: 1,
        branches: [
          { id: 0, parent: null, fork: null, end: { step: 80, time: 1000 }, liveActions: 0, current: false },
          {
            id: 1,
            parent: 0,
            fork: { step: 30, time: 420 },
            end: { step: 40, time: 900 },
            liveActions: 1,
            current: true,
          },
        ],
      },
    });
    render(<BranchList />);
    const current = screen.getByRole('listitem', { current: true });
    expect(current).toHaveTextContent('Branch 1');
    expect(current).toHaveTextContent('from the original run at 0.420 s');
    expect(current).toHaveTextContent('1 action');
    expect(screen.getByText(/starts a new branch/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Switch to the original run' }));
    expect(switchBranch).toHaveBeenCalledWith(0);
  });
});
