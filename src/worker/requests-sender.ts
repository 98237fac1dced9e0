// The frame's client requests (the last few dozen) mostly stay as they were from one frame to the
// next: one is submitted, one is answered. Copying all of them to the UI thread every frame was
// a fifth of a frame's cost; a frame now names the requests it shows, in order, and carries only
// those the UI does not have as they are now (see restoreRequests in the store).

import type { ClientRequestRecord } from '../sim/types';

export interface RequestsDelta {
  /** The ids of the frame's requests, in order (the sender's own list: see delta). */
  readonly ids: readonly number[];
  /** Those among them that are new or changed since the last frame. */
  readonly changed: ClientRequestRecord[];
}

export class RequestsSender {
  /** What the UI has: the requests of the last frame, in the frame's order, and their ids. */
  private sentIds: number[] = [];
  private sentRecords: ClientRequestRecord[] = [];
  /** The live records the sent ones were copied from or last found equal to, and which were settled. */
  private sentLive: Readonly<ClientRequestRecord>[] = [];
  private sentSettled: boolean[] = [];
  /**
   * The lists the next delta fills, swapped with the sent ones after it: a frame then allocates no list
   * (two of fifty growing lists per frame were most of what this cost).
   */
  private spareIds: number[] = [];
  private spareRecords: ClientRequestRecord[] = [];
  private spareLive: Readonly<ClientRequestRecord>[] = [];
  private spareSettled: boolean[] = [];

  /** The UI starts over (a new run): the next frame sends every request. */
  forget(): void {
    this.sentIds.length = 0;
    this.sentRecords.length = 0;
    this.sentLive.length = 0;
    this.sentSettled.length = 0;
  }

  /**
   * `requests` may be the client's live records: only the new or changed ones are copied (the sender
   * keeps its copies to compare the next frame with). A record given settled must never change after
   * (the client's rule, pinned in client.test.ts): given again as the same object, it is not read at
   * all. The returned `ids` are the sender's own list, good until its next delta: copy them out before that.
   */
  delta(requests: readonly Readonly<ClientRequestRecord>[]): RequestsDelta {
    const ids = this.spareIds;
    const records = this.spareRecords;
    const live = this.spareLive;
    const settled = this.spareSettled;
    ids.length = 0;
    records.length = 0;
    live.length = 0;
    settled.length = 0;
    const changed: ClientRequestRecord[] = [];
    const { sentIds, sentRecords, sentLive, sentSettled } = this;
    // Requests come in id order, frame after frame: the one the UI has for an id is found by walking
    // on through the last frame's, without a map. Out of order, a request is merely sent again.
    let j = 0;
    for (let k = 0; k < requests.length; k++) {
      const r = requests[k]!;
      live.push(r);
      if (j < sentLive.length && sentLive[j] === r && sentSettled[j]!) {
        // The very record that was settled last frame: the same still. Reading the fifty records
        // themselves, spread over the heap, was most of this function's cost; this reads none.
        ids.push(sentIds[j]!);
        records.push(sentRecords[j]!);
        settled.push(true);
        j++;
        continue;
      }
      const id = r.id;
      ids.push(id);
      while (j < sentIds.length && sentIds[j]! < id) j++;
      const before = j < sentIds.length && sentIds[j] === id ? sentRecords[j] : undefined;
      if (before !== undefined) j++; // the next request's match, if any, is further on
      if (before !== undefined && sameRequest(before, r)) {
        records.push(before);
      } else {
        const copy = { ...r };
        changed.push(copy);
        records.push(copy);
      }
      settled.push(r.status !== 'pending');
    }
    this.spareIds = sentIds;
    this.spareRecords = sentRecords;
    this.spareLive = sentLive;
    this.spareSettled = sentSettled;
    this.sentIds = ids;
    this.sentRecords = records;
    this.sentLive = live;
    this.sentSettled = settled;
    return { ids, changed };
  }
}

/**
 * Every field the same (a frame's records are copies, and a record's `change` is never edited). Written
 * out field by field: a frame compares about fifty records, and a loop over keys cost ten times more.
 */
function sameRequest(a: Readonly<ClientRequestRecord>, b: Readonly<ClientRequestRecord>): boolean {
  return (
    a.status === b.status &&
    a.answeredAt === b.answeredAt &&
    a.attempts === b.attempts &&
    a.target === b.target &&
    a.result === b.result &&
    a.error === b.error &&
    a.id === b.id &&
    a.command === b.command &&
    a.node === b.node &&
    a.change === b.change &&
    a.submittedAt === b.submittedAt &&
    a.deadline === b.deadline
  );
}

/** Fails to compile when ClientRequestRecord gains a field sameRequest does not compare. */
type Compared =
  | 'status'
  | 'answeredAt'
  | 'attempts'
  | 'target'
  | 'result'
  | 'error'
  | 'id'
  | 'command'
  | 'node'
  | 'change'
  | 'submittedAt'
  | 'deadline';
const everyFieldCompared: Exclude<keyof ClientRequestRecord, Compared> extends never ? true : never = true;
void everyFieldCompared;
