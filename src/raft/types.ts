// The vocabulary of one Raft node, named after Figure 2 of the Raft paper.
// Everything here is plain data (the log excepted: see log.ts) so a node's state can be
// cloned, sent to the UI and compared in tests.

import type { RaftLog } from './log';

export type NodeId = string;
/** A pre-candidate runs a pre-vote round (thesis §9.6) before it may become a candidate. */
export type Role = 'follower' | 'preCandidate' | 'candidate' | 'leader';

/**
 * The servers whose votes count. `old` is present only in a joint configuration C_old,new
 * (§6): elections and commitment then need a majority of `voters` and of `old`.
 * Learners receive the log but never vote and are never counted.
 */
export interface Configuration {
  readonly voters: readonly NodeId[];
  readonly old?: readonly NodeId[];
  readonly learners: readonly NodeId[];
}

/** One log entry. A leader's no-op (§8) has command "" and `noop: true`. */
export interface LogEntry {
  readonly term: number;
  readonly command: string;
  /** The client request that created it, so a retried command is applied once (thesis §6.3). */
  readonly requestId?: number;
  readonly noop?: true;
  /** A configuration entry (§6): its command is "" and it changes who votes. See membership.ts. */
  readonly config?: EntryConfig;
}

/** What a configuration entry holds: the voters, and `old` in a joint C_old,new. Lists are sorted. */
export interface EntryConfig {
  readonly voters: readonly NodeId[];
  readonly old?: readonly NodeId[];
}

/** Dissertation §4: one server at a time (the default), or any change through joint consensus. */
export type MembershipMode = 'single' | 'joint';

// ---- RPCs (Figure 2) -------------------------------------------------------

export interface RequestVote {
  readonly type: 'RequestVote';
  readonly term: number;
  readonly candidateId: NodeId;
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
  /** Thesis §3.10: sent after TimeoutNow, so voters grant it although a leader was heard recently. */
  readonly transfer?: true;
}

export interface RequestVoteReply {
  readonly type: 'RequestVoteReply';
  readonly term: number;
  readonly voteGranted: boolean;
}

/** Thesis §9.6: "would you vote for me at `term`?", asked without anyone changing their term. */
export interface PreVote {
  readonly type: 'PreVote';
  /** The term the pre-candidate would stand at: its currentTerm + 1. */
  readonly term: number;
  readonly candidateId: NodeId;
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
}

export interface PreVoteReply {
  readonly type: 'PreVoteReply';
  /** Echoes the request's term, so the pre-candidate can tell this round's answers from older ones. */
  readonly term: number;
  readonly voteGranted: boolean;
  /** The voter's own currentTerm: a pre-candidate that is behind catches up on it. */
  readonly voterTerm: number;
}

export interface AppendEntries {
  readonly type: 'AppendEntries';
  readonly term: number;
  readonly leaderId: NodeId;
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly entries: readonly LogEntry[];
  readonly leaderCommit: number;
  /** Thesis §6.4: the read round this heartbeat confirms leadership for (reads other than 'log' only). */
  readonly readContext?: number;
}

export interface AppendEntriesReply {
  readonly type: 'AppendEntriesReply';
  readonly term: number;
  readonly success: boolean;
  /** Echoes the request's prevLogIndex, so the leader can tell which request this answers. */
  readonly prevLogIndex: number;
  /** On success: the index of the last entry now known to match the leader's log. */
  readonly matchIndex: number;
  /** On refusal, a hint for fast backup (§5.3 end): the term of the conflicting entry, or 0 when the log is too short. */
  readonly conflictTerm: number;
  /** On refusal: the first index of conflictTerm in the follower's log, or its last index + 1 when too short. */
  readonly conflictIndex: number;
  /** Echoes the request's readContext: this follower still takes the sender as leader of that round. */
  readonly readContext?: number;
}

/**
 * Figure 13: the leader sends its snapshot in chunks to a follower whose nextIndex falls inside
 * the log prefix it has discarded. `data` is a slice of the snapshot's serialized text (see
 * raft/snapshot.ts); `offset` and every size are counted in characters of that text.
 */
