// Properties of the history over random clusters and random ways of using it: any instant
// reached by seeking is the instant a straight run reaches; stepping forward and back
// returns to the same cluster; every branch, however it was made, replays from its own
// scenario to the same trace, byte for byte.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_NAMES, type Scenario } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';
import { MILESTONE_KINDS } from './event-kinds';
import { History, type LiveAction } from './history';
import { Simulation } from './simulation';

const RUN = 2500;

const scenarioArb = fc
  .record({
    nodes: fc.integer({ min: 3, max: 5 }),
    seed: fc.integer({ min: 0, max: 0xffff }),
    dropRate: fc.constantFrom(0, 0.05),
    duplicateRate: fc.constantFrom(0, 0.05),
    reorder: fc.boolean(),
    // A fixed latency puts many events at one instant, where ordering mistakes would show.
    fixedLatency: fc.boolean(),
    writes: fc.array(fc.integer({ min: 0, max: RUN }), { maxLength: 12 }),
  })
  .map(({ nodes, seed, dropRate, duplicateRate, reorder, fixedLatency, writes }): Scenario => {
    const result = validateScenario({
      version: 1,
      nodes,
      seed,
      timing: fixedLatency ? { latency: [10, 10] } : {},
      network: { dropRate, duplicateRate, reorder },
      actions: writes.map((at, i) => ({ at, do: 'submit', command: `set k${i % 3} ${i}` })),
    });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    return result.scenario;
  });

const json = (x: unknown): string => JSON.stringify(x);

describe('history properties', () => {
  it('seeking to any instant, in any order, gives the cluster and trace of a straight run there', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.integer({ min: 0, max: RUN }), { minLength: 1, maxLength: 6 }),
        (s, times) => {
          const history = new History(s, { minCheckpointInterval: 40 });
          history.runUntil(RUN);
          for (const t of times) {
            history.seekTime(t);
            const straight = new Simulation(s);
            straight.runUntil(t);
            expect(json(history.snapshot())).toBe(json(straight.snapshot()));
            expect(json(history.trace.slice(0, history.traceLength))).toBe(json(straight.trace));
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 30_000);

  it('k steps forward then k steps back return an identical cluster', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(600), fc.integer({ min: 1, max: 150 }), (s, start, k) => {
        const history = new History(s, { minCheckpointInterval: 30 });
        history.seekStep(start);
        const from = history.instant;
        const before = json(history.snapshot());
        let moved = 0;
        while (moved < k && history.stepForward()) moved++;
        for (let i = 0; i < moved; i++) history.stepBack();
        expect(history.instant).toEqual(from);
        expect(json(history.snapshot())).toBe(before);
      }),
      { numRuns: 30 },
    );
  }, 30_000);

  it('every branch replays from its scenario, saved and reloaded, to its trace byte for byte', () => {
    const node = fc.constantFrom(...NODE_NAMES.slice(0, 3));
    const actionArb: fc.Arbitrary<LiveAction | { pick: 'deliver' | 'drop' | 'duplicate'; n: number }> = fc.oneof(
      fc.record({
        do: fc.constantFrom('kill', 'restart', 'isolate', 'restore', 'timeout'),
        node,
      }) as fc.Arbitrary<LiveAction>,
      fc.constant<LiveAction>({ do: 'heal' }),
      fc.constant<LiveAction>({ do: 'partition', groups: [['A'], ['B', 'C']] }),
      fc.record({ do: fc.constant('submit' as const), command: fc.constantFrom('set x 1', 'del x', 'get x') }),
      fc.record({ pick: fc.constantFrom('deliver' as const, 'drop' as const, 'duplicate' as const), n: fc.nat(20) }),
    );
    const opArb = fc.oneof(
      fc.record({ op: fc.constant('forward' as const), n: fc.integer({ min: 1, max: 200 }) }),
      fc.record({ op: fc.constant('back' as const), n: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ op: fc.constant('seekTime' as const), t: fc.integer({ min: 0, max: RUN }) }),
      fc.record({ op: fc.constant('seekStep' as const), n: fc.nat(800) }),
      fc.record({ op: fc.constant('act' as const), action: actionArb }),
      fc.record({ op: fc.constant('next' as const), kind: fc.constantFrom(...MILESTONE_KINDS) }),
      fc.record({ op: fc.constant('switch' as const), n: fc.nat(10) }),
    );
    fc.assert(
      fc.property(scenarioArb, fc.array(opArb, { minLength: 1, maxLength: 25 }), (s, ops) => {
        const history = new History(s, { minCheckpointInterval: 50 });
        for (const o of ops) {
          if (o.op === 'forward') for (let i = 0; i < o.n && history.stepForward(); i++);
          else if (o.op === 'back') for (let i = 0; i < o.n && history.stepBack(); i++);
          else if (o.op === 'seekTime') history.seekTime(o.t);
          else if (o.op === 'seekStep') history.seekStep(o.n);
          else if (o.op === 'next') history.stepToNext(o.kind, { maxTime: 2000 });
          else if (o.op === 'switch') history.switchBranch(o.n % history.branches().length);
          else if ('pick' in o.action) {
            // A message chosen in the UI: one now in flight, or a stale id the engine must refuse.
            const messages = history.snapshot().messages;
            const id = messages.length > 0 ? messages[o.action.n % messages.length]!.id : o.action.n;
            history.perform({ do: o.action.pick, message: id });
          } else history.perform(o.action);
        }
        for (const branch of history.branches()) {
          history.switchBranch(branch.id);
          const scenario = history.branchScenario();
          const reloaded = validateScenario(JSON.parse(json(scenario)), { requireTimeOrder: true });
          if (!reloaded.ok) throw new Error(reloaded.errors.join('\n'));
          for (const replayed of [scenario, reloaded.scenario]) {
            const replay = new Simulation(replayed);
            for (let i = 0; i < branch.end.step && replay.step(); i++);
            // A clock moved past the last event (no event was left before it) moves the same way.
            if (replay.now < branch.end.time) replay.runUntil(branch.end.time);
            expect(json(replay.trace)).toBe(json(history.trace));
          }
        }
      }),
      { numRuns: 40 },
    );
  }, 30_000);
});
