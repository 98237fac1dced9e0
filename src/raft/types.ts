// The vocabulary of one Raft node, named after Figure 2 of the Raft paper.
// Everything here is plain data so a node's state can be cloned, sent to the UI
// and compared in tests.

export type NodeId = string;
export type Role = 'follower' | 'candidate' | 'leader';

/** One log entry. `command` is the client's text; a leader's no-op has command "". */
export interface LogEntry {
  readonly term: number;
  readonly command: string;
  /** The client request that created it, so a retried command is applied once (thesis §6.3). */
  readonly requestId?: number;
}

// ---- RPCs (Figure 2) -------------------------------------------------------

export interface RequestVote {
  readonly type: 'RequestVote';
  readonly term: number;
  readonly candidateId: NodeId;
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
  /** Thesis §9.6: a pre-vote asks "would you vote for me at `term`?" without changing anyone's term. */
  readonly preVote: boolean;
}

export interface RequestVoteReply {
  readonly type: 'RequestVoteReply';
  readonly term: number;
  readonly voteGranted: boolean;
  readonly preVote: boolean;
}

export interface AppendEntries {
  readonly type: 'AppendEntries';
  readonly term: number;
  readonly leaderId: NodeId;
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly entries: readonly LogEntry[];
  readonly leaderCommit: number;
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
  /** On refusal: the first index of conflictTerm in the follower's log, or its log length + 1 when too short. */
  readonly conflictIndex: number;
}

export type RaftMessage = RequestVote | RequestVoteReply | AppendEntries | AppendEntriesReply;

// ---- Configuration ---------------------------------------------------------

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
}

/** Switches that break Raft on purpose so a class can watch the invariant checker catch it. */
export interface UnsafeSwitches {
  /** Grant votes without the §5.4.1 up-to-date check. */
  readonly noElectionRestriction: boolean;
  /** Commit entries of earlier terms by counting replicas (what Figure 8 shows to be wrong). */
  readonly commitPreviousTerms: boolean;
  /** Lose currentTerm and votedFor on restart, as if they were never written to disk. */
  readonly forgetOnRestart: boolean;
}

export const DEFAULT_OPTIONS: RaftOptions = {
  preVote: false,
  checkQuorum: false,
  leaderNoop: false,
  fastBackup: false,
  maxEntriesPerMessage: 10,
};

export const SAFE_SWITCHES: UnsafeSwitches = {
  noElectionRestriction: false,
  commitPreviousTerms: false,
  forgetOnRestart: false,
};

export interface RaftConfig {
  readonly id: NodeId;
  /** Every node of the cluster, this one included, in a fixed order. */
  readonly cluster: readonly NodeId[];
  readonly heartbeatInterval: number;
  readonly options: RaftOptions;
  readonly unsafe: UnsafeSwitches;
}

// ---- State -----------------------------------------------------------------

/** Figure 2 "Persistent state on all servers": survives a crash. */
export interface PersistentState {
  currentTerm: number;
  votedFor: NodeId | null;
  /** log[0] is index 1, as in the paper. */
  log: LogEntry[];
}

/** The key-value state machine the committed log is applied to. */
export interface KvState {
  data: Record<string, string>;
  /** Recent client requests already applied, with their results, so a retry takes effect once. */
  appliedRequests: [requestId: number, result: string][];
}

export interface RaftState extends PersistentState {
  role: Role;
  /** The leader this node currently follows in currentTerm, if it knows one. */
  leaderId: NodeId | null;
  commitIndex: number;
  lastApplied: number;
  /** Leader only: for each follower, the index of the next entry to send. */
  nextIndex: Record<NodeId, number>;
  /** Leader only: for each follower, the highest index known to be replicated there. */
  matchIndex: Record<NodeId, number>;
  /** Candidate (or pre-candidate) only: who granted and who refused the vote of this election. */
  votesGranted: NodeId[];
  votesRefused: NodeId[];
  /** True while a pre-vote round (thesis §9.6) is running: the node is still a follower of its term. */
  preCandidate: boolean;
  /** Leader with checkQuorum: followers heard from since the last quorum check. */
  recentlyHeard: NodeId[];
  kv: KvState;
}

