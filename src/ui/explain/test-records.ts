// Small builders of trace records for the explanation, rules and safety tests.

import type { NodeId, RaftEvent, RaftMessage, VoteCheck } from '../../raft/types';
import type { Endpoint, Envelope, TraceEvent, WireMessage } from '../../sim/types';

let nextId = 1;

export function envelope(from: Endpoint, to: Endpoint, payload: WireMessage, sentAt = 0): Envelope {
  return { id: nextId++, from, to, sentAt, deliverAt: sentAt + 10, payload, lost: false, duplicate: false };
}

type Body = TraceEvent extends infer T ? (T extends unknown ? Omit<T, 'time' | 'step'> : never) : never;

export function at(step: number, body: Body): TraceEvent {
  return { time: step * 10, step, ...body } as TraceEvent;
}

export const nodeEvent = (step: number, node: NodeId, event: RaftEvent): TraceEvent =>
  at(step, { kind: 'node', node, event });
export const sent = (step: number, from: Endpoint, to: Endpoint, payload: RaftMessage | WireMessage): TraceEvent =>
  at(step, { kind: 'sent', message: envelope(from, to, payload, step * 10) });
export const delivered = (step: number, from: Endpoint, to: Endpoint, payload: WireMessage): TraceEvent =>
  at(step, { kind: 'delivered', message: envelope(from, to, payload, step * 10 - 10) });

export function check(c: Partial<VoteCheck> = {}): VoteCheck {
  return {
    votedFor: null,
    voterTerm: 0,
    voterLastLogTerm: 0,
    voterLastLogIndex: 0,
    candidateLastLogTerm: 0,
    candidateLastLogIndex: 0,
    candidateUpToDate: true,
    ...c,
  };
}

/** B refuses E's RequestVote of term 5 by the election restriction (E's log: term 2; B's: term 3). */
export function refusedVoteStep(step = 7): TraceEvent[] {
  return [
    delivered(step, 'E', 'B', {
      type: 'RequestVote',
      term: 5,
      candidateId: 'E',
      lastLogIndex: 2,
      lastLogTerm: 2,
    }),
    nodeEvent(step, 'B', { type: 'termChanged', from: 3, to: 5, cause: 'E' }),
    nodeEvent(step, 'B', {
      type: 'voteRefused',
      candidate: 'E',
      term: 5,
      preVote: false,
      reason: 'log-not-up-to-date',
      check: check({
        voterLastLogTerm: 3,
        voterLastLogIndex: 4,
        candidateLastLogTerm: 2,
        candidateLastLogIndex: 2,
        candidateUpToDate: false,
      }),
    }),
    sent(step, 'B', 'E', { type: 'RequestVoteReply', term: 5, voteGranted: false }),
  ];
}
