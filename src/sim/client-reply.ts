// What a node's answer to a client request puts on the wire back to the client. The simulation and
// the explorer's lean cluster both carry answers this way, so a counterexample the explorer finds
// replays message for message in the simulation.

import type { ClientAnswer } from '../raft/types';
import type { ClientReply } from './types';

/**
 * The reply a node sends for `answer`, or null when nothing goes back: an accepted proposal waits
 * for its entry to apply, and a result is not sent to a client that has given up (`pending` false).
 */
export function clientReplyFor(answer: ClientAnswer, pending: boolean): ClientReply | null {
  const { requestId } = answer;
  if (requestId === undefined) return null;
  switch (answer.outcome) {
    case 'accepted':
      return null;
    // §4 step 3: the leader answers once the command is applied; thesis §6.4: a read is answered
    // without a log entry (or, unsafe, from local state).
    case 'applied':
    case 'read':
      return pending ? { type: 'ClientReply', requestId, success: true, result: answer.result } : null;
    case 'notLeader':
      return { type: 'ClientReply', requestId, success: false, leaderHint: answer.leaderHint };
    case 'invalidCommand':
      return { type: 'ClientReply', requestId, success: false, error: answer.message };
    case 'changeRefused':
      // A refusal that may pass (a change under way) sends the client back to this leader later.
      return answer.retry
        ? { type: 'ClientReply', requestId, success: false, changeDeferred: answer.reason }
        : { type: 'ClientReply', requestId, success: false, error: `change refused: ${answer.reason}` };
    case 'transferring':
      // Thesis §3.10: the leader hands over; the client retries at the target a little later.
      return { type: 'ClientReply', requestId, success: false, leaderHint: null, transferringTo: answer.to };
  }
}
