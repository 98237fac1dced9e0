// A scenario is data: cluster size, timing, options, seed, initial persistent state and timed
// actions. The same value is played by the headless runner, the tests and the browser.
//
// These are the plain types the simulator runs. Untrusted input (a file, a link, the CLI) is
// checked against them at the edge, by the zod schema in src/scenario/schema.ts, which is typed
// against these so the two cannot drift; the simulator itself needs no validator.

import { UNSAFE_SWITCH_NAMES } from '../raft/types';

export const MAX_NODES = 9;
export const NODE_NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'] as const;

export function nodeNames(count: number): string[] {
  return NODE_NAMES.slice(0, count);
}

/** When an action runs. (A type, not an interface, so an action reads as a plain record too.) */
type Timed = {
  /** Virtual ms at which the action runs. */
  at: number;
  /**
   * The number of events processed before it ran. A live action taken after stepping to an event
   * at time t must replay after that event, not before every event at t as a scripted action does;
   * the history records it so a branch replays byte for byte.
   */
  afterStep?: number;
};

export type MembershipMode = 'single' | 'joint';

export interface OptionSwitches {
  preVote?: boolean;
  checkQuorum?: boolean;
  leaderNoop?: boolean;
  fastBackup?: boolean;
  snapshotThreshold?: number;
  snapshotChunk?: number;
  membership?: MembershipMode;
  reads?: ReadMode;
  followerReads?: boolean;
}

/** How a `get` is served (src/raft/read-index.ts): through the log, by ReadIndex, or under a lease. */
export type ReadMode = 'log' | 'readIndex' | 'lease';
export const READ_MODES: readonly ReadMode[] = ['log', 'readIndex', 'lease'];

export interface UnsafeSwitchChanges {
  noElectionRestriction?: boolean;
  commitPreviousTerms?: boolean;
  forgetOnRestart?: boolean;
  snapshotUncommitted?: boolean;
  directMembershipChange?: boolean;
  changeBeforeTermCommit?: boolean;
  localReads?: boolean;
  leaseIgnoresDrift?: boolean;
}

type NodeAction<K extends string> = Timed & { do: K; node: string };
type LinkAction<K extends string> = Timed & { do: K; from: string; to: string; oneWay: boolean };
type MessageAction<K extends string> = Timed & { do: K; message: number };

/** One member per kind, so `Extract<Action, { do: 'kill' }>` and switches narrow as they read. */
export type Action =
  | NodeAction<'kill'>
  | NodeAction<'restart'>
  | NodeAction<'isolate'>
  | NodeAction<'restore'>
  | NodeAction<'timeout'>
  /** Fire a leader's heartbeat timer now (manual delivery: time only moves when the class says so). */
  | NodeAction<'heartbeat'>
  | (Timed & { do: 'partition'; groups: string[][] })
  | (Timed & { do: 'heal' })
  | (Timed & { do: 'submit'; command: string; node?: string })
  /** Cut the link from → to; both ways unless oneWay. */
  | LinkAction<'cut'>
  | LinkAction<'mend'>
  | (Timed & {
      do: 'network';
      dropRate?: number;
      duplicateRate?: number;
      reorder?: boolean;
      latency?: [number, number];
    })
  /** Switch engine options or unsafe teaching switches mid-run (named `configure` before). */
  | (Timed & { do: 'setOptions'; options?: OptionSwitches; unsafe?: UnsafeSwitchChanges })
  /** Drop one message in flight (chosen in the UI), by its id. */
  | MessageAction<'drop'>
  /** Manual delivery: deliver one in-flight message now, ahead of the others. */
  | MessageAction<'deliver'>
  /** Put a second copy of one in-flight message on the wire, arriving when the original would. */
  | MessageAction<'duplicate'>
  /**
   * Re-arm a node's election timer to fire `ms` from now (staging a split vote: two followers set to
   * time out together). Only the running timer changes; later timeouts are drawn from the range again.
   */
  | (Timed & { do: 'setTimeout'; node: string; ms: number })
  /** §7: the node snapshots its applied state now and discards that log prefix. */
  | NodeAction<'snapshot'>
  /** §6: an administrator asks the cluster to add and remove servers; the client takes it to the leader. */
  | (Timed & { do: 'change'; add?: string[]; remove?: string[] })
  /** Ask the leader to hand leadership to `to` (thesis §3.10). */
  | (Timed & { do: 'transfer'; to: string })
  /** Make one node's clock run fast (> 1) or slow (< 1): its timers run at that rate (§6.4.1). */
  | (Timed & { do: 'clock'; node: string; rate: number });

export type ActionKind = Action['do'];

export interface ScenarioTiming {
  electionTimeout: [number, number];
  heartbeatInterval: number;
  latency: [number, number];
  clientTimeout: number;
  clientDeadline: number;
  /** How much faster one clock may run than another; a lease is divided by it (§6.4.1). */
  clockDriftBound: number;
}

