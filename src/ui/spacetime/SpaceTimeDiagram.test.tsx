// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SpaceTimeMessage, SpaceTimeWindow } from '../../sim/spacetime';
import type { WireMessage } from '../../sim/types';
import { useSimStore } from '../../store/sim-store';
import { envelope, snapshot } from '../test/snapshot-fixtures';
import { fakeLayout, resetStore } from '../test/store';
import { SpaceTimeDiagram } from './SpaceTimeDiagram';

const vote: WireMessage = {
  type: 'RequestVote',
  term: 3,
  candidateId: 'A',
  lastLogIndex: 0,
  lastLogTerm: 0,
};
const append: WireMessage = {
  type: 'AppendEntries',
  term: 3,
  leaderId: 'B',
  prevLogIndex: 0,
  prevLogTerm: 0,
  entries: [{ term: 3, command: 'set x 1' }],
  leaderCommit: 0,
} as WireMessage;

function message(id: number, fields: Partial<SpaceTimeMessage> & Pick<SpaceTimeMessage, 'payload'>): SpaceTimeMessage {
  return {
    id,
    from: 'A',
    to: 'C',
    sentAt: 1200,
    sentStep: 10,
    endedAt: 1215,
    endedStep: 11,
    dropped: null,
    ...fields,
  };
}

const spaceTime: SpaceTimeWindow = {
  from: 1500,
  to: 2000,
  messages: [
    message(1, { payload: vote, sentAt: 1600, endedAt: 1615 }),
    message(2, { from: 'B', to: 'D', payload: append, sentAt: 1700, endedAt: 1712, dropped: 'link-down' }),
  ],
  marks: [
    { kind: 'role', node: 'A', time: 1600, step: 9, role: 'candidate', term: 3 },
    { kind: 'violation', time: 1800, step: 40, invariant: 'Election Safety' },
  ],
  truncated: false,
};

beforeEach(() => {
  useSimStore.setState({
    lang: 'en',
    snapshot: snapshot({
      time: 2000,
      step: 50,
      messages: [envelope(3, { from: 'C', to: 'A', sentAt: 1990, deliverAt: 2010, payload: { ...vote, term: 4 } })],
    }),
    spaceTime,
    selectedMessage: null,
    hoveredMessage: null,
  });
  // The diagram is 720 px wide from x = 0; time runs from x = 64 to x = 704.
  fakeLayout(720, 300);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  resetStore();
});

