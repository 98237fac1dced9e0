// One way to name a message in words ("AppendEntries (2 entries) from A to C, term 3"): the
// accessible name of a message on the ring, and its name in lists and the space-time diagram.

import { CLIENT, type Endpoint, type WireMessage } from '../../sim/types';
import { messageLook, messageTerm } from './message-kind';
import type { STRINGS as CLUSTER_STRINGS } from './strings';

type ClusterStrings = (typeof CLUSTER_STRINGS)['en'];

export function endpointName(t: ClusterStrings, e: Endpoint): string {
  return e === CLIENT ? t.clientName : e;
}

export function messageName(t: ClusterStrings, from: Endpoint, to: Endpoint, payload: WireMessage): string {
  const look = messageLook(payload);
  const kind =
    payload.type === 'AppendEntries' && payload.entries.length > 0
      ? `${t.kind(look.kind)} (${t.entriesCount(payload.entries.length)})`
      : t.kind(look.kind);
  return t.messageName(kind, endpointName(t, from), endpointName(t, to), messageTerm(payload));
}

/** A message on the wire: its name, and for a duplicated copy its own number, so a copy and its original differ. */
export function envelopeName(
  t: ClusterStrings,
  m: {
    readonly id: number;
    readonly from: Endpoint;
    readonly to: Endpoint;
    readonly payload: WireMessage;
    readonly duplicate: boolean;
  },
): string {
  const name = messageName(t, m.from, m.to, m.payload);
  return m.duplicate ? t.copyName(name, m.id) : name;
}