export interface ScenarioOptions {
  preVote: boolean;
  checkQuorum: boolean;
  leaderNoop: boolean;
  fastBackup: boolean;
  maxEntriesPerMessage: number;
  /** §7: snapshot after this many entries applied since the last snapshot; 0 = never by itself. */
  snapshotThreshold: number;
  /** Figure 13: characters of the snapshot's serialized text per InstallSnapshot chunk. */
  snapshotChunk: number;
  /** How membership changes go; 'single' when absent. */
  membership?: MembershipMode;
  reads: ReadMode;
  followerReads: boolean;
}

export interface ScenarioUnsafe {
  noElectionRestriction: boolean;
  commitPreviousTerms: boolean;
  forgetOnRestart: boolean;
  snapshotUncommitted: boolean;
  directMembershipChange?: boolean;
  changeBeforeTermCommit?: boolean;
  localReads: boolean;
  leaseIgnoresDrift: boolean;
}

export interface ScenarioNetwork {
  dropRate: number;
  duplicateRate: number;
  reorder: boolean;
}

/** An initial log entry: a command, or a configuration entry (§6) with its voters (and `old` in C_old,new). */
export type InitialEntry =
  { term: number; command: string } | { term: number; config: { voters: string[]; old?: string[] } };

export interface InitialNode {
  term: number;
  votedFor: string | null;
  /** §7: the node starts from a snapshot ending at (index, term) holding this key-value state; `log` follows it. */
  snapshot?: InitialSnapshot;
  log: InitialEntry[];
}

export interface InitialSnapshot {
  index: number;
  term: number;
  state: Record<string, string>;
}

/** A complete scenario, every default filled in. */
export interface Scenario {
  version: 1;
  seed: number;
  nodes: number;
  /** The initial voting configuration (§6); absent: every node. The others are spare servers. */
  members?: string[];
  timing: ScenarioTiming;
  options: ScenarioOptions;
  unsafe: ScenarioUnsafe;
  network: ScenarioNetwork;
  initial: Record<string, InitialNode>;
  actions: Action[];
}

export const DEFAULT_SEED = 1;
export const DEFAULT_TIMING: Readonly<ScenarioTiming> = {
  electionTimeout: [150, 300],
  heartbeatInterval: 50,
  latency: [10, 20],
  clientTimeout: 500,
  clientDeadline: 5000,
  clockDriftBound: 1,
};
export const DEFAULT_OPTIONS: Readonly<ScenarioOptions> = {
  preVote: false,
  checkQuorum: false,
  leaderNoop: false,
  fastBackup: false,
  maxEntriesPerMessage: 10,
  snapshotThreshold: 0,
  snapshotChunk: 256,
  reads: 'log',
  followerReads: false,
};
export const DEFAULT_UNSAFE: Readonly<ScenarioUnsafe> = {
  noElectionRestriction: false,
  commitPreviousTerms: false,
  forgetOnRestart: false,
  snapshotUncommitted: false,
  localReads: false,
  leaseIgnoresDrift: false,
};
export const DEFAULT_NETWORK: Readonly<ScenarioNetwork> = { dropRate: 0, duplicateRate: 0, reorder: false };

/** Fields of each action kind, in the order a validated scenario lists them (after at, afterStep, do). */
const ACTION_FIELDS: Record<ActionKind, readonly string[]> = {
  kill: ['node'],
  restart: ['node'],
  isolate: ['node'],
  restore: ['node'],
  timeout: ['node'],
  heartbeat: ['node'],
  partition: ['groups'],
  heal: [],
  submit: ['command', 'node'],
  cut: ['from', 'to', 'oneWay'],
  mend: ['from', 'to', 'oneWay'],
  network: ['dropRate', 'duplicateRate', 'reorder', 'latency'],
  setOptions: ['options', 'unsafe'],
  drop: ['message'],
  deliver: ['message'],
  duplicate: ['message'],
  setTimeout: ['node', 'ms'],
  snapshot: ['node'],
  change: ['add', 'remove'],
  transfer: ['to'],
  clock: ['node', 'rate'],
};

/**
 * An action stamped with its instant, in the canonical form a saved and reloaded scenario has:
 * fields in one order, defaults filled, nothing else. The history records live actions this way so
 * a branch replays byte for byte from its saved scenario.
 */
export function stampAction<A extends { do: ActionKind }>(action: A, at: number, afterStep: number): Action {
  const out: Record<string, unknown> = { at, afterStep, do: action.do };
  const source = action as unknown as Record<string, unknown>;
  for (const field of ACTION_FIELDS[action.do]) {
    if (Object.hasOwn(source, field) && source[field] !== undefined) out[field] = source[field];
  }
  if ((action.do === 'cut' || action.do === 'mend') && out.oneWay === undefined) out.oneWay = false;
  if (action.do === 'setOptions') {
    if (out.options !== undefined) out.options = inOrder(out.options, OPTION_SWITCHES);
    if (out.unsafe !== undefined) out.unsafe = inOrder(out.unsafe, UNSAFE_SWITCH_NAMES);
  }
  return out as unknown as Action;
}

const OPTION_SWITCHES = [
  'preVote',
  'checkQuorum',
  'leaderNoop',
  'fastBackup',
  'snapshotThreshold',
  'snapshotChunk',
  'membership',
  'reads',
  'followerReads',
] as const;
function inOrder(value: unknown, keys: readonly string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(source, key) && source[key] !== undefined) out[key] = source[key];
  return out;
}
