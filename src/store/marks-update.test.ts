// Timeline marks cross from the worker in pieces: only what is new, with a reset when the marks
// were cut back, the branch changed or a new run began. The pieces put together must always be
// the marks the history holds.

import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';
import { History } from '../sim/history';
import type { TimelineMarks } from '../sim/timeline';
import { MarksSender } from '../worker/marks-sender';
import type { MarksUpdate } from '../worker/protocol';
import { applyMarksUpdate, type HeldMarks } from './marks-update';

/** A write every 100 ms, E cut off for two seconds: commits, a leader band and a lane that climbs. */
const INPUT: ScenarioInput = {
  version: 1,
  nodes: 5,
  seed: 24333,
  actions: [
    ...Array.from({ length: 40 }, (_, i) => ({ at: 300 + i * 100, do: 'submit' as const, command: `set k ${i}` })),
    { at: 600, do: 'isolate', node: 'E' },
    { at: 2500, do: 'restore', node: 'E' },
  ],
};

function history(): History {
  const result = validateScenario(INPUT);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return new History(result.scenario);
}

/** What crosses postMessage: a copy, so later changes to the worker's objects do not reach the UI. */
const posted = (u: MarksUpdate): MarksUpdate => structuredClone(u);
const plain = (m: TimelineMarks): unknown => JSON.parse(JSON.stringify(m));

describe('incremental timeline marks', () => {
  it('put together, the updates equal the history’s marks at every frame, and carry only what is new', () => {
    const h = history();
    const sender = new MarksSender();
    let held: HeldMarks | null = null;
    const sent = { commits: 0, leaders: 0, spans: 0, frames: 0 };
    for (let t = 50; t <= 5000; t += 50) {
      h.runUntil(t);
      const update = sender.update(h.marks, h.branch);
      if (!update) continue;
      expect(update.reset).toBe(held === null);
      sent.commits += update.lists.commits.items.length;
      sent.leaders += update.lists.leaders.items.length;
      sent.spans += update.lists.leaderships.items.length + update.lists.lanes.items.length;
      sent.frames += 1;
      held = applyMarksUpdate(held, posted(update));
      expect(held).not.toBeNull();
      expect(plain(held!.marks)).toEqual(plain(h.marks));
    }
    // Nothing new, nothing sent.
    expect(sender.update(h.marks, h.branch)).toBeUndefined();
    const m = h.marks;
    expect(m.commits.length).toBeGreaterThan(30);
    expect(sent.frames).toBeGreaterThan(50);
    // Every commit and election mark crossed once; a band or lane goes again only while it is open
    // (B's band and E's newest lane: two a frame at most).
    expect(sent.commits).toBe(m.commits.length);
    expect(sent.leaders).toBe(m.leaders.length);
    expect(sent.spans).toBeLessThanOrEqual(m.leaderships.length + m.lanes.length + 2 * sent.frames);
  });

  it('starts over when a branch cuts the marks back, and again on switching back', () => {
    const h = history();
    const sender = new MarksSender();
    h.runUntil(5000);
    let held = applyMarksUpdate(null, posted(sender.update(h.marks, h.branch)!));
    h.seekTime(1500);
    h.perform({ do: 'submit', command: 'set z 9' });
    const fork = sender.update(h.marks, h.branch)!;
    expect(fork.reset).toBe(true);
    held = applyMarksUpdate(held, posted(fork));
    expect(plain(held!.marks)).toEqual(plain(h.marks));
    h.runUntil(3000);
    held = applyMarksUpdate(held, posted(sender.update(h.marks, h.branch)!));
    expect(plain(held!.marks)).toEqual(plain(h.marks));
    h.switchBranch(0);
    const back = sender.update(h.marks, h.branch)!;
    expect(back.reset).toBe(true);
    held = applyMarksUpdate(held, posted(back));
    expect(plain(held!.marks)).toEqual(plain(h.marks));
  });

  it('a new run starts over; an update of an older series or one that leaves a gap is not applied', () => {
    const h = history();
    const sender = new MarksSender();
    h.runUntil(1000);
    const first = posted(sender.update(h.marks, h.branch)!);
    const held = applyMarksUpdate(null, first)!;
    h.runUntil(2000);
    const next = posted(sender.update(h.marks, h.branch)!);
    expect(next.reset).toBe(false);
    // The store dropped its marks (a reload): a continuation has nothing to continue.
    expect(applyMarksUpdate(null, next)).toBeNull();
    // Another series' continuation.
    expect(applyMarksUpdate({ ...held, epoch: held.epoch + 1 }, next)).toBeNull();
    // A lost update in between leaves a gap.
    h.runUntil(3000);
    const after = posted(sender.update(h.marks, h.branch)!);
    expect(after.lists.commits.from).toBeGreaterThan(held.marks.commits.length);
    expect(applyMarksUpdate(held, after)).toBeNull();
    sender.forget();
    const fresh = sender.update(h.marks, h.branch)!;
    expect(fresh.reset).toBe(true);
    expect(fresh.epoch).not.toBe(first.epoch);
  });
});
