// A scenario is data: cluster size, timing, options, seed, initial persistent
// state and timed actions. The same value is played by the headless runner,
// the tests and the browser. This file is its single definition.

import { z } from 'zod';

export const MAX_NODES = 9;
export const NODE_NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'] as const;

const nodeId = z.string().regex(/^[A-I]$/, 'a node is named by one letter A–I');
const time = z.number().finite().nonnegative();
const range = z.tuple([time, time]);
const probability = z.number().min(0).max(1);

const logEntry = z.strictObject({
  term: z.number().int().min(1),
  command: z.string().max(100),
});

const initialNode = z.strictObject({
  term: z.number().int().nonnegative().default(0),
  votedFor: nodeId.nullable().default(null),
  log: z.array(logEntry).max(1000).default([]),
});

const at = time;
/**
 * Optional on every action: the number of events processed before it ran. A live action taken
 * after stepping to an event at time t must replay after that event, not before every event at t
 * as a scripted action does; the history records it so a branch replays byte for byte.
 */
const afterStep = z.number().int().nonnegative().optional();
export const actionSchema = z.discriminatedUnion('do', [
  z.strictObject({ at, afterStep, do: z.literal('kill'), node: nodeId }),
  z.strictObject({ at, afterStep, do: z.literal('restart'), node: nodeId }),
  z.strictObject({ at, afterStep, do: z.literal('isolate'), node: nodeId }),
  z.strictObject({ at, afterStep, do: z.literal('restore'), node: nodeId }),
  z.strictObject({ at, afterStep, do: z.literal('timeout'), node: nodeId }),
  /** Fire a leader's heartbeat timer now (manual delivery: time only moves when the class says so). */
  z.strictObject({ at, afterStep, do: z.literal('heartbeat'), node: nodeId }),
  z.strictObject({ at, afterStep, do: z.literal('partition'), groups: z.array(z.array(nodeId).min(1)).min(2) }),
  z.strictObject({ at, afterStep, do: z.literal('heal') }),
  z.strictObject({ at, afterStep, do: z.literal('submit'), command: z.string().max(200), node: nodeId.optional() }),
  /** Cut the link from → to; both ways unless oneWay. */
  z.strictObject({ at, afterStep, do: z.literal('cut'), from: nodeId, to: nodeId, oneWay: z.boolean().default(false) }),
  z.strictObject({
    at,
    afterStep,
    do: z.literal('mend'),
    from: nodeId,
    to: nodeId,
    oneWay: z.boolean().default(false),
  }),
  z.strictObject({
    at,
    afterStep,
    do: z.literal('network'),
    dropRate: probability.optional(),
    duplicateRate: probability.optional(),
    reorder: z.boolean().optional(),
    latency: range.optional(),
  }),
  /** Switch engine options or unsafe teaching switches mid-run. */
  z.strictObject({
    at,
    afterStep,
    do: z.literal('configure'),
    options: z
      .strictObject({
        preVote: z.boolean().optional(),
        checkQuorum: z.boolean().optional(),
        leaderNoop: z.boolean().optional(),
        fastBackup: z.boolean().optional(),
      })
      .optional(),
    unsafe: z
      .strictObject({
        noElectionRestriction: z.boolean().optional(),
        commitPreviousTerms: z.boolean().optional(),
        forgetOnRestart: z.boolean().optional(),
      })
      .optional(),
  }),
  /** Drop one message now in flight (chosen in the UI), by its id. */
  z.strictObject({ at, afterStep, do: z.literal('drop'), message: z.number().int().nonnegative() }),
  /** Manual delivery: deliver one in-flight message now, ahead of the others. */
  z.strictObject({ at, afterStep, do: z.literal('deliver'), message: z.number().int().nonnegative() }),
  /** Put a second copy of one in-flight message on the wire, arriving when the original would. */
  z.strictObject({ at, afterStep, do: z.literal('duplicate'), message: z.number().int().nonnegative() }),
]);

const optionsSchema = z.strictObject({
  preVote: z.boolean().default(false),
  checkQuorum: z.boolean().default(false),
  leaderNoop: z.boolean().default(false),
  fastBackup: z.boolean().default(false),
  maxEntriesPerMessage: z.number().int().min(1).max(100).default(10),
});

const unsafeSchema = z.strictObject({
  noElectionRestriction: z.boolean().default(false),
  commitPreviousTerms: z.boolean().default(false),
  forgetOnRestart: z.boolean().default(false),
});

const timingSchema = z.strictObject({
  electionTimeout: range.default([150, 300]),
  heartbeatInterval: z.number().finite().positive().default(50),
  latency: range.default([10, 20]),
  clientTimeout: z.number().finite().positive().default(500),
  clientDeadline: z.number().finite().positive().default(5000),
});

const networkSchema = z.strictObject({
  dropRate: probability.default(0),
  duplicateRate: probability.default(0),
  reorder: z.boolean().default(false),
});

export const scenarioSchema = z.strictObject({
  version: z.literal(1),
  seed: z.number().int().nonnegative().max(0xffffffff).default(1),
  nodes: z.number().int().min(1).max(MAX_NODES),
  timing: timingSchema.prefault({}),
  options: optionsSchema.prefault({}),
  unsafe: unsafeSchema.prefault({}),
  network: networkSchema.prefault({}),
  initial: z.record(nodeId, initialNode).default({}),
  actions: z.array(actionSchema).max(10000).default([]),
});

/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** What a scenario file may say: every field but version and nodes is optional. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Action = z.output<typeof actionSchema>;
export type ActionKind = Action['do'];
export type ScenarioOptions = Scenario['options'];
export type ScenarioUnsafe = Scenario['unsafe'];
export type ScenarioNetwork = Scenario['network'];

export function nodeNames(count: number): string[] {
  return NODE_NAMES.slice(0, count);
}
