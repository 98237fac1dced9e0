// While playing, the message canvas takes every frame and the rest of the view fewer (view-pacer.ts):
// nothing a skipped frame carried may be lost, and a paused frame shows at once.

import { afterEach, describe, expect, it } from 'vitest';
import { TimelineBuilder } from '../sim/timeline';
import { packRecords } from '../sim/trace-log';
import type { ClusterFrame, TraceEvent } from '../sim/types';
import { makeNode, makeSnapshot } from '../ui/test/snapshot-fixtures';
import { MarksSender } from '../worker/marks-sender';
import type { FromWorker } from '../worker/protocol';
import type { EnginePort } from './engine-port';
import { useSimStore } from './sim-store';
import { VIEW_WAITS_AT_MOST_MS } from './view-pacer';

type Frame = Extract<FromWorker, { type: 'frame' }>;

function fakePort(): { port: EnginePort; deliver: (message: FromWorker) => void } {
  const listeners: ((message: FromWorker) => void)[] = [];
  return {
    port: {
      send: () => undefined,
      onMessage: (listener) => listeners.push(listener),
      onCrash: () => undefined,
      terminate: () => undefined,
    },
    deliver: (message) => listeners.forEach((l) => l(message)),
  };
}

const cluster = (step: number): ClusterFrame =>
  makeSnapshot([makeNode('A'), makeNode('B'), makeNode('C')], { step, time: step * 10 });

const timerFired = (step: number): TraceEvent => ({
  time: step * 10,
  step,
  kind: 'timerFired',
  node: 'A',
  timer: 'election',
});

function frame(step: number, playing: boolean, fields: Partial<Frame> = {}): Frame {
  return {
    type: 'frame',
    snapshot: cluster(step),
    sharedLogPrefix: [0, 0, 0],
    requestIds: [],
    events: packRecords([timerFired(step)]),
    resetFeed: false,
    playing,
    speed: 0.01,
    manual: false,
    history: { end: { time: step * 10, step }, branch: 0, branches: [] },
    ...fields,
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => useSimStore.setState({ snapshot: null, live: null, feed: [], playing: false, marks: null }));

describe('the view and the message canvas while playing', () => {
  it('moves the canvas on every frame and brings the rest of the view up to date a moment later', async () => {
    const { port, deliver } = fakePort();
    useSimStore.getState().connect(port);
    deliver(frame(1, true, { resetFeed: true }));
    deliver(frame(2, true));
    let s = useSimStore.getState();
    expect(s.live?.step).toBe(2);
    expect(s.snapshot?.step).toBe(1);
    expect(s.feed.map((e) => e.step)).toEqual([1]);

    // No newer frame comes: the waiting one is shown anyway, with every event it and the skipped one carried.
    await wait(VIEW_WAITS_AT_MOST_MS + 20);
    s = useSimStore.getState();
    expect(s.snapshot?.step).toBe(2);
    expect(s.feed.map((e) => e.step)).toEqual([1, 2]);
  });

  it('keeps every event and the timeline marks of frames the view skipped', async () => {
    const { port, deliver } = fakePort();
    useSimStore.getState().connect(port);
    deliver(frame(1, true, { resetFeed: true }));
    const marks = new TimelineBuilder().marks;
    marks.commits.push({ time: 5, step: 2, node: 'A', index: 1 });
    deliver(frame(2, true, { marks: new MarksSender().update(marks, 0)! }));
    deliver(frame(3, true));
    await wait(VIEW_WAITS_AT_MOST_MS + 20);
    const s = useSimStore.getState();
    expect(s.snapshot?.step).toBe(3);
    expect(s.feed.map((e) => e.step)).toEqual([1, 2, 3]);
    expect(s.marks).toEqual(marks);
  });

  it('shows a paused frame at once, so a pause or a step is never a frame behind', () => {
    const { port, deliver } = fakePort();
    useSimStore.getState().connect(port);
    deliver(frame(1, true, { resetFeed: true }));
    deliver(frame(2, true));
    deliver(frame(3, false));
    const s = useSimStore.getState();
    expect(s.playing).toBe(false);
    expect(s.snapshot?.step).toBe(3);
    expect(s.live?.step).toBe(3);
    expect(s.feed.map((e) => e.step)).toEqual([1, 2, 3]);
  });
});
