// "Restart simulation" after a dead or stuck worker (issue 13): the new worker resumes at the last
// instant shown; if the old one died before showing the instant it was asked for, that instant (or its
// scenario) may be the cause, so the new one starts the default cluster.

import { afterEach, describe, expect, it } from 'vitest';
import { makeNode, makeSnapshot } from '../ui/test/snapshot-fixtures';
import { EMPTY_PACKED_TRACE } from '../sim/trace-pack';
import type { FromWorker, ToWorker } from '../worker/protocol';
import type { EnginePort } from './engine-port';
import { DEFAULT_SCENARIO, startEngine, useSimStore } from './sim-store';

interface Fake {
  readonly sent: ToWorker[];
  deliver(message: FromWorker): void;
}

function factory(): { make: () => EnginePort; ports: Fake[] } {
  const ports: Fake[] = [];
  return {
    ports,
    make: () => {
      const listeners: ((message: FromWorker) => void)[] = [];
      const fake: Fake = { sent: [], deliver: (m) => listeners.forEach((l) => l(m)) };
      ports.push(fake);
      return {
        send: (m) => fake.sent.push(m),
        onMessage: (listener) => listeners.push(listener),
        onCrash: () => undefined,
        terminate: () => undefined,
      };
    },
  };
}

const shown = (time: number): FromWorker => ({
  type: 'frame',
  snapshot: makeSnapshot([makeNode('A'), makeNode('B'), makeNode('C')], { step: 7, time }),
  sharedLogPrefix: [0, 0, 0],
  requestIds: [],
  events: EMPTY_PACKED_TRACE,
  resetFeed: true,
  playing: false,
  speed: 0.01,
  manual: false,
  history: { end: { time, step: 7 }, branch: 0, branches: [] },
});

const loads = (fake: Fake) => fake.sent.filter((m): m is Extract<ToWorker, { type: 'load' }> => m.type === 'load');

const linked = { ...DEFAULT_SCENARIO, seed: 42, nodes: 3 };

afterEach(() => useSimStore.setState({ snapshot: null, live: null, feed: [], playing: false, marks: null }));

describe('restarting the simulation', () => {
  it('resumes the same scenario at the last instant shown', () => {
    const { make, ports } = factory();
    startEngine(make);
    useSimStore.getState().load(linked, 0);
    ports[0]!.deliver(shown(1234));
    expect(useSimStore.getState().snapshot?.time).toBe(1234);

    useSimStore.getState().restartEngine();
    expect(ports).toHaveLength(2);
    expect(loads(ports[1]!).at(-1)).toMatchObject({ scenario: linked, at: 1234 });
  });

  it('starts the default cluster when the worker died before showing the instant it was asked for', () => {
    const { make, ports } = factory();
    startEngine(make);
    useSimStore.getState().load(linked, 0);
    ports[0]!.deliver(shown(1234));
    // A link to a far instant: the worker dies before it shows anything of it.
    useSimStore.getState().load(linked, 86_400_000);

    useSimStore.getState().restartEngine();
    expect(loads(ports[1]!).at(-1)?.scenario).toEqual(DEFAULT_SCENARIO);
    expect(useSimStore.getState().scenario).toEqual(DEFAULT_SCENARIO);
  });
});
