// Puts back the client requests a frame left out because the UI had them as they are (see the
// worker's RequestsSender): the frame lists its requests' ids in order and carries only the new or
// changed records. An unchanged request keeps its very object, so rows drawn from it can skip work.

import type { ClusterFrame } from '../sim/types';

export function restoreRequests(
  previous: ClusterFrame | null,
  next: ClusterFrame,
  ids: readonly number[],
): ClusterFrame {
  if (next.requests.length === ids.length) return next;
  const had = new Map((previous?.requests ?? []).map((r) => [r.id, r]));
  const sent = new Map(next.requests.map((r) => [r.id, r]));
  const requests = ids.map((id) => {
    const r = sent.get(id) ?? had.get(id);
    // The worker only leaves out what it sent before, so this is always there.
    if (r === undefined) throw new Error(`frame refers to client request ${id}, which the UI does not have`);
    return r;
  });
  return { ...next, requests };
}