export interface InstallSnapshot {
  readonly type: 'InstallSnapshot';
  readonly term: number;
  readonly leaderId: NodeId;
  readonly lastIncludedIndex: number;
  readonly lastIncludedTerm: number;
  readonly offset: number;
  readonly data: string;
  readonly done: boolean;
  /** Not in Figure 13, for the class: this chunk's number (1-based) of `chunks`. */
  readonly chunk: number;
  readonly chunks: number;
}

export interface InstallSnapshotReply {
  readonly type: 'InstallSnapshotReply';
  /** Figure 13: currentTerm, for the leader to update itself. */
  readonly term: number;
  /** Echo the request's snapshot and chunk, so the leader can tell which chunk this answers. */
  readonly lastIncludedIndex: number;
  readonly offset: number;
  /** How much of the snapshot the follower now holds: the offset of the next chunk it needs. */
  readonly received: number;
  /** The follower's log now covers lastIncludedIndex (installed now, or already held). */
  readonly installed: boolean;
}

/** Thesis §3.10: "start an election now": the last step of a leadership transfer. */
export interface TimeoutNow {
  readonly type: 'TimeoutNow';
  readonly term: number;
  readonly leaderId: NodeId;
}

/** Thesis §6.4: a follower asks the leader for a read index so it can serve a read itself. */
export interface ReadIndexRequest {
  readonly type: 'ReadIndex';
  readonly term: number;
  readonly requestId: number;
}

export interface ReadIndexReply {
  readonly type: 'ReadIndexReply';
  readonly term: number;
  readonly requestId: number;
  /** The leader's confirmed read index, or null when it could not confirm it (no longer leader). */
  readonly readIndex: number | null;
}

export type RaftMessage =
  | RequestVote
  | RequestVoteReply
  | PreVote
  | PreVoteReply
  | AppendEntries
  | AppendEntriesReply
  | InstallSnapshot
  | InstallSnapshotReply
  | TimeoutNow
  | ReadIndexRequest
  | ReadIndexReply;

// ---- Options ---------------------------------------------------------------

export interface RaftOptions {
  /** Thesis §9.6: ask for a pre-vote before raising the term, so an isolated node cannot disrupt the cluster. */
  readonly preVote: boolean;
  /** A leader that has not heard from a majority within an election timeout steps down. */
  readonly checkQuorum: boolean;
  /** A new leader appends an empty entry of its own term, so earlier entries commit at once (§8). */
  readonly leaderNoop: boolean;
  /** On refusal, skip back a whole conflicting term at a time instead of one index. */
  readonly fastBackup: boolean;
  /** The largest number of entries one AppendEntries carries. */
  readonly maxEntriesPerMessage: number;
  /** §7: take a snapshot once this many entries were applied since the last one; 0 = never by itself. */
  readonly snapshotThreshold: number;
  /** Figure 13: characters of the serialized snapshot one InstallSnapshot carries. */
  readonly snapshotChunk: number;
  /** How membership changes go (§6, dissertation §4); 'single' when absent. */
  readonly membership?: MembershipMode;
  /** How a `get` is served: through the log, by ReadIndex (thesis §6.4) or under a lease (§6.4.1). */
  readonly reads: ReadMode;
  /** With readIndex or lease reads: a follower serves a read after asking the leader for a read index. */
  readonly followerReads: boolean;
}

export type ReadMode = 'log' | 'readIndex' | 'lease';

/** Switches that break Raft on purpose so a class can watch the invariant checker catch it. */
export interface UnsafeSwitches {
  /** Grant votes without the §5.4.1 up-to-date check. */
  readonly noElectionRestriction: boolean;
  /** Commit entries of earlier terms by counting replicas (what Figure 8 shows to be wrong). */
  readonly commitPreviousTerms: boolean;
  /** Lose currentTerm and votedFor on restart, as if they were never written to disk. */
  readonly forgetOnRestart: boolean;
  /** Snapshot the whole log, committed or not (§7 allows only committed entries in a snapshot). */
  readonly snapshotUncommitted: boolean;
  /** Switch straight from C_old to C_new for a change of several servers, skipping C_old,new (Figure 10). */
  readonly directMembershipChange?: boolean;
  /** Accept a single-server change before the leader has committed an entry of its term (the 2015 bug). */
  readonly changeBeforeTermCommit?: boolean;
  /** Any node, a deposed leader included, answers a read from its own state machine at once. */
  readonly localReads: boolean;
  /** The lease assumes perfect clocks: it lasts a whole election timeout, ignoring clockDriftBound. */
  readonly leaseIgnoresDrift: boolean;
}

