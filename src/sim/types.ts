// What the simulator records and reports: messages on the wire, the trace of
// everything that happened, invariant violations and snapshots of the cluster.
// All plain, serializable data: the worker posts it, the CLI prints it.

import type { Action } from './scenario-types';
import type { ActionRefusal } from './refusal';
import type {
  ChangeRefusal,
  CommitDeferred,
  Configuration,
  KvState,
  LogEntry,
  NodeId,
  RaftEvent,
  RaftMessage,
  QuorumSet,
  RaftOptions,
  Role,
  SnapshotTransfer,
  TimerKind,
  UnsafeSwitches,
} from '../raft/types';

/** The client is an endpoint of its own; it is never partitioned from the nodes. */
/** Every unsafe switch in its one order (src/raft/types.ts), for the view's settings and its "Not Raft" band. */
export { UNSAFE_SWITCH_NAMES } from '../raft/types';

export const CLIENT = 'client';
export type Endpoint = NodeId | typeof CLIENT;

export interface ClientRequest {
  readonly type: 'ClientRequest';
  readonly requestId: number;
  readonly command: string;
  /** A membership change (§6) instead of a command: `command` then only describes it. */
  readonly change?: MembershipChange;
}

export interface MembershipChange {
  readonly add: readonly NodeId[];
  readonly remove: readonly NodeId[];
}

export interface ClientReply {
  readonly type: 'ClientReply';
  readonly requestId: number;
  readonly success: boolean;
  /** On success: what the state machine returned. */
  readonly result?: string;
  /** On refusal by a follower: the leader it knows, if any (§4: only the leader serves clients). */
  readonly leaderHint?: NodeId | null;
  readonly error?: string;
  /** Thesis §3.10: the leader is handing over to this node; try again there shortly. */
  readonly transferringTo?: NodeId;
  /**
   * §6: the leader cannot start this membership change yet (an earlier one is under way, or it has not
   * committed an entry of its term): it still leads, and the same request, asked again shortly, can pass.
   */
  readonly changeDeferred?: ChangeRefusal;
}

export type WireMessage = RaftMessage | ClientRequest | ClientReply;

export type DropReason = 'receiver-dead' | 'link-down' | 'random-loss' | 'dropped-by-user' | 'sender-dead';

export interface Envelope {
  readonly id: number;
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly sentAt: number;
  readonly deliverAt: number;
  readonly payload: WireMessage;
  /** Decided at send time with the seeded PRNG; the message still travels and dies on arrival. */
  readonly lost: boolean;
  /** A copy made by the duplication switch. */
  readonly duplicate: boolean;
}

export type ClientRequestStatus = 'pending' | 'succeeded' | 'failed' | 'refused';

export interface ClientRequestRecord {
  readonly id: number;
  readonly command: string;
  /** The node the user chose, if any. */
  readonly node: NodeId | null;
  /** A membership change request (§6); `command` describes it ("+D −A"). */
  readonly change?: MembershipChange;
  readonly submittedAt: number;
  readonly deadline: number;
  status: ClientRequestStatus;
  /** Where the current attempt went. */
  target: NodeId | null;
  attempts: number;
  result: string | null;
  error: string | null;
  answeredAt: number | null;
}

export type InvariantName =
  | 'Election Safety'
  | 'Leader Append-Only'
  | 'Log Matching'
  | 'Leader Completeness'
  | 'State Machine Safety'
  | 'Term Monotonic'
  | 'Vote Stability'
  | 'Commit Bounds'
  /** §6: at most one uncommitted configuration entry in a leader's log. */
  | 'Configuration Safety'
  /** A leader commits only what a majority of every voter set of its configuration holds. */
  | 'Commit Quorum'
  /**
   * A read missed a write the client saw succeed before sending it (thesis §6.4). Only the explorer
   * reports it as a violation; in a run, the history panel's linearizability checker judges reads.
   */
  | 'Linearizability';

export interface Violation {
  readonly invariant: InvariantName;
  readonly time: number;
  readonly nodes: readonly NodeId[];
  readonly index?: number;
  readonly term?: number;
  readonly detail: string;
}

