// One run of the worker's host, its frames taken to the store two ways, each cloned as postMessage
// would: as the host sends them (packed: numbers in a transferred buffer, unchanged fields left out),
// and as old-style whole frames built from the engine itself at the same instants (every field an
// object, whole logs and requests, nothing left out). The store must end each frame in the same state.

import { expect, vi } from 'vitest';
import { scenarioSchema } from '../../scenario/schema';
import type { History } from '../../sim/history';
import { EngineHost } from '../../worker/engine-host';
import type { FrameCounters } from '../../worker/frame-numbers';
import { transferList, type FrameMessage, type FromWorker, type ToWorker } from '../../worker/protocol';
import type { EnginePort } from '../engine-port';
import { useSimStore, type SimStore } from '../sim-store';
import { manualClock } from '../../worker/test/manual-clock';

/** What the store holds after a frame: everything a frame sets. */
export type StoreState = Pick<
  SimStore,
  | 'live'
  | 'snapshot'
  | 'feed'
  | 'history'
  | 'marks'
  | 'playing'
  | 'speed'
  | 'manual'
  | 'endedMessages'
  | 'changes'
  | 'selectedMessage'
>;

export interface TwoPaths {
  readonly packed: readonly FromWorker[];
  readonly whole: readonly FromWorker[];
}

/**
 * Plays a run with crashes, a partition, loss, compaction, a new voter, a clock rate, manual delivery, a
 * seek back and a branch, then loads a smaller cluster.
 */
export function runBothPaths(): TwoPaths {
  const { clock, advance } = manualClock();
  const packed: FromWorker[] = [];
  const whole: FromWorker[] = [];
  const pack = vi.spyOn(
    EngineHost.prototype as unknown as {
      packFrame(h: History, counters: Omit<FrameCounters, 'time' | 'step'>): unknown;
    },
    'packFrame',
  );
  let host: EngineHost | null = null;
  const history = (): History => (host as unknown as { history: History }).history;
  host = new EngineHost((message) => {
    if (message.type !== 'packedFrame') return;
    const h = history();
    const counters = pack.mock.calls.at(-1)![1];
    const snapshot = h.snapshot();
    const old: FrameMessage = {
      type: 'frame',
      snapshot,
      sharedLogPrefix: snapshot.nodes.map(() => 0),
      requestIds: snapshot.requests.map((r) => r.id),
      events: structuredClone(message.events),
      resetFeed: counters.resetFeed,
      playing: counters.playing,
      speed: counters.speed,
      manual: counters.manual,
      history: { end: counters.end, branch: counters.branch, branches: h.branches() },
      ...(message.marks ? { marks: message.marks } : {}),
    };
    whole.push(structuredClone(old));
    packed.push(structuredClone(message, { transfer: transferList(message) }));
  }, clock);
  const h = host;
  const send = (message: ToWorker) => h.receive(message);
  const ready = () => send({ type: 'ready' });
  const play = (ms: number) => {
    send({ type: 'play' });
    for (let t = 0; t < ms; t += 100) {
      advance(100);
      ready();
    }
    send({ type: 'pause' });
    ready();
  };
  const act = (action: Extract<ToWorker, { type: 'act' }>['action']) => {
    send({ type: 'act', action });
    ready();
  };
  send({
    type: 'load',
    scenario: scenarioSchema.parse({ version: 1, nodes: 6, members: ['A', 'B', 'C', 'D', 'E'], seed: 7 }),
  });
  send({ type: 'speed', speed: 1 });
  ready();
  play(1500);
  for (let k = 0; k < 3; k++) act({ do: 'submit', command: `set a${k} ${k}` });
  play(600);
  // A key goes and comes back last: the store travels whole then, not as changes.
  act({ do: 'submit', command: 'del a0' });
  play(300);
  act({ do: 'submit', command: 'set a0 again' });
  play(300);
  const leader = history()
    .snapshot()
    .nodes.find((n) => n.role === 'leader')!.id;
  const others = history()
    .snapshot()
    .nodes.map((n) => n.id)
    .filter((id) => id !== leader);
  act({ do: 'partition', groups: [[leader], others] });
  for (let k = 0; k < 3; k++) act({ do: 'submit', command: `set lost ${k}`, node: leader });
  play(1500);
  act({ do: 'heal' });
  play(1000);
  act({ do: 'setOptions', options: { snapshotThreshold: 6 } });
  act({ do: 'network', dropRate: 0.2, duplicateRate: 0.1 });
  for (let k = 0; k < 10; k++) {
    act({ do: 'submit', command: `set b ${k}` });
    play(200);
  }
  act({ do: 'network', dropRate: 0, duplicateRate: 0 });
  act({ do: 'change', add: ['F'] });
  play(1500);
  act({ do: 'clock', node: others[0]!, rate: 2 });
  act({ do: 'kill', node: others[1]! });
  play(500);
  act({ do: 'restart', node: others[1]! });
  play(1000);
  send({ type: 'manual', on: true });
  ready();
  for (let k = 0; k < 5; k++) {
    send({ type: 'step' });
    ready();
  }
  send({ type: 'manual', on: false });
  ready();
  send({ type: 'seek', time: history().now / 2 });
  ready();
  send({ type: 'stepBack' });
  ready();
  act({ do: 'submit', command: 'set branch 1' });
  play(800);
  send({ type: 'switchBranch', id: 0 });
  ready();
  play(300);
  // Another cluster: the frames start over with other nodes.
  send({ type: 'load', scenario: scenarioSchema.parse({ version: 1, nodes: 3, seed: 2 }) });
  ready();
  play(600);
  pack.mockRestore();
  return { packed, whole };
}

/** The store's state after each of `frames`, delivered in order from a fresh load. */
export function storeStates(frames: readonly FromWorker[]): StoreState[] {
  const listeners: ((message: FromWorker) => void)[] = [];
  const port: EnginePort = {
    send: () => undefined,
    onMessage: (listener) => listeners.push(listener),
    onCrash: () => undefined,
    terminate: () => undefined,
  };
  useSimStore.setState({ snapshot: null, live: null, feed: [], playing: false, marks: null, history: null });
  useSimStore.getState().connect(port);
  useSimStore.getState().load(useSimStore.getState().scenario);
  const states: StoreState[] = [];
  for (const frame of frames) {
    for (const listener of listeners) listener(frame);
    // The view pacer's clock (faked by the caller) moves the same for both paths.
    vi.advanceTimersByTime(40);
    const s = useSimStore.getState();
    states.push({
      live: s.live,
      snapshot: s.snapshot,
      feed: s.feed,
      history: s.history,
      marks: s.marks,
      playing: s.playing,
      speed: s.speed,
      manual: s.manual,
      endedMessages: s.endedMessages,
      changes: s.changes,
      selectedMessage: s.selectedMessage,
    });
  }
  return states;
}

/** Fails at the first frame after which the two paths leave the store in different states. */
export function expectSameStates(packed: readonly StoreState[], whole: readonly StoreState[]): void {
  expect(packed.length).toBe(whole.length);
  packed.forEach((state, k) => expect(state, `the store after frame ${k}`).toEqual(whole[k]));
}
