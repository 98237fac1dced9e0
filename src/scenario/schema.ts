// The edge check of a scenario: untrusted input (a file, a link, a lesson, the CLI) is parsed
// with this zod schema into the plain Scenario the simulator runs (src/sim/scenario-types.ts).
// The schema is typed against those types (see the checks at the end), so they cannot drift,
// and its bounds are the ones of ./bounds.ts, the same for every source.

import { z } from 'zod';
import {
  DEFAULT_NETWORK,
  DEFAULT_OPTIONS,
  DEFAULT_SEED,
  DEFAULT_TIMING,
  DEFAULT_UNSAFE,
  MAX_NODES,
  type Action,
  type Scenario,
} from '../sim/scenario-types';
import {
  describeMs,
  MAX_ACTIONS,
  MAX_COMMAND_LENGTH,
  MAX_INITIAL_LOG,
  MAX_LATENCY,
  MAX_TERM,
  MAX_TIME,
  MIN_CLIENT_TIMEOUT,
  MIN_HEARTBEAT,
  MAX_SNAPSHOT_CHUNK,
  MAX_SNAPSHOT_INDEX,
  MAX_SNAPSHOT_KEYS,
  MAX_SNAPSHOT_THRESHOLD,
} from './bounds';
import { MAX_CLOCK_RATE, MIN_CLOCK_RATE } from '../sim/action-check';
import { READ_MODES } from '../sim/scenario-types';

export {
  MAX_NODES,
  NODE_NAMES,
  nodeNames,
  type Action,
  type ActionKind,
  type Scenario,
  type ScenarioNetwork,
  type ScenarioOptions,
  type ScenarioUnsafe,
} from '../sim/scenario-types';

const nodeId = z.string().regex(/^[A-I]$/, 'a node is named by one letter A–I');
const upTo = (max: number): z.ZodNumber =>
  z
    .number()
    .finite()
    .nonnegative()
    .max(max, `at most ${max} ms (${describeMs(max)})`);
const time = upTo(MAX_TIME);
const range = z.tuple([time, time]);
const latencyRange = z.tuple([upTo(MAX_LATENCY), upTo(MAX_LATENCY)]);
const atLeast = (min: number): z.ZodNumber => time.min(min, `at least ${min} ms`);
const probability = z.number().min(0).max(1);
const clockRate = z
  .number()
  .finite()
  .min(MIN_CLOCK_RATE, `at least ${MIN_CLOCK_RATE}`)
  .max(MAX_CLOCK_RATE, `at most ${MAX_CLOCK_RATE}`);
const readMode = z.enum(READ_MODES as readonly ['log', 'readIndex', 'lease']);

const nodeList = z.array(nodeId).max(MAX_NODES);

const logEntry = z.union([
  z.strictObject({
    term: z.number().int().min(1).max(MAX_TERM),
    command: z.string().max(MAX_COMMAND_LENGTH),
  }),
  /** A configuration entry (§6): voters, and `old` in a joint configuration C_old,new. */
  z.strictObject({
    term: z.number().int().min(1).max(MAX_TERM),
    config: z.strictObject({ voters: nodeList.min(1), old: nodeList.min(1).optional() }),
  }),
]);
const membershipMode = z.enum(['single', 'joint']);

/** §7: a node may start from a snapshot ending at (index, term) and holding this key-value state. */
const initialSnapshot = z.strictObject({
  index: z.number().int().min(1).max(MAX_SNAPSHOT_INDEX),
  term: z.number().int().min(1).max(MAX_TERM),
  state: z
    .record(z.string().regex(/^[A-Za-z0-9_.:-]{1,32}$/, 'a key of 1–32 letters, digits or _ . : -'), z.string().max(64))
    .refine((state) => Object.keys(state).length <= MAX_SNAPSHOT_KEYS, `at most ${MAX_SNAPSHOT_KEYS} keys`)
    .default({}),
});

