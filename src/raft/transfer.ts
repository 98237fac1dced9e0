// Leadership transfer, Ongaro's dissertation §3.10.
//
// The leader (1) stops taking new client commands, (2) brings the target's log up to date,
// (3) sends it TimeoutNow; the target (4) starts an election at once, without pre-vote, and
// marks its RequestVote as a transfer so that voters grant it even though they heard from a
// leader recently. If none of this finishes within an election timeout, the leader gives up
// and takes commands again. The leader counts that timeout in its own heartbeats: a node
// has no clock, and its heartbeat timer runs at its clock's rate.

import type { NodeHooks } from './node-hooks';
import type { NodeId, RequestVote, TimeoutNow, TransferRefusal } from './types';

/** The shortest election timeout when the host gives none (the scenario default). */
export const DEFAULT_ELECTION_TIMEOUT_MIN = 150;

/** Heartbeats in one (shortest) election timeout: how long a transfer may take. */
export function transferTicks(n: NodeHooks): number {
  const c = n.config();
  return Math.max(1, Math.ceil((c.electionTimeoutMin ?? DEFAULT_ELECTION_TIMEOUT_MIN) / c.heartbeatInterval));
}

function refusal(n: NodeHooks, to: NodeId): TransferRefusal | null {
  const s = n.state;
  if (s.role !== 'leader') return 'not-leader';
  if (to === n.id) return 'self';
  if (s.transfer !== null) return 'in-progress';
  if (s.configuration.learners.includes(to)) return 'learner';
  if (!n.quorum().isVoter(to)) return 'not-member';
  return null;
}

/** §3.10 step 1: the class asked this leader to hand over to `to`. */
export function startTransfer(n: NodeHooks, to: NodeId): void {
  const s = n.state;
  const reason = refusal(n, to);
  if (reason !== null) return n.emit({ type: 'transferRefused', to, reason });
  const ticks = transferTicks(n);
  s.transfer = { to, timeoutNowSent: false, ticksLeft: ticks };
  n.emit({
    type: 'transferStarted',
    to,
    term: s.currentTerm,
    targetMatchIndex: s.matchIndex[to] ?? 0,
    lastLogIndex: s.log.lastIndex(),
    ticks,
  });
  // Step 2: catch the target up now rather than at the next heartbeat; step 3 if it already is.
  if (!sendTimeoutNowIfCaughtUp(n)) n.replicateTo(to);
}

/** Step 3, once the target's matchIndex reaches the leader's last index. Returns whether it was sent. */
export function sendTimeoutNowIfCaughtUp(n: NodeHooks): boolean {
  const s = n.state;
  const t = s.transfer;
  if (t === null || t.timeoutNowSent) return false;
  const matchIndex = s.matchIndex[t.to] ?? 0;
  if (matchIndex < s.log.lastIndex()) return false;
  t.timeoutNowSent = true;
  // A leader that told its successor to campaign may no longer trust its lease (§6.4.1).
  s.reads.leaseForfeited = true;
  s.reads.leaseUntilTick = -1;
  const message: TimeoutNow = { type: 'TimeoutNow', term: s.currentTerm, leaderId: n.id };
  n.emit({ type: 'timeoutNowSent', to: t.to, term: s.currentTerm, matchIndex });
  n.send(t.to, message);
  return true;
}

/** One heartbeat of the leader's clock: give up when a whole election timeout has gone by. */
export function tickTransfer(n: NodeHooks): void {
  const t = n.state.transfer;
  if (t === null) return;
  t.ticksLeft -= 1;
  if (t.ticksLeft > 0) return;
  n.state.transfer = null;
  n.emit({ type: 'transferEnded', to: t.to, outcome: 'timeout', timeoutNowSent: t.timeoutNowSent });
}

/** The leader stepped down (normally because the target won): the transfer is over. */
export function endTransferOnStepDown(n: NodeHooks): void {
  const t = n.state.transfer;
  if (t === null) return;
  n.state.transfer = null;
  n.emit({ type: 'transferEnded', to: t.to, outcome: 'steppedDown', timeoutNowSent: t.timeoutNowSent });
}

/** §3.10 step 1: while transferring, a new command is refused so the client retries at the new leader. */
export function refuseWhileTransferring(n: NodeHooks, requestId: number | undefined): boolean {
  const t = n.state.transfer;
  if (t === null) return false;
  n.answer({ requestId, outcome: 'transferring', to: t.to });
  return true;
}

/** Step 4 at the target: campaign at once, skipping pre-vote (the leader asked for it). */
export function onTimeoutNow(n: NodeHooks, m: TimeoutNow): void {
  const s = n.state;
  // Only a follower of that leader's term acts on it; a voter only, as learners never campaign.
  if (s.role === 'leader' || s.role === 'candidate' || m.term !== s.currentTerm) return;
  if (!n.quorum().isVoter(n.id)) return;
  n.campaign('transfer');
}

/**
 * With lease reads a voter that heard from a leader within its election timeout ignores an
 * ordinary candidate (§4.2.3), which is what keeps a lease safe; a transfer's RequestVote is the
 * exception (§3.10), since the leader itself asked for the election.
 */
export function ignoresVoteRequest(n: NodeHooks, m: RequestVote): boolean {
  const s = n.state;
  if (n.config().options.reads !== 'lease' || m.transfer === true) return false;
  return s.role === 'leader' || (s.role === 'follower' && s.leaderContact);
}
