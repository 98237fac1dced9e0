// The worker's side of the timeline marks: what the UI has not got yet. A run keeps one commit
// mark per commit; re-sending them all four times a second copied megabytes an hour into a run,
// so each update carries only what is new, and starts over (reset) when the marks were cut back,
// the branch changed or a new run began. A list with nothing new is left out of the update: a
// steady run adds commits and nothing else, and seven lists, each with its open span sent again,
// were most of what an update cost to clone.

import { MARK_LIST_NAMES, type MarkListName, type TimelineMarks } from '../sim/timeline';
import type { MarksUpdate } from './protocol';

/** What the UI has of one list. */
interface SentList {
  /** How many leading items the UI has in their final form (closed spans, every other mark). */
  readonly final: number;
  /** The list's length when it was sent. */
  readonly length: number;
  /** How many of the items after `final` were still open then. */
  readonly open: number;
}

export class MarksSender {
  private epoch = 0;
  /** What the UI has, or null when the next update must start over. */
  private sent: {
    revision: number;
    eventsRead: number;
    branch: number;
    lists: Record<MarkListName, SentList>;
  } | null = null;

  /** A new run: the next update starts over. */
  forget(): void {
    this.sent = null;
  }

  /** The update that brings the UI's marks up to `marks` of branch `branch`; undefined when it has them. */
  update(marks: TimelineMarks, branch: number): MarksUpdate | undefined {
    const sent = this.sent;
    if (sent && sent.revision === marks.revision && sent.eventsRead === marks.eventsRead && sent.branch === branch)
      return undefined;
    const reset = sent === null || sent.revision !== marks.revision || sent.branch !== branch;
    const had = reset ? null : sent.lists;
    const now = {} as Record<MarkListName, SentList>;
    const lists: { -readonly [K in MarkListName]?: MarksUpdate['lists'][K] } = {};
    for (const name of MARK_LIST_NAMES) {
      const list: readonly object[] = marks[name];
      const before = had?.[name];
      const from = before?.final ?? 0;
      // Within a revision items are only added, and a span only closes (its end is set where it closes).
      const open = countOpen(list, from);
      if (before !== undefined && before.length === list.length && before.open === open) {
        now[name] = before;
        continue;
      }
      // A span still open will change (its end): it goes again, and so does everything after it.
      let firstOpen = from;
      while (firstOpen < list.length && !isOpen(list[firstOpen]!)) firstOpen++;
      now[name] = { final: firstOpen, length: list.length, open: countOpen(list, firstOpen) };
      (lists as Record<MarkListName, { from: number; items: readonly object[] }>)[name] = {
        from,
        items: list.slice(from),
      };
    }
    this.sent = { revision: marks.revision, eventsRead: marks.eventsRead, branch, lists: now };
    if (!reset && Object.keys(lists).length === 0) return undefined;
    if (reset) this.epoch += 1;
    return { reset, epoch: this.epoch, lists, revision: marks.revision, eventsRead: marks.eventsRead };
  }
}

function countOpen(list: readonly object[], from: number): number {
  let open = 0;
  for (let k = from; k < list.length; k++) if (isOpen(list[k]!)) open++;
  return open;
}

/** A leader band or lane not closed yet; every other mark is final once made. */
function isOpen(mark: object): boolean {
  return 'to' in mark && mark.to === null;
}