const initialNode = z.strictObject({
  term: z.number().int().nonnegative().max(MAX_TERM).default(0),
  votedFor: nodeId.nullable().default(null),
  snapshot: initialSnapshot.optional(),
  log: z.array(logEntry).max(MAX_INITIAL_LOG).default([]),
});

/** §7: how many applied entries make a snapshot (0: never by itself), and the InstallSnapshot chunk in characters. */
const snapshotThreshold = z.number().int().min(0).max(MAX_SNAPSHOT_THRESHOLD);
const snapshotChunk = z.number().int().min(1).max(MAX_SNAPSHOT_CHUNK);

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
  z.strictObject({
    at,
    afterStep,
    do: z.literal('partition'),
    groups: z.array(z.array(nodeId).min(1).max(MAX_NODES)).min(2).max(MAX_NODES),
  }),
  z.strictObject({ at, afterStep, do: z.literal('heal') }),
  z.strictObject({
    at,
    afterStep,
    do: z.literal('submit'),
    command: z.string().max(MAX_COMMAND_LENGTH),
    node: nodeId.optional(),
  }),
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
    latency: latencyRange.optional(),
  }),
  /** Switch engine options or unsafe teaching switches mid-run (`configure` in older files: see migrate.ts). */
  z.strictObject({
    at,
    afterStep,
    do: z.literal('setOptions'),
    options: z
      .strictObject({
        preVote: z.boolean().optional(),
        checkQuorum: z.boolean().optional(),
        leaderNoop: z.boolean().optional(),
        fastBackup: z.boolean().optional(),
        snapshotThreshold: snapshotThreshold.optional(),
        snapshotChunk: snapshotChunk.optional(),
        membership: membershipMode.optional(),
        reads: readMode.optional(),
        followerReads: z.boolean().optional(),
      })
      .optional(),
    unsafe: z
      .strictObject({
        noElectionRestriction: z.boolean().optional(),
        commitPreviousTerms: z.boolean().optional(),
        forgetOnRestart: z.boolean().optional(),
        snapshotUncommitted: z.boolean().optional(),
        directMembershipChange: z.boolean().optional(),
        changeBeforeTermCommit: z.boolean().optional(),
        localReads: z.boolean().optional(),
        leaseIgnoresDrift: z.boolean().optional(),
      })
      .optional(),
  }),
  /** Drop one message now in flight (chosen in the UI), by its id. */
  z.strictObject({ at, afterStep, do: z.literal('drop'), message: z.number().int().nonnegative() }),
  /** Manual delivery: deliver one in-flight message now, ahead of the others. */
  z.strictObject({ at, afterStep, do: z.literal('deliver'), message: z.number().int().nonnegative() }),
  /** Put a second copy of one in-flight message on the wire, arriving when the original would. */
  z.strictObject({ at, afterStep, do: z.literal('duplicate'), message: z.number().int().nonnegative() }),
  /** Re-arm a node's running election timer to fire `ms` from now (staging a split vote). */
  z.strictObject({ at, afterStep, do: z.literal('setTimeout'), node: nodeId, ms: time }),
  /** §7: the node snapshots what it has applied now. */
  z.strictObject({ at, afterStep, do: z.literal('snapshot'), node: nodeId }),
  /** §6: add and remove servers (validate.ts: not both empty, no node in both, known nodes). */
  z.strictObject({ at, afterStep, do: z.literal('change'), add: nodeList.optional(), remove: nodeList.optional() }),
  /** Ask the leader to hand leadership to `to` (thesis §3.10). */
  z.strictObject({ at, afterStep, do: z.literal('transfer'), to: nodeId }),
  /** One node's clock rate: its timers run that much faster (> 1) or slower (< 1) (§6.4.1). */
  z.strictObject({ at, afterStep, do: z.literal('clock'), node: nodeId, rate: clockRate }),
]);