export const DEFAULT_OPTIONS: RaftOptions = {
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

/**
 * Every unsafe switch, in one fixed order: the settings list them and the "Not Raft" band names them in it,
 * a link writes them in it, and the fuzzer hunts them in it. A switch added to UnsafeSwitches and
 * forgotten here fails to compile.
 */
export const UNSAFE_SWITCH_NAMES = [
  'noElectionRestriction',
  'commitPreviousTerms',
  'forgetOnRestart',
  'snapshotUncommitted',
  'directMembershipChange',
  'changeBeforeTermCommit',
  'localReads',
  'leaseIgnoresDrift',
] as const satisfies readonly (keyof UnsafeSwitches)[];

type UnlistedSwitch = Exclude<keyof UnsafeSwitches, (typeof UNSAFE_SWITCH_NAMES)[number]>;
const everySwitchListed: UnlistedSwitch extends never ? true : never = true;
void everySwitchListed;

export const SAFE_SWITCHES: UnsafeSwitches = {
  noElectionRestriction: false,
  commitPreviousTerms: false,
  forgetOnRestart: false,
  snapshotUncommitted: false,
  localReads: false,
  leaseIgnoresDrift: false,
};

/** What the host tells a node when it boots it. Membership is not here: the node owns it (state.configuration). */
export interface RaftConfig {
  readonly id: NodeId;
  readonly heartbeatInterval: number;
  readonly options: RaftOptions;
  readonly unsafe: UnsafeSwitches;
  /** The shortest election timeout (ms of the node's own clock): a lease lasts at most this (§6.4.1). */
  readonly electionTimeoutMin?: number;
  /** How much faster one clock may run than another; the lease is divided by it (§6.4.1). Default 1. */
  readonly clockDriftBound?: number;
}

// ---- State -----------------------------------------------------------------

/** Figure 2 "Persistent state on all servers": survives a crash. */
export interface PersistentState {
  currentTerm: number;
  votedFor: NodeId | null;
  log: RaftLog;
  /** The configuration the cluster started with; configuration entries in the log override it. */
  initialConfiguration: Configuration;
  /** §7: the snapshot that replaces the log up to log.snapshotIndex (absent or null: none). */
  snapshot?: Snapshot | null;
}

/** §7, Figure 12: what replaces a log prefix: its last index and term, and the state it built. */
export interface Snapshot {
  readonly lastIncludedIndex: number;
  readonly lastIncludedTerm: number;
  /** The configuration in force at lastIncludedIndex, for when no configuration entry is left in the log. */
  readonly configuration: Configuration;
  /** The state machine after entries 1..lastIncludedIndex, client dedup table included (never mutated). */
  readonly kv: Readonly<KvState>;
}

/** Figure 13 receiver, steps 2–4: the snapshot file being written, chunk by chunk (volatile). */
export interface IncomingSnapshot {
  readonly leaderId: NodeId;
  readonly lastIncludedIndex: number;
  readonly lastIncludedTerm: number;
  /** The text written so far; a chunk writes at its offset. */
  readonly data: string;
  readonly chunks: number;
}

/** Leader only: the snapshot being sent to one follower, and the offset of the chunk to send. */
export interface SnapshotTransfer {
  /**
   * The snapshot this transfer sends, kept until it is installed even when the leader has taken a
   * newer one since: restarting at offset 0 with every new snapshot never ends when snapshots come
   * faster than a transfer takes.
   */
  readonly snapshot: Snapshot;
  readonly lastIncludedIndex: number;
  readonly lastIncludedTerm: number;
  readonly offset: number;
  /** Broadcasts (heartbeats) passed over since the chunk was sent: one is left for its reply to come. */
  readonly waited: number;
}

/** The key-value state machine the committed log is applied to. */
export interface KvState {
  data: Record<string, string>;
  /** Recent client requests already applied, with their results, so a retry takes effect once. */
  appliedRequests: [requestId: number, result: string][];
}

export interface RaftState extends PersistentState {
  role: Role;
  /** The configuration in force: the latest one in the log, committed or not (§6). */
  configuration: Configuration;
  /** The leader this node currently follows in currentTerm, if it knows one. */
  leaderId: NodeId | null;
  commitIndex: number;
  lastApplied: number;
  /** Leader only: for each follower, the index of the next entry to send. */
  nextIndex: Record<NodeId, number>;
  /** Leader only: for each follower, the highest index known to be replicated there. */
  matchIndex: Record<NodeId, number>;
  /** Leader only: what §5.4.2 holds back now: an entry on a quorum but of an older term, or null. */
  commitDeferred: CommitDeferred | null;
  /** Candidate or pre-candidate only: who granted and who refused the vote of this round. */
  votesGranted: NodeId[];
  votesRefused: NodeId[];
  /** Leader with checkQuorum: followers heard from since the last quorum check. */
  recentlyHeard: NodeId[];
  kv: KvState;
  /** Figure 13: a snapshot arriving in chunks, not yet complete (lost on a crash). */
  incomingSnapshot: IncomingSnapshot | null;
  /** Leader only: followers being sent a snapshot (§7), by id. */
  snapshotTransfers: Record<NodeId, SnapshotTransfer>;
  /** Where the configuration in force comes from, and a leader's change in progress (membership.ts). */
  membership: MembershipState;
  /** Leader only: a leadership transfer in progress (thesis §3.10), or null. */
  transfer: TransferState | null;
  /** Reads served without the log (thesis §6.4): rounds, acknowledgements, reads waiting. */
  reads: ReadState;
  /**
   * Heard from a leader (or booted) since the election timer last fired. With lease reads a node
   * in that state does not vote for an ordinary candidate (thesis §4.2.3, which a lease relies on).
   */
  leaderContact: boolean;
}

/** A leader's change request in progress: new servers catch up as learners first (dissertation §4.2.1). */
export interface PendingChange {
  readonly add: readonly NodeId[];
  readonly remove: readonly NodeId[];
  /** The voters once the change is done (sorted). */
  readonly target: readonly NodeId[];
  /** The new servers, learners until the change's entry makes them voters. */
  readonly learners: readonly NodeId[];
  /** Learners not yet within one round of the leader's log. */
  waiting: NodeId[];
  /** Per learner: the leader's last index when its current catch-up round began. */
  roundEnd: Record<NodeId, number>;
}

export interface MembershipState {
  /** The index of the entry the configuration in force comes from (0: the snapshot's or the initial one). */
  configIndex: number;
  /** Leader only: a change whose learners are still catching up. */
  pending: PendingChange | null;
  /** Leader only: change requests answered once a configuration with these voters commits. */
  waiters: { readonly requestId: number; readonly target: readonly NodeId[] }[];
  /** Leader only: servers an uncommitted change removed, still sent the log so they learn they are out. */
  retiring: NodeId[];
}

/** A leadership transfer under way: to whom, whether TimeoutNow went out, heartbeats left before giving up. */
export interface TransferState {
  readonly to: NodeId;
  timeoutNowSent: boolean;
  ticksLeft: number;
}

/** One read waiting at this node. */
export interface PendingRead {
  readonly requestId: number;
  readonly key: string;
  /** The commitIndex recorded as its read index; null while the leader waits for an entry of its term to commit. */
  readIndex: number | null;
  /** The heartbeat round that must be acknowledged by a quorum; 0 once confirmed (or under a lease). */
  round: number;
  /** Whose read it is: this node's own client, or a follower that asked for a read index. */
  readonly for: NodeId | 'client';
}

export interface ReadState {
  /** Leader: the latest heartbeat round sent with a read context. */
  round: number;
  /** Leader: the heartbeat tick each round was sent at (for the lease), by round. */
  roundTicks: Record<number, number>;
  /** Leader: the highest round each follower acknowledged in this term. */
  acked: Record<NodeId, number>;
  /** Leader: heartbeat ticks counted in this term (its own clock). */
  tick: number;
  /** Leader: the tick until which (exclusive) the lease holds, or -1 without one. */
  leaseUntilTick: number;
  /** Leader: after sending TimeoutNow it never trusts its lease again in this term (the target may win). */
  leaseForfeited: boolean;
  /** Reads waiting for their round, their commit or their apply index (and a follower's, for the leader's answer). */
  pending: PendingRead[];
}

// ---- Inputs and outputs ----------------------------------------------------

export type TimerKind = 'election' | 'heartbeat';

/** One voter set of a configuration and the votes a majority of it needs. */
export interface QuorumSet {
  readonly voters: readonly NodeId[];
  readonly needed: number;
}

/** Why a node started an election (or a pre-vote round). */
export type ElectionCause = 'timer' | 'preVoteWon' | 'forced' | 'transfer';

/** Everything that can happen to a node goes in through `step(input)`. */
export type RaftInput =
  /** The host booted (or rebooted) the node. */
  | { readonly kind: 'start' }
  | { readonly kind: 'message'; readonly from: NodeId; readonly message: RaftMessage }
  /** `forced`: the class fired the timer by hand rather than letting it run out. */
  | { readonly kind: 'timer'; readonly timer: TimerKind; readonly forced?: boolean }
  /** §4 step 1: a client command for the leader's log. */
  | { readonly kind: 'propose'; readonly command: string; readonly requestId?: number }
  /** The class switched options or unsafe switches mid-run. */
  | { readonly kind: 'setOptions'; readonly options: RaftOptions; readonly unsafe: UnsafeSwitches }
  /** §7: the class asks the node to snapshot what it has applied, now. */
  | { readonly kind: 'snapshot' }
  /** §6: an administrator asks the leader to add and remove servers. */
  | {
      readonly kind: 'changeMembership';
      readonly add: readonly NodeId[];
      readonly remove: readonly NodeId[];
      readonly requestId?: number;
    }
  /** Thesis §3.10: the class asks this leader to hand leadership to `to`. */
  | { readonly kind: 'transfer'; readonly to: NodeId };

export interface OutgoingMessage {
  readonly to: NodeId;
  readonly message: RaftMessage;
}

/** "Arm this timer to fire after `after` ms" (re-arming replaces the old deadline), or stop it. */
export type TimerRequest =
  { readonly timer: TimerKind; readonly after: number } | { readonly timer: TimerKind; readonly stop: true };

/**
 * What the node says to a client (Figure 2, Rules for Servers: a leader responds after the entry
 * is applied to the state machine). `accepted` is not sent: it tells the host where the command went.
 */
export type ClientAnswer =
  | {
      readonly requestId: number | undefined;
      readonly outcome: 'accepted';
      readonly index: number;
      readonly term: number;
    }
  | { readonly requestId: number; readonly outcome: 'applied'; readonly index: number; readonly result: string }
  | { readonly requestId: number | undefined; readonly outcome: 'notLeader'; readonly leaderHint: NodeId | null }
  | { readonly requestId: number | undefined; readonly outcome: 'invalidCommand'; readonly message: string }
  /** A membership change refused; `retry` when the same request may succeed later (membership.ts). */
  | {
      readonly requestId: number | undefined;
      readonly outcome: 'changeRefused';
      readonly reason: ChangeRefusal;
      readonly retry: boolean;
    }
  /** A read served without the log (thesis §6.4): ReadIndex, a lease, or (unsafe) the node's own state. */
  | {
      readonly requestId: number;
      readonly outcome: 'read';
      readonly result: string;
      readonly readIndex: number;
      readonly via: ReadVia;
    }
  /** Thesis §3.10: a leader handing over leadership takes no new commands; the client retries. */
  | { readonly requestId: number | undefined; readonly outcome: 'transferring'; readonly to: NodeId };

/** Why a leader refused a membership change (§6, dissertation §4.1 and its 2015 correction). */
export type ChangeRefusal =
  /** Single mode: more than one server added or removed at once. */
  | 'one-server-at-a-time'
  /** An earlier change is not finished: its entry is uncommitted, or its learners are catching up. */
  | 'change-in-progress'
  /** Single mode: the leader has not committed an entry of its own term yet (the 2015 correction). */
  | 'term-not-committed'
  /** The change would leave no voter. */
  | 'no-voters-left'
  /** The same node is both added and removed. */
  | 'add-and-remove';

/** How a read was confirmed: a quorum's heartbeat round, a lease, or (unsafe) nothing at all. */
export type ReadVia = 'readIndex' | 'lease' | 'local';

/** Why a leader refused to start a transfer. */
export type TransferRefusal = 'self' | 'not-leader' | 'not-member' | 'learner' | 'in-progress';

export type VoteRefusal = 'stale-term' | 'already-voted' | 'log-not-up-to-date' | 'leader-alive';
export type AppendRefusal = 'stale-term' | 'missing-entry' | 'term-mismatch';

/** The values a voter compared, so a UI can show the rule evaluated ("2 ≥ 3? no → refuse"). */
export interface VoteCheck {
  /** Whom the voter had voted for in this term before the request. */
  readonly votedFor: NodeId | null;
  readonly voterTerm: number;
  readonly voterLastLogTerm: number;
  readonly voterLastLogIndex: number;
  readonly candidateLastLogTerm: number;
  readonly candidateLastLogIndex: number;
  /** §5.4.1 evaluated: is the candidate's log at least as up-to-date as the voter's? */
  readonly candidateUpToDate: boolean;
}

/** §5.4.2 at work: entry `index` of an older `term` is on `replicas` voters but may not commit by counting. */
export interface CommitDeferred {
  readonly index: number;
  readonly term: number;
  readonly replicas: number;
}

/** A round's tally as the candidate counts it: who granted, who refused, and what winning needs. */
export interface VoteTally {
  readonly granted: readonly NodeId[];
  readonly refused: readonly NodeId[];
  /** One entry per voter set (two in a joint configuration): its voters and the majority it needs. */
  readonly quorums: readonly { readonly voters: readonly NodeId[]; readonly needed: number }[];
  readonly result: 'won' | 'lost' | 'pending';
}

/** Structured events: what narration, history and the invariant checker read. Each carries the facts it decided on. */
export type RaftEvent =
  | { readonly type: 'termChanged'; readonly from: number; readonly to: number; readonly cause: NodeId | 'election' }
  | { readonly type: 'roleChanged'; readonly from: Role; readonly to: Role; readonly term: number }
  | {
      readonly type: 'electionStarted';
      readonly term: number;
      readonly preVote: boolean;
      readonly cause: ElectionCause;
      readonly voters: readonly NodeId[];
    }
  | {
      readonly type: 'voteGranted';
      readonly candidate: NodeId;
      readonly term: number;
      readonly preVote: boolean;
      readonly check: VoteCheck;
    }
  | {
      readonly type: 'voteRefused';
      readonly candidate: NodeId;
      readonly term: number;
      readonly preVote: boolean;
      readonly reason: VoteRefusal;
      readonly check: VoteCheck;
    }
  | {
      /** A (pre-)candidate counted one reply; the tally after it. */
      readonly type: 'voteCounted';
      readonly voter: NodeId;
      readonly term: number;
      readonly preVote: boolean;
      readonly granted: boolean;
      readonly tally: VoteTally;
    }
  | {
      readonly type: 'appendRefused';
      readonly leader: NodeId;
      readonly term: number;
      /** The follower's own term when it refused: what a stale leader learns from the reply (§5.1). */
      readonly currentTerm: number;
      readonly prevLogIndex: number;
      readonly prevLogTerm: number;
      readonly reason: AppendRefusal;
      /** The follower's own log at the time: its last index and its term at prevLogIndex (null if absent). */
      readonly myLastLogIndex: number;
      readonly myPrevLogTerm: number | null;
    }
  | {
      readonly type: 'entriesAppended';
      readonly fromIndex: number;
      readonly entries: readonly LogEntry[];
      /** Whose entries these are: the node itself when it leads, else the leader that sent them. */
      readonly leader: NodeId;
    }
  | { readonly type: 'entriesTruncated'; readonly fromIndex: number; readonly removed: readonly LogEntry[] }
  | { readonly type: 'nextIndexBackedUp'; readonly follower: NodeId; readonly from: number; readonly to: number }
  | {
      /** A leader counts replicas (§5.3) and checks the entry's term (§5.4.2), on these values. */
      readonly type: 'commitAdvanced';
      readonly from: number;
      readonly to: number;
      readonly by: 'majority';
      /** How many voters hold entry `to`, the leader included. */
      readonly replicas: number;
      /** The term of entry `to`, and the leader's currentTerm (equal unless commitPreviousTerms is on). */
      readonly term: number;
      readonly currentTerm: number;
      /** The majorities counted against: one per voter set (two in a joint configuration). */
      readonly quorum: readonly QuorumSet[];
    }
  | {
      /** A follower follows the leaderCommit of `leader` (Figure 2, AppendEntries rule 5). */
      readonly type: 'commitAdvanced';
      readonly from: number;
      readonly to: number;
      readonly by: 'leaderCommit';
      readonly leader: NodeId;
    }
  | {
      /** §5.4.2: entry `index` is on a quorum but is of an older term, so it may not commit by counting. */
      readonly type: 'commitDeferred';
      readonly index: number;
      readonly term: number;
      readonly currentTerm: number;
      readonly replicas: number;
      readonly quorum: readonly QuorumSet[];
    }
  | {
      readonly type: 'entryApplied';
      readonly index: number;
      readonly entry: LogEntry;
      /** What the state machine did: the new value, "deleted", "no-op", or the first result of a retried request. */
      readonly result: string;
      /** A retried request already applied at an earlier index: this copy changed nothing (thesis §6.3). */
      readonly retry?: true;
    }
  | { readonly type: 'steppedDown'; readonly reason: 'lost-quorum' | 'removed' }
  | {
      /** A leader received a membership change request (§6). */
      readonly type: 'changeRequested';
      readonly add: readonly NodeId[];
      readonly remove: readonly NodeId[];
      readonly requestId?: number;
      readonly mode: MembershipMode;
    }
  | {
      readonly type: 'changeRefused';
      readonly add: readonly NodeId[];
      readonly remove: readonly NodeId[];
      readonly reason: ChangeRefusal;
      /** The facts the rule compared: the configuration entry's index and the commitIndex, the term of the commitIndex entry. */
      readonly configIndex: number;
      readonly commitIndex: number;
      readonly committedTerm: number;
      readonly currentTerm: number;
    }
  | {
      /** Dissertation §4.2.1: new servers receive the log as learners before they vote. */
      readonly type: 'catchUpStarted';
      readonly learners: readonly NodeId[];
      readonly lastIndex: number;
    }
  | {
      /**
       * §6: C_new (entry `configIndex`) is committed. The leader stops replicating to the servers it
       * removed, after one last AppendEntries to every server that tells them so.
       */
      readonly type: 'removalAnnounced';
      readonly removed: readonly NodeId[];
      readonly configIndex: number;
    }
  | {
      /** A learner is within one round of the leader's log: its matchIndex reached the round's end. */
      readonly type: 'learnerCaughtUp';
      readonly learner: NodeId;
      readonly matchIndex: number;
      readonly lastIndex: number;
    }
  | {
      /** The configuration in force changed: an entry was appended (used at once, committed or not) or truncated. */
      readonly type: 'configurationChanged';
      readonly from: Configuration;
      readonly to: Configuration;
      readonly index: number;
      readonly cause: 'change' | 'jointCommitted' | 'replicated' | 'truncated' | 'learners' | 'snapshot';
    }
  /** Thesis §3.10 step 1: new commands are refused while the leader hands over to `to`. */
  | {
      readonly type: 'transferStarted';
      readonly to: NodeId;
      readonly term: number;
      readonly targetMatchIndex: number;
      readonly lastLogIndex: number;
      /** Heartbeats the leader waits before giving up (about one election timeout). */
      readonly ticks: number;
    }
  | { readonly type: 'transferRefused'; readonly to: NodeId; readonly reason: TransferRefusal }
  /** Step 3: the target's log matches the leader's; it is told to start an election now. */
  | { readonly type: 'timeoutNowSent'; readonly to: NodeId; readonly term: number; readonly matchIndex: number }
  /**
   * The transfer is over: `timeout` (not done within an election timeout: commands are accepted
   * again), or `steppedDown` (a newer term reached the leader, normally the target's election).
   */
  | {
      readonly type: 'transferEnded';
      readonly to: NodeId;
      readonly outcome: 'timeout' | 'steppedDown';
      readonly timeoutNowSent: boolean;
    }
  /** Thesis §6.4: a read recorded `readIndex` (null while waiting for an entry of the leader's term). */
  | {
      readonly type: 'readStarted';
      readonly requestId: number;
      readonly key: string;
      readonly readIndex: number | null;
      /** The heartbeat round that must be acknowledged, or 0 when a lease (or the unsafe switch) covers it. */
      readonly round: number;
      readonly via: ReadVia;
      readonly for: NodeId | 'client';
    }
  /** A quorum acknowledged heartbeat round `round`: this node was still leader when it sent it. */
  | { readonly type: 'readRoundConfirmed'; readonly round: number; readonly acks: readonly NodeId[] }
  | {
      readonly type: 'readAnswered';
      readonly requestId: number;
      readonly key: string;
      readonly readIndex: number;
      readonly result: string;
      readonly via: ReadVia;
      readonly lastApplied: number;
    }
  /** A waiting read is given up: the node is no longer leader (the client retries elsewhere). */
  | { readonly type: 'readAbandoned'; readonly requestId: number; readonly reason: 'notLeader' }
  /**
   * A client's retry reached a node that already works on the same request: this leader's entry of
   * its own term at `index`, or a read still waiting here (`index` null). The first copy's answer
   * serves the retry, so nothing is appended or started again.
   */
  | { readonly type: 'retryAlreadyPending'; readonly requestId: number; readonly index: number | null }
  | SnapshotEvent;

/** §7 and Figure 13, step by step: what the snapshot code decided, with the values it used. */
export type SnapshotEvent =
  | {
      /** The node replaced its log up to `index` by a snapshot of its state machine. */
      readonly type: 'snapshotTaken';
      readonly index: number;
      readonly term: number;
      readonly cause: 'threshold' | 'forced';
      /** Entries discarded from the log, and entries kept after the snapshot. */
      readonly discarded: number;
      readonly kept: number;
      /** The node's commitIndex when it took it: a snapshot beyond it holds uncommitted entries. */
      readonly commitIndex: number;
      /** The serialized snapshot's size in characters. */
      readonly size: number;
    }
  | {
      /** A forced snapshot with nothing new applied since the last one. */
      readonly type: 'snapshotSkipped';
      readonly lastApplied: number;
      readonly snapshotIndex: number;
    }
  | {
      /** A restarted node rebuilt its state machine from its snapshot; the rest of the log replays as it commits. */
      readonly type: 'snapshotRestored';
      readonly index: number;
      readonly term: number;
    }
  | {
      /** Leader: `follower`'s nextIndex is inside the discarded prefix, so it gets the snapshot (§7). */
      readonly type: 'snapshotTransferStarted';
      readonly follower: NodeId;
      readonly nextIndex: number;
      readonly index: number;
      readonly term: number;
      readonly chunks: number;
    }
  | {
      /** Figure 13 receiver steps 2–4: a chunk written at its offset (done false: wait for more). */
      readonly type: 'snapshotChunkReceived';
      readonly leader: NodeId;
      readonly index: number;
      readonly term: number;
      readonly offset: number;
      readonly chunk: number;
      readonly chunks: number;
      readonly received: number;
      readonly done: boolean;
    }
  | {
      /** A chunk that cannot be written: no snapshot file begun for it (its first chunk was lost) or a gap before it. */
      readonly type: 'snapshotChunkRejected';
      readonly leader: NodeId;
      readonly index: number;
      readonly offset: number;
      readonly received: number;
    }
  | {
      /**
       * Figure 13 steps 5–8: the snapshot saved. Rule 6: the log held its last entry, so the entries
       * after it are kept; rule 7–8: the whole log discarded and the state machine reset from it.
       */
      readonly type: 'snapshotInstalled';
      readonly leader: NodeId;
      readonly index: number;
      readonly term: number;
      readonly rule: 6 | 7;
      readonly kept: number;
      readonly discarded: number;
      /** Whether the state machine was reset from the snapshot (false: it had applied that far already). */
      readonly stateReset: boolean;
    }
  | {
      /** Step 5: an existing snapshot at least as new is kept; this one (stale or duplicated) changes nothing. */
      readonly type: 'snapshotIgnored';
      readonly leader: NodeId;
      readonly index: number;
      readonly mySnapshotIndex: number;
    }
  | {
      /** Leader: the follower holds the snapshot; its nextIndex and matchIndex move past it. */
      readonly type: 'snapshotAcknowledged';
      readonly follower: NodeId;
      readonly index: number;
    };

/** What one step asks the host to do; read-only to the host (an empty list may be shared). */
export interface RaftOutput {
  readonly messages: readonly OutgoingMessage[];
  readonly timers: readonly TimerRequest[];
  readonly events: readonly RaftEvent[];
  readonly answers: readonly ClientAnswer[];
}
