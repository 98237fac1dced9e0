// Why an action could not be carried out, as data: the UI words it in the chosen language,
// the trace and the CLI keep the English sentence.

import type { NodeId, TransferRefusal } from '../raft/types';

export type ActionRefusal =
  | { readonly code: 'unknown-node'; readonly node: NodeId; readonly clusterSize: number }
  | { readonly code: 'already-down'; readonly node: NodeId }
  | { readonly code: 'already-running'; readonly node: NodeId }
  | { readonly code: 'node-down'; readonly node: NodeId }
  | { readonly code: 'not-leader'; readonly node: NodeId }
  | { readonly code: 'unknown-link'; readonly from: NodeId; readonly to: NodeId }
  | { readonly code: 'self-link'; readonly node: NodeId }
  | { readonly code: 'message-gone'; readonly message: number }
  | { readonly code: 'no-election-timer'; readonly node: NodeId }
  | { readonly code: 'transfer-refused'; readonly to: NodeId; readonly reason: TransferRefusalReason };

/** Why a transfer could not start (thesis §3.10): the leader's reasons, and the host's. */
export type TransferRefusalReason = TransferRefusal | 'no-leader' | 'target-down';

export function refusalText(r: ActionRefusal): string {
  switch (r.code) {
    case 'unknown-node':
      return `no node "${r.node}" in a ${r.clusterSize}-node cluster`;
    case 'already-down':
      return `${r.node} is already down`;
    case 'already-running':
      return `${r.node} is already running`;
    case 'node-down':
      return `${r.node} is down: restart it first`;
    case 'not-leader':
      return `${r.node} is not a leader: only a leader sends heartbeats`;
    case 'unknown-link':
      return `the link ${r.from}–${r.to} does not exist`;
    case 'self-link':
      return 'a link joins two different nodes';
    case 'message-gone':
      return `message #${r.message} is no longer in flight`;
    case 'no-election-timer':
      return `${r.node} has no election timer running (a leader waits for none)`;
    case 'transfer-refused':
      return `no transfer to ${r.to}: ${TRANSFER_REFUSALS[r.reason]}`;
  }
}

const TRANSFER_REFUSALS: Record<TransferRefusalReason, string> = {
  self: 'it already leads',
  'not-leader': 'only a leader can hand over leadership',
  'not-member': 'it is not a voting member of the cluster',
  learner: 'a learner does not vote, so it cannot lead',
  'in-progress': 'a transfer is already in progress',
  'no-leader': 'there is no leader to hand over from',
  'target-down': 'it is down',
};