const optionsSchema = z.strictObject({
  preVote: z.boolean().default(DEFAULT_OPTIONS.preVote),
  checkQuorum: z.boolean().default(DEFAULT_OPTIONS.checkQuorum),
  leaderNoop: z.boolean().default(DEFAULT_OPTIONS.leaderNoop),
  fastBackup: z.boolean().default(DEFAULT_OPTIONS.fastBackup),
  maxEntriesPerMessage: z.number().int().min(1).max(100).default(DEFAULT_OPTIONS.maxEntriesPerMessage),
  snapshotThreshold: snapshotThreshold.default(DEFAULT_OPTIONS.snapshotThreshold),
  snapshotChunk: snapshotChunk.default(DEFAULT_OPTIONS.snapshotChunk),
  membership: membershipMode.optional(),
  reads: readMode.default(DEFAULT_OPTIONS.reads),
  followerReads: z.boolean().default(DEFAULT_OPTIONS.followerReads),
});

const unsafeSchema = z.strictObject({
  noElectionRestriction: z.boolean().default(DEFAULT_UNSAFE.noElectionRestriction),
  commitPreviousTerms: z.boolean().default(DEFAULT_UNSAFE.commitPreviousTerms),
  forgetOnRestart: z.boolean().default(DEFAULT_UNSAFE.forgetOnRestart),
  snapshotUncommitted: z.boolean().default(DEFAULT_UNSAFE.snapshotUncommitted),
  directMembershipChange: z.boolean().optional(),
  changeBeforeTermCommit: z.boolean().optional(),
  localReads: z.boolean().default(DEFAULT_UNSAFE.localReads),
  leaseIgnoresDrift: z.boolean().default(DEFAULT_UNSAFE.leaseIgnoresDrift),
});

// Cross-field rules (election timeout ≥ 2 × heartbeat, min ≤ max) are in validate.ts.
const timingSchema = z.strictObject({
  electionTimeout: range.default([...DEFAULT_TIMING.electionTimeout]),
  heartbeatInterval: atLeast(MIN_HEARTBEAT).default(DEFAULT_TIMING.heartbeatInterval),
  latency: latencyRange.default([...DEFAULT_TIMING.latency]),
  clientTimeout: atLeast(MIN_CLIENT_TIMEOUT).default(DEFAULT_TIMING.clientTimeout),
  clientDeadline: atLeast(MIN_CLIENT_TIMEOUT).default(DEFAULT_TIMING.clientDeadline),
  /** §6.4.1: the largest ratio between two clocks' rates that a lease accounts for. */
  clockDriftBound: z.number().finite().min(1, 'at least 1').max(MAX_CLOCK_RATE).default(DEFAULT_TIMING.clockDriftBound),
});

const networkSchema = z.strictObject({
  dropRate: probability.default(DEFAULT_NETWORK.dropRate),
  duplicateRate: probability.default(DEFAULT_NETWORK.duplicateRate),
  reorder: z.boolean().default(DEFAULT_NETWORK.reorder),
});

export const scenarioSchema = z.strictObject({
  version: z.literal(1),
  seed: z.number().int().nonnegative().max(0xffffffff).default(DEFAULT_SEED),
  nodes: z.number().int().min(1).max(MAX_NODES),
  members: nodeList.min(1).optional(),
  timing: timingSchema.prefault({}),
  options: optionsSchema.prefault({}),
  unsafe: unsafeSchema.prefault({}),
  network: networkSchema.prefault({}),
  initial: z.record(nodeId, initialNode).default({}),
  actions: z.array(actionSchema).max(MAX_ACTIONS).default([]),
});

/** What a scenario file may say: every field but version and nodes is optional. */
export type ScenarioInput = z.input<typeof scenarioSchema>;

// The schema must give the simulator's types, each assignable to the other: a field added, removed
// or retyped in one and not the other fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const scenarioMatches: Same<z.output<typeof scenarioSchema>, Scenario> = true;
const actionMatches: Same<z.output<typeof actionSchema>, Action> = true;
void scenarioMatches;
void actionMatches;
