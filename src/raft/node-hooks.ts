// What the leadership-transfer and read modules may do to a node: a small, explicit surface
// over RaftNode's private parts, so those rules live in their own files (transfer.ts,
// read-index.ts) and node.ts only calls them at the right moments.

import type { Quorum } from './quorum';
import type { ClientAnswer, LogEntry, NodeId, RaftConfig, RaftEvent, RaftMessage, RaftState } from './types';

export interface NodeHooks {
  readonly id: NodeId;
  readonly state: RaftState;
  config(): RaftConfig;
  quorum(): Quorum;
  send(to: NodeId, message: RaftMessage): void;
  emit(event: RaftEvent): void;
  answer(answer: ClientAnswer): void;
  /** Leader: send every follower its AppendEntries now (a heartbeat where nothing is new). */
  broadcastAppendEntries(): void;
  /** Leader: send one follower what it lacks from its nextIndex on. */
  replicateTo(peer: NodeId): void;
  /** Leader: append an entry of its own (the no-op a read may need) and replicate it. */
  appendOwn(entry: LogEntry): void;
  /** Start an election now (§5.2), skipping pre-vote when the cause is a transfer. */
  campaign(cause: 'transfer'): void;
}
