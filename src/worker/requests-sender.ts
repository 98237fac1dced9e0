// The frame's client requests (the last few dozen) mostly stay as they were from one frame to the
// next: one is submitted, one is answered. Copying all of them to the UI thread every frame was
// a fifth of a frame's cost; a frame now names the requests it shows, in order, and carries only
// those the UI does not have as they are now (see restoreRequests in the store).

import type { ClientRequestRecord } from '../sim/types';

export interface RequestsDelta {
  /** The ids of the frame's requests, in order. */
  readonly ids: number[];
  /** Those among them that are new or changed since the last frame. */
  readonly changed: ClientRequestRecord[];
}

export class RequestsSender {
  /** What the UI has, by id: the requests of the last frame. */
  private sent = new Map<number, ClientRequestRecord>();

  /** The UI starts over (a new run): the next frame sends every request. */
  forget(): void {
    this.sent = new Map();
  }

  delta(requests: readonly ClientRequestRecord[]): RequestsDelta {
    const ids: number[] = [];
    const changed: ClientRequestRecord[] = [];
    const now = new Map<number, ClientRequestRecord>();
    for (const r of requests) {
      ids.push(r.id);
      const before = this.sent.get(r.id);
      if (before !== undefined && sameRequest(before, r)) {
        now.set(r.id, before);
      } else {
        changed.push(r);
        now.set(r.id, r);
      }
    }
    this.sent = now;
    return { ids, changed };
  }
}

/** Every field the same (a frame's records are copies, and a record's `change` is never edited). */
function sameRequest(a: ClientRequestRecord, b: ClientRequestRecord): boolean {
  for (const key in a) {
    if (a[key as keyof ClientRequestRecord] !== b[key as keyof ClientRequestRecord]) return false;
  }
  // A field only `b` has (`change` is optional) is a difference too.
  for (const key in b) if (!(key in a)) return false;
  return true;
}