export type ClientEvent =
  | {
      readonly type: 'submitted';
      readonly requestId: number;
      readonly command: string;
      readonly to: NodeId;
      /** A membership change, not a state-machine command. */
      readonly change?: true;
    }
  | { readonly type: 'refused'; readonly requestId: number; readonly command: string; readonly reason: string }
  | { readonly type: 'redirected'; readonly requestId: number; readonly by: NodeId; readonly to: NodeId | null }
  /** The leader `by` cannot start this membership change yet, for `reason`; the client asks it again shortly. */
  | { readonly type: 'deferred'; readonly requestId: number; readonly by: NodeId; readonly reason: ChangeRefusal }
  | { readonly type: 'timedOut'; readonly requestId: number; readonly node: NodeId }
  | { readonly type: 'retried'; readonly requestId: number; readonly to: NodeId; readonly attempt: number }
  | {
      readonly type: 'accepted';
      readonly requestId: number;
      readonly node: NodeId;
      readonly index: number;
      readonly term: number;
    }
  | { readonly type: 'succeeded'; readonly requestId: number; readonly result: string; readonly by: NodeId }
  | { readonly type: 'failed'; readonly requestId: number; readonly reason: string };

/** One record of the append-only trace. `step` numbers the queue event that caused it. */
export type TraceEvent = { readonly time: number; readonly step: number } & (
  | { readonly kind: 'timerFired'; readonly node: NodeId; readonly timer: TimerKind }
  | { readonly kind: 'sent'; readonly message: Envelope }
  | { readonly kind: 'delivered'; readonly message: Envelope }
  | { readonly kind: 'dropped'; readonly message: Envelope; readonly reason: DropReason }
  | { readonly kind: 'node'; readonly node: NodeId; readonly event: RaftEvent }
  | { readonly kind: 'client'; readonly event: ClientEvent }
  | {
      readonly kind: 'action';
      readonly action: Action;
      /** Why it could not be carried out, in English and as data for other languages. */
      readonly error?: string;
      readonly refusal?: ActionRefusal;
    }
  | { readonly kind: 'crashed'; readonly node: NodeId }
  | { readonly kind: 'restarted'; readonly node: NodeId; readonly term: number; readonly votedFor: NodeId | null }
  | { readonly kind: 'violation'; readonly violation: Violation }
);

export type TraceKind = TraceEvent['kind'];

export interface TimerSnapshot {
  readonly armedAt: number;
  readonly deadline: number;
}

export interface NodeFrame {
  readonly id: NodeId;
  readonly alive: boolean;
  readonly role: Role;
  readonly currentTerm: number;
  readonly votedFor: NodeId | null;
  readonly leaderId: NodeId | null;
  /** The entries the node holds: log[0] has index (snapshot?.index ?? 0) + 1. */
  readonly log: readonly LogEntry[];
  /** The last index and term a snapshot covers (§7) and the state it holds, or null when the log starts at index 1. */
  readonly snapshot: SnapshotFrame | null;
  /** Figure 13: a snapshot arriving in chunks, not complete yet. */
  readonly incomingSnapshot: IncomingSnapshotFrame | null;
  /** Leader: the followers it is sending a snapshot to, with the offset of the chunk due (not the snapshot itself). */
  readonly snapshotTransfers: Readonly<Record<NodeId, Omit<SnapshotTransfer, 'snapshot'>>>;
  readonly commitIndex: number;
  readonly lastApplied: number;
  readonly nextIndex: Readonly<Record<NodeId, number>>;
  readonly matchIndex: Readonly<Record<NodeId, number>>;
  /** Leader: what §5.4.2 holds back now (an entry on a quorum but of an older term), or null. */
  readonly commitDeferred: CommitDeferred | null;
  /** Indexes of entries whose apply was a retry of a request already applied (entryApplied.retry, thesis §6.3). */
  readonly retried: readonly number[];
  readonly votesGranted: readonly NodeId[];
  readonly votesRefused: readonly NodeId[];
  /** The configuration the node uses (§6), and what a quorum means in it: one majority per voter set. */
  readonly configuration: Configuration;
  readonly quorum: readonly { readonly voters: readonly NodeId[]; readonly needed: number }[];
  readonly kv: Readonly<KvState['data']>;
  readonly electionTimer: TimerSnapshot | null;
  readonly heartbeatTimer: TimerSnapshot | null;
  /**
   * The first index of this node's log that the current leader's log contradicts, or null: the suffix
   * the leader's repair will delete (§5.3), known before it happens (see log-conflict.ts).
   */
  readonly conflictFrom: number | null;
  /** How fast this node's clock runs (1 = real time; the `clock` action changes it). */
  readonly clockRate: number;
  /** Leader: a leadership transfer under way (thesis §3.10). */
  readonly transfer: { readonly to: NodeId; readonly timeoutNowSent: boolean } | null;
  /** Reads served without the log that wait here, and the leader's lease (thesis §6.4), or null. */
  readonly reads: NodeReadFrame | null;
}

