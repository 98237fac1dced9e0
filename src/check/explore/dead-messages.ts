// Messages whose delivery can no longer change anything, in this state or any state after it.
//
// A reply of an older term is ignored (Figure 2: a stale message changes nothing). A reply of the
// receiver's own term matters only to the role that asked: a vote to a candidate, an AppendEntries
// or InstallSnapshot answer to a leader. Once a node has left that role in that term it can never
// hold it again in the same term (standing for election or winning one starts a new term), and terms
// only grow; so such a reply stays useless for good. A message that dies on arrival (lost, or on a
// link the scenario cut: the explorer never mends links) is useless too.
//
// The explorer forgets these messages as soon as they are useless. Delivering one is the same as
// dropping it, and keeping it would only multiply states that differ in nothing that can matter:
// in Figure 8's search most states differed only in old replies still on the wire.
// dead-messages.test.ts checks both claims (delivery changes nothing; once useless, always useless)
// on random walks, and shows the check catches a predicate that forgets a message still needed.
//
// Not sound when a restart forgets the term (unsafe.forgetOnRestart): terms then go down, and an
// old reply can bump a node again. The explorer keeps every message then.

import type { Role } from '../../raft/types';
import { Network } from '../../sim/network';
import type { ExplorationView } from '../../sim/simulation';
import { CLIENT, type WireMessage } from '../../sim/types';

/** What a message's receiver holds that decides whether a reply still matters to it. */
export interface Receiver {
  readonly currentTerm: number;
  /** A node that is down will come back as a follower. */
  readonly role: Role;
}

/** The role a reply of this kind matters to, in the term it carries. */
function askedBy(payload: WireMessage): Role | null {
  switch (payload.type) {
    case 'RequestVoteReply':
      return 'candidate';
    case 'AppendEntriesReply':
    case 'InstallSnapshotReply':
      return 'leader';
    default:
      return null;
  }
}

/** Whether this is a reply: the only kind a change of its receiver can make dead. */
export function isReply(payload: WireMessage): boolean {
  return askedBy(payload) !== null;
}

/**
 * Whether delivering this message can never change anything again. `receiver` is undefined for the
 * client (its messages are always kept); `arrives` is false when the message dies on arrival.
 */
export function isDeadMessage(payload: WireMessage, arrives: boolean, receiver: Receiver | undefined): boolean {
  if (!arrives) return true;
  if (receiver === undefined) return false;
  const role = askedBy(payload);
  if (role === null || !('term' in payload)) return false;
  if (payload.term < receiver.currentTerm) return true;
  return payload.term === receiver.currentTerm && receiver.role !== role;
}

/** The ids of the dead messages in flight in a Simulation's state (the reference explorer, tests). */
export function deadInFlight(view: Pick<ExplorationView, 'nodes' | 'inFlight' | 'network'>): number[] {
  const network = new Network(structuredClone(view.network));
  const nodes = new Map(view.nodes.map((n) => [n.id, n]));
  const receiver = (to: string): Receiver | undefined => {
    const node = to === CLIENT ? undefined : nodes.get(to);
    if (node === undefined) return undefined;
    return node.state ?? { currentTerm: node.disk!.currentTerm, role: 'follower' };
  };
  return view.inFlight
    .filter((m) => isDeadMessage(m.payload, !m.lost && network.isUp(m.from, m.to), receiver(m.to)))
    .map((m) => m.id);
}
