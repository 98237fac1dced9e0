// The simulated client (§4 step 1 and §8 of the paper): it sends each command to the
// node it believes leads, follows redirects, retries on silence, and gives up at a
// deadline. Its messages travel the network like any other, so a class sees them.

import { parseCommand } from '../raft/kv';
import type { NodeId } from '../raft/types';
import { shareArray, unshareArray, type SharedArray } from './shared-array';
import { describeChange } from './membership';
import type { ClientEvent, ClientReply, ClientRequestRecord, MembershipChange } from './types';

/** What the client needs from the simulation around it. */
export interface ClientHost {
  now(): number;
  readonly nodeIds: readonly NodeId[];
  sendRequest(to: NodeId, requestId: number, command: string, change?: MembershipChange): void;
  /** Call back `onTimer(kind, requestId, attempt)` after `after` ms. */
  schedule(after: number, kind: ClientTimerKind, requestId: number, attempt: number): void;
  record(event: ClientEvent): void;
}

export type ClientTimerKind = 'timeout' | 'retry' | 'deadline';

/** Wait before retrying when no node knows a leader (an election is probably running), or the leader asks to wait. */
const NO_LEADER_RETRY_DELAY = 100;

export interface ClientState {
  requests: ClientRequestRecord[];
  /** The node the client believes leads, from the last answer or redirect. */
  leaderGuess: NodeId | null;
  nextRequestId: number;
  /**
   * The last node that knew no leader. A server removed from the cluster (§6) may still name it
   * as the leader; following that hint back and forth would never reach the real leader.
   */
  noLeaderFrom: NodeId | null;
}

export function emptyClientState(): ClientState {
  return { requests: [], leaderGuess: null, nextRequestId: 1, noLeaderFrom: null };
}

export function cloneClientState(s: ClientState): ClientState {
  return {
    requests: s.requests.map((r) => ({ ...r })),
    leaderGuess: s.leaderGuess,
    nextRequestId: s.nextRequestId,
    noLeaderFrom: s.noLeaderFrom,
  };
}

/** The client's state in a checkpoint: settled requests no longer change, so their chunks are shared. */
export interface SavedClientState {
  readonly requests: SharedArray<ClientRequestRecord>;
  readonly leaderGuess: NodeId | null;
  readonly nextRequestId: number;
  /** Saved too: a rewind that forgot it would retry differently from the straight run. */
  readonly noLeaderFrom: NodeId | null;
  /**
   * How many leading requests were settled when saved. A settled request never changes again (only
   * pending ones are touched), so the next save takes their chunks without comparing them.
   */
  readonly settled: number;
}

/**
 * Requests per shared chunk. A checkpoint copies a chunk with a request still changing whole; with
 * 1,024 that was most of a virtual hour's checkpoint memory.
 */
const REQUEST_CHUNK = 64;

/**
 * The record a checkpoint keeps, and the one a restore gives back: a copy while pending (the live
 * one changes), the record itself once settled (it never changes again: the client only touches
 * pending ones). The live state and every checkpoint then hold one object per settled request
 * rather than a copy each (an hour of writes: 36,000 records, some 6 MB).
 */
const copyRecord = (r: ClientRequestRecord): ClientRequestRecord => (r.status === 'pending' ? { ...r } : r);

/** Every field of a record equal (a live record is mutable: its kept copy is compared field by field). */
function sameRecord(live: ClientRequestRecord, kept: ClientRequestRecord): boolean {
  if (live.id !== kept.id || live.status !== kept.status) return false;
  for (const key in live) {
    if (live[key as keyof ClientRequestRecord] !== kept[key as keyof ClientRequestRecord]) return false;
  }
  return true;
}

export function saveClientState(s: ClientState, previous?: SavedClientState): SavedClientState {
  // Settled when `previous` was saved means settled and unchanged now: the state descends from it.
  const unchanged = previous?.settled ?? 0;
  let settled = unchanged;
  while (settled < s.requests.length && s.requests[settled]!.status !== 'pending') settled++;
  return {
    settled,
    requests: shareArray(s.requests, previous?.requests, {
      same: sameRecord,
      copy: copyRecord,
      chunkSize: REQUEST_CHUNK,
      unchanged,
    }),
    leaderGuess: s.leaderGuess,
    nextRequestId: s.nextRequestId,
    noLeaderFrom: s.noLeaderFrom,
  };
}

export function restoreClientState(saved: SavedClientState): ClientState {
  return {
    requests: unshareArray(saved.requests, copyRecord),
    leaderGuess: saved.leaderGuess,
    nextRequestId: saved.nextRequestId,
    noLeaderFrom: saved.noLeaderFrom,
  };
}

export class Client {
  constructor(
    readonly state: ClientState,
    private readonly host: ClientHost,
    private readonly timeout: number,
    private readonly deadline: number,
  ) {}

  /** §6: an administrator's change, taken to the leader and retried like a command. */
  submitChange(add: readonly NodeId[], remove: readonly NodeId[]): ClientRequestRecord {
    return this.submit(describeChange(add, remove), null, { add: [...add], remove: [...remove] });
  }