export interface NodeReadFrame {
  readonly pending: readonly {
    readonly requestId: number;
    readonly key: string;
    /** null while waiting for an entry of the leader's term to commit, or for the leader's answer. */
    readonly readIndex: number | null;
    /** The heartbeat round it waits for; 0 once confirmed. */
    readonly round: number;
    readonly for: NodeId | 'client';
  }[];
  /** The latest heartbeat round with a read context. */
  readonly round: number;
  /** The lease holds while the leader's heartbeat count `tick` is below this (-1: no lease). */
  readonly leaseUntilTick: number;
  readonly tick: number;
}

export interface SnapshotFrame {
  readonly index: number;
  readonly term: number;
  /** The key-value state the snapshot holds. */
  readonly state: Readonly<Record<string, string>>;
  /** Its serialized size in characters (what InstallSnapshot sends in chunks). */
  readonly size: number;
  /** The client requests its dedup table remembers as applied. */
  readonly requestIds: readonly number[];
}

export interface IncomingSnapshotFrame {
  readonly leader: NodeId;
  readonly index: number;
  readonly term: number;
  /** Characters written so far. */
  readonly received: number;
  readonly chunks: number;
}

export interface NetworkSnapshot {
  readonly isolated: readonly NodeId[];
  /** Directed cut links as "A>B". */
  readonly cutLinks: readonly string[];
  readonly partition: readonly (readonly NodeId[])[] | null;
  readonly latency: readonly [number, number];
  readonly dropRate: number;
  readonly duplicateRate: number;
  readonly reorder: boolean;
}

export interface DroppedMessage {
  readonly message: Envelope;
  readonly droppedAt: number;
  readonly reason: DropReason;
}

export interface ClusterFrame {
  readonly time: number;
  /** How many queue events have been processed so far. */
  readonly step: number;
  readonly nodes: readonly NodeFrame[];
  readonly messages: readonly Envelope[];
  readonly recentlyDropped: readonly DroppedMessage[];
  readonly network: NetworkSnapshot;
  readonly requests: readonly ClientRequestRecord[];
  readonly violations: readonly Violation[];
  /** The engine options and unsafe teaching switches in force. */
  readonly options: RaftOptions;
  readonly unsafe: UnsafeSwitches;
  /** The configuration the cluster follows now (§6), for the view: see membership-frame.ts. */
  readonly membership: MembershipFrame;
}

export interface MembershipFrame {
  /**
   * Whose configuration this is: the leader the cluster follows, else the live node holding the
   * newest configuration entry (null when every node is down: the first node's, from its disk).
   */
  readonly from: NodeId | null;
  readonly configuration: Configuration;
  /** What a quorum means in it: one majority per voter set (two in C_old,new). */
  readonly quorum: readonly QuorumSet[];
  /** Leader: each learner catching up (dissertation §4.2.1), in the order of configuration.learners. */
  readonly learners: readonly LearnerProgress[];
}

export interface LearnerProgress {
  readonly id: NodeId;
  /** The leader's matchIndex for it. */
  readonly matchIndex: number;
  /** The leader's last log index. */
  readonly lastIndex: number;
  /** Within one round of the leader's log: the change that makes it a voter may go in. */
  readonly caughtUp: boolean;
}