// ---- Inputs and outputs ----------------------------------------------------

export type TimerKind = 'election' | 'heartbeat';

export type RaftInput =
  | { readonly kind: 'message'; readonly from: NodeId; readonly message: RaftMessage }
  | { readonly kind: 'timer'; readonly timer: TimerKind };

export interface OutgoingMessage {
  readonly to: NodeId;
  readonly message: RaftMessage;
}

/** "Arm this timer to fire after `after` ms" (re-arming replaces the old deadline), or stop it. */
export type TimerRequest =
  { readonly timer: TimerKind; readonly after: number } | { readonly timer: TimerKind; readonly stop: true };

export type VoteRefusal = 'stale-term' | 'already-voted' | 'log-not-up-to-date' | 'leader-alive';
export type AppendRefusal = 'stale-term' | 'missing-entry' | 'term-mismatch';

/** The values a voter compared, so a UI can show the rule evaluated ("2 ≥ 3? no → refuse"). */
export interface VoteCheck {
  /** Whom the voter had voted for in this term before the request. */
  readonly votedFor: NodeId | null;
  readonly voterLastLogTerm: number;
  readonly voterLastLogIndex: number;
  readonly candidateLastLogTerm: number;
  readonly candidateLastLogIndex: number;
  /** §5.4.1 evaluated: is the candidate's log at least as up-to-date as the voter's? */
  readonly candidateUpToDate: boolean;
}

/** Structured events: what narration, history and the invariant checker read. */
export type RaftEvent =
  | { readonly type: 'termChanged'; readonly from: number; readonly to: number; readonly cause: NodeId | 'timeout' }
  | { readonly type: 'roleChanged'; readonly from: Role; readonly to: Role; readonly term: number }
  | { readonly type: 'electionStarted'; readonly term: number; readonly preVote: boolean }
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
      readonly type: 'appendRefused';
      readonly leader: NodeId;
      readonly term: number;
      readonly prevLogIndex: number;
      readonly prevLogTerm: number;
      readonly reason: AppendRefusal;
      /** The follower's own log at the time: its last index and its term at prevLogIndex (null if absent). */
      readonly myLastLogIndex: number;
      readonly myPrevLogTerm: number | null;
    }
  | { readonly type: 'entriesAppended'; readonly fromIndex: number; readonly entries: readonly LogEntry[] }
  | { readonly type: 'entriesTruncated'; readonly fromIndex: number; readonly removed: readonly LogEntry[] }
  | { readonly type: 'nextIndexBackedUp'; readonly follower: NodeId; readonly from: number; readonly to: number }
  | {
      readonly type: 'commitAdvanced';
      readonly from: number;
      readonly to: number;
      /** A leader counts replicas (§5.3, §5.4.2); a follower follows leaderCommit. */
      readonly by: 'majority' | 'leaderCommit';
      /** For `majority`: how many nodes hold entry `to`, the leader included. */
      readonly replicas?: number;
    }
  | {
      readonly type: 'entryApplied';
      readonly index: number;
      readonly entry: LogEntry;
      /** What the state machine did: the new value, "deleted", "no-op" or "duplicate". */
      readonly result: string;
    }
  | { readonly type: 'steppedDown'; readonly reason: 'lost-quorum' };

export interface RaftOutput {
  readonly messages: OutgoingMessage[];
  readonly timers: TimerRequest[];
  readonly events: RaftEvent[];
}

/** What a node says to a client proposal. */
export type ProposalResult =
  | { readonly accepted: true; readonly index: number; readonly term: number }
  | { readonly accepted: false; readonly reason: 'not-leader'; readonly leaderHint: NodeId | null }
  | { readonly accepted: false; readonly reason: 'invalid-command'; readonly message: string };