  /** Submit a command, to `node` if given, else to the believed leader. Returns the request. */
  submit(command: string, node: NodeId | null, change?: MembershipChange): ClientRequestRecord {
    const now = this.host.now();
    const id = this.state.nextRequestId++;
    const deadline = now + this.deadline;
    // Whole literals rather than a spread of the optional field: a literal keeps all its fields in the
    // object itself, where a spread-built one keeps most of them in a second array (a long run keeps
    // every record, and the checkpoints copies of the pending ones).
    const record: ClientRequestRecord =
      change === undefined
        ? {
            id,
            command,
            node,
            submittedAt: now,
            deadline,
            status: 'pending',
            target: null,
            attempts: 0,
            result: null,
            error: null,
            answeredAt: null,
          }
        : {
            change,
            id,
            command,
            node,
            submittedAt: now,
            deadline,
            status: 'pending',
            target: null,
            attempts: 0,
            result: null,
            error: null,
            answeredAt: null,
          };
    this.state.requests.push(record);
    const parsed = change === undefined ? parseCommand(command) : null;
    if (parsed !== null && !parsed.ok) {
      // Refused before it is sent: a malformed command never reaches any log.
      this.finish(record, 'refused', null, parsed.message);
      this.host.record({ type: 'refused', requestId: record.id, command, reason: parsed.message });
      return record;
    }
    this.host.schedule(this.deadline, 'deadline', record.id, 0);
    this.sendAttempt(record, node ?? this.state.leaderGuess ?? this.host.nodeIds[0]!);
    return record;
  }

  onReply(from: NodeId, reply: ClientReply): void {
    const record = this.pending(reply.requestId);
    // A late answer to an earlier attempt still counts if it is a success.
    if (!record || (record.target !== from && !reply.success)) return;
    if (reply.success) {
      this.state.leaderGuess = from;
      this.state.noLeaderFrom = null;
      record.result = reply.result ?? null;
      record.answeredAt = this.host.now();
      this.finish(record, 'succeeded', reply.result ?? null, null);
      this.host.record({ type: 'succeeded', requestId: record.id, result: reply.result ?? '', by: from });
      return;
    }
    if (reply.error) {
      this.finish(record, 'refused', null, reply.error);
      this.host.record({ type: 'failed', requestId: record.id, reason: reply.error });
      return;
    }
    if (reply.changeDeferred !== undefined) {
      // §6: the leader must finish something first. It still leads: every request keeps going to it.
      this.state.leaderGuess = from;
      this.host.record({ type: 'deferred', requestId: record.id, by: from, reason: reply.changeDeferred });
      this.host.schedule(NO_LEADER_RETRY_DELAY, 'retry', record.id, record.attempts);
      return;
    }
    if (reply.transferringTo !== undefined) {
      // Thesis §3.10: the leader is handing over; ask the new one once its election has had time.
      this.state.leaderGuess = reply.transferringTo;
      this.host.record({ type: 'redirected', requestId: record.id, by: from, to: reply.transferringTo });
      this.host.schedule(NO_LEADER_RETRY_DELAY, 'retry', record.id, record.attempts);
      return;
    }
    const hint = reply.leaderHint ?? null;
    this.host.record({ type: 'redirected', requestId: record.id, by: from, to: hint });
    if (hint !== null && hint !== from && hint === this.state.noLeaderFrom) {
      // A stale hint back to a node that just said it knows no leader: try the next node instead.
      this.sendAttempt(record, this.nextNode(from));
    } else if (hint !== null && hint !== from) {
      this.state.leaderGuess = hint;
      this.sendAttempt(record, hint);
    } else {
      if (hint === null) this.state.noLeaderFrom = from;
      this.state.leaderGuess = null;
      this.host.schedule(NO_LEADER_RETRY_DELAY, 'retry', record.id, record.attempts);
    }
  }

  onTimer(kind: ClientTimerKind, requestId: number, attempt: number): void {
    const record = this.pending(requestId);
    if (!record) return;
    if (kind === 'deadline') {
      const reason = `no answer within ${this.deadline} ms`;
      this.finish(record, 'failed', null, reason);
      this.host.record({ type: 'failed', requestId, reason });
      return;
    }
    if (attempt !== record.attempts) return; // A newer attempt superseded this timer.
    if (kind === 'timeout') {
      this.host.record({ type: 'timedOut', requestId, node: record.target! });
      this.state.leaderGuess = null;
    }
    const guess = this.state.leaderGuess;
    this.sendAttempt(record, kind === 'retry' && guess !== null ? guess : this.nextNode(record.target));
  }

  private sendAttempt(record: ClientRequestRecord, to: NodeId): void {
    if (this.host.now() >= record.deadline) return;
    record.attempts += 1;
    record.target = to;
    this.host.record(
      record.attempts === 1
        ? record.change === undefined
          ? { type: 'submitted', requestId: record.id, command: record.command, to }
          : { type: 'submitted', requestId: record.id, command: record.command, to, change: true }
        : { type: 'retried', requestId: record.id, to, attempt: record.attempts },
    );
    this.host.sendRequest(to, record.id, record.command, record.change);
    this.host.schedule(this.timeout, 'timeout', record.id, record.attempts);
  }

  /** Round-robin to the node after `current`, so a dead or cut-off node is passed over. */
  private nextNode(current: NodeId | null): NodeId {
    const ids = this.host.nodeIds;
    const at = current === null ? -1 : ids.indexOf(current);
    return ids[(at + 1) % ids.length]!;
  }

  private pending(requestId: number): ClientRequestRecord | undefined {
    // Ids are handed out in order from 1, so the id is the position.
    const record = this.state.requests[requestId - 1];
    return record?.status === 'pending' ? record : undefined;
  }

  private finish(
    record: ClientRequestRecord,
    status: ClientRequestRecord['status'],
    result: string | null,
    error: string | null,
  ): void {
    record.status = status;
    record.result = result;
    record.error = error;
    record.answeredAt = this.host.now();
  }
}
