// The whole cluster from a frame and the one before it: a frame carries only what changed (fields,
// log tails, requests), and each part is put back by its own restorer, in this order.

import type { ClusterFrame } from '../sim/types';
import type { FrameMessage } from '../worker/protocol';
import { restoreFields } from './restore-fields';
import { restoreRequests } from './restore-requests';
import { restoreSharedLogs } from './reuse-logs';

export type { FrameMessage } from '../worker/protocol';

export function assembleFrame(previous: ClusterFrame | null, frame: FrameMessage): ClusterFrame {
  const fields = restoreFields(previous, frame.snapshot);
  return restoreSharedLogs(previous, restoreRequests(previous, fields, frame.requestIds), frame.sharedLogPrefix);
}