describe('SpaceTimeDiagram', () => {
  it('asks the worker for the window ending at the current instant', async () => {
    const requestSpaceTime = vi.fn();
    useSimStore.setState({ requestSpaceTime });
    render(<SpaceTimeDiagram />);
    await waitFor(() => expect(requestSpaceTime).toHaveBeenCalledWith(1500, 2000));
  });

  it('takes the stage with the current instant in the middle of its window, and goes back with Escape', async () => {
    const requestSpaceTime = vi.fn();
    useSimStore.setState({ requestSpaceTime });
    render(<SpaceTimeDiagram />);
    const maximize = screen.getByRole('button', { name: 'Maximize' });
    expect(maximize).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(maximize);
    const back = screen.getByRole('button', { name: 'Back to the side' });
    expect(back).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('group', { name: 'Messages between 1750 ms and 2250 ms' })).toBeInTheDocument();
    await waitFor(() => expect(requestSpaceTime).toHaveBeenCalledWith(1750, 2250));
    fireEvent.keyDown(back, { key: 'Escape' });
    expect(screen.getByRole('button', { name: 'Maximize' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('group', { name: 'Messages between 1500 ms and 2000 ms' })).toBeInTheDocument();
  });

  it('draws an arrow per message, named in words, and a cross for a dropped one', () => {
    const { container } = render(<SpaceTimeDiagram />);
    const arrows = screen.getAllByRole('button', { name: / from [A-E] to [A-E]/ });
    expect(arrows).toHaveLength(3);
    expect(
      screen.getByRole('button', { name: 'RequestVote from A to C, term 3, sent at 1600 ms, delivered at 1615 ms' }),
    ).toBeInTheDocument();
    const dropped = screen.getByRole('button', {
      name: /^AppendEntries \(1 entry\) from B to D, term 3, sent at 1700 ms, dropped/,
    });
    expect(dropped.querySelector('[data-testid="drop-cross"]')).not.toBeNull();
    expect(container.querySelectorAll('[data-testid="drop-cross"]')).toHaveLength(1);
    expect(
      screen.getByRole('button', { name: /^RequestVote from C to A, term 4, sent at 1990 ms, in flight/ }),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('lane-violation')).toHaveLength(1);
  });

  it('hides heartbeats when asked', () => {
    const heartbeat: WireMessage = { ...append, entries: [] } as WireMessage;
    useSimStore.setState({
      spaceTime: {
        ...spaceTime,
        messages: [...spaceTime.messages, message(4, { payload: heartbeat, sentAt: 1800, endedAt: 1810 })],
      },
    });
    render(<SpaceTimeDiagram />);
    expect(screen.getByRole('button', { name: /heartbeat/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show heartbeats' }));
    expect(screen.queryByRole('button', { name: /heartbeat/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: / from [A-E] to [A-E]/ })).toHaveLength(3);
  });

  it('seeks to the instant under a click', () => {
    const seek = vi.fn();
    useSimStore.setState({ seek });
    render(<SpaceTimeDiagram />);
    // x = 64 + (t − 1500) / 500 × 640: t = 1750 lies at x = 384.
    fireEvent.click(screen.getByRole('group', { name: /^Messages between/ }), { clientX: 384 });
    expect(seek).toHaveBeenCalledWith(1750);
  });

  it('selects a clicked arrow and goes to an instant while it is on the wire', () => {
    const seek = vi.fn();
    useSimStore.setState({ seek });
    render(<SpaceTimeDiagram />);
    fireEvent.click(screen.getByRole('button', { name: /^RequestVote from A to C/ }), { clientX: 200 });
    expect(useSimStore.getState().selectedMessage).toBe(1);
    expect(seek).toHaveBeenCalledTimes(1);
    const at = seek.mock.calls[0]![0] as number;
    expect(at).toBeGreaterThan(1600);
    expect(at).toBeLessThan(1615);
  });

  it('highlights the hovered message for the cluster view', () => {
    render(<SpaceTimeDiagram />);
    const arrow = screen.getByRole('button', { name: /^RequestVote from A to C/ });
    fireEvent.pointerEnter(arrow);
    expect(useSimStore.getState().hoveredMessage).toBe(1);
    fireEvent.pointerLeave(arrow);
    expect(useSimStore.getState().hoveredMessage).toBeNull();
  });

  it('slides finished arrows as one group while time moves on, without redrawing them', () => {
    render(<SpaceTimeDiagram />);
    const arrow = screen.getByRole('button', { name: /^RequestVote from A to C, term 3/ });
    const line = arrow.querySelectorAll('line')[1]!;
    const x1 = line.getAttribute('x1');
    const slider = arrow.parentElement!.parentElement!;
    const before = slider.getAttribute('transform');
    const changed: string[] = [];
    const watch = new MutationObserver((records) => changed.push(...records.map((r) => r.attributeName ?? r.type)));
    watch.observe(arrow, { subtree: true, attributes: true, childList: true });
    act(() => {
      const now = useSimStore.getState().snapshot!;
      useSimStore.setState({ snapshot: { ...now, time: 2010, step: 51 } });
    });
    watch.disconnect();
    expect(changed).toEqual([]);
    expect(arrow.isConnected).toBe(true);
    expect(slider.getAttribute('transform')).not.toBe(before);
    // On screen the arrow moved left by 10 ms of the 500 ms window (640 px): 12.8 px.
    const slide = (t: string | null) => Number(/translate\(([-\d.]+)/.exec(t ?? '')![1]);
    expect(slide(slider.getAttribute('transform')) - slide(before)).toBeCloseTo(-12.8, 5);
    expect(line.getAttribute('x1')).toBe(x1);
  });
});

describe('SpaceTimeDiagram while playing', () => {
  it('paints the arrows as one named image instead of a button each, and is buttons again when paused', () => {
    useSimStore.setState({ playing: true });
    render(<SpaceTimeDiagram />);
    expect(screen.queryAllByRole('button', { name: / from [A-E] to [A-E]/ })).toHaveLength(0);
    expect(
      screen.getByRole('img', { name: '3 messages drawn while playing; pause to pick one by its name' }),
    ).toBeInTheDocument();
    act(() => useSimStore.setState({ playing: false }));
    expect(screen.getAllByRole('button', { name: / from [A-E] to [A-E]/ })).toHaveLength(3);
    expect(screen.queryByRole('img', { name: /drawn while playing/ })).toBeNull();
  });

  it('picks the painted arrow under a click and goes to an instant while it is on the wire', () => {
    const seek = vi.fn();
    useSimStore.setState({ playing: true, seek });
    render(<SpaceTimeDiagram />);
    // RequestVote #1 runs from A (lane y = 38 + 40) at 1600 ms (x = 192) to C (y = 158) at 1615 ms (x = 211.2).
    fireEvent.click(screen.getByRole('group', { name: /^Messages between/ }), { clientX: 201.6, clientY: 118 });
    expect(useSimStore.getState().selectedMessage).toBe(1);
    const at = seek.mock.calls[0]![0] as number;
    expect(at).toBeGreaterThan(1600);
    expect(at).toBeLessThan(1615);
  });

  it('a click away from every arrow goes to that instant', () => {
    const seek = vi.fn();
    useSimStore.setState({ playing: true, seek });
    render(<SpaceTimeDiagram />);
    fireEvent.click(screen.getByRole('group', { name: /^Messages between/ }), { clientX: 384, clientY: 30 });
    expect(useSimStore.getState().selectedMessage).toBeNull();
    expect(seek).toHaveBeenCalledWith(1750);
  });
});
