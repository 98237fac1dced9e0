// The worker's side of the timeline marks: what the UI has not got yet. A run keeps one commit
// mark per commit; re-sending them all four times a second copied megabytes an hour into a run,
// so each update carries only what is new, and starts over (reset) when the marks were cut back,
// the branch changed or a new run began.

import type { MarkListName, TimelineMarks } from '../sim/timeline';
import type { MarksUpdate } from './protocol';

export class MarksSender {
  private epoch = 0;
  /** What the UI has, or null when the next update must start over. */
  private sent: {
    revision: number;
    eventsRead: number;
    branch: number;
    /** Per list: how many leading items the UI has in their final form (closed spans, every other mark). */
    final: Record<MarkListName, number>;
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
    if (reset) this.epoch += 1;
    const final = {} as Record<MarkListName, number>;
    const tail = <T extends object>(name: MarkListName, list: T[]): { from: number; items: T[] } => {
      const from = reset ? 0 : sent.final[name];
      // A span still open will change (its end): it goes again, and so does everything after it.
      let firstOpen = from;
      while (firstOpen < list.length && !isOpen(list[firstOpen]!)) firstOpen++;
      final[name] = firstOpen;
      return { from, items: list.slice(from) };
    };
    const lists: MarksUpdate['lists'] = {
      leaderships: tail('leaderships', marks.leaderships),
      lanes: tail('lanes', marks.lanes),
      leaders: tail('leaders', marks.leaders),
      nodes: tail('nodes', marks.nodes),
      network: tail('network', marks.network),
      commits: tail('commits', marks.commits),
      violations: tail('violations', marks.violations),
    };
    this.sent = { revision: marks.revision, eventsRead: marks.eventsRead, branch, final };
    return { reset, epoch: this.epoch, lists, revision: marks.revision, eventsRead: marks.eventsRead };
  }
}

/** A leader band or lane not closed yet; every other mark is final once made. */
function isOpen(mark: object): boolean {
  return 'to' in mark && mark.to === null;
}
