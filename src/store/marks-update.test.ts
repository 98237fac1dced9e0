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
    const sent = { commits: 0, leaders: 0, spans: 0, frames: 0, lists: new Map<string, number>() };
    for (let t = 50; t <= 5000; t += 50) {
      h.runUntil(t);
      const update = sender.update(h.marks, h.branch);
      if (!update) continue;
      expect(update.reset).toBe(held === null);
      const l = update.lists;
      sent.commits += l.commits?.items.length ?? 0;
      sent.leaders += l.leaders?.items.length ?? 0;
      sent.spans += (l.leaderships?.items.length ?? 0) + (l.lanes?.items.length ?? 0);
      if (!update.reset)
        for (const name of Object.keys(l) as (keyof typeof l)[]) sent.lists.set(name, (sent.lists.get(name) ?? 0) + 1);
      sent.frames += 1;
      held = applyMarksUpdate(held, posted(update));
      expect(held).not.toBeNull();
      expect(plain(held!.marks)).toEqual(plain(h.marks));
    }
    // Nothing new, nothing sent.
    expect(sender.update(h.marks, h.branch)).toBeUndefined();
    const m = h.marks;
    expect(m.commits.length).toBeGreaterThan(30);
    expect(sent.frames).toBeGreaterThan(30);
    // Every commit and election mark crossed once. A band or lane goes again only when its list changed
    // (a span began or closed), so each crosses a few times, not once a frame.
    expect(sent.commits).toBe(m.commits.length);
    expect(sent.leaders).toBe(m.leaders.length);
    expect(sent.spans).toBeLessThanOrEqual(3 * (m.leaderships.length + m.lanes.length));
    // A list with nothing new stays out: the commits change nearly every frame, the others only when a
    // mark is added or a span closes.
    expect(sent.lists.get('commits')).toBeGreaterThan(30);
    for (const name of ['leaderships', 'lanes'] as const)
      expect(sent.lists.get(name) ?? 0).toBeLessThanOrEqual(2 * m[name].length);
    for (const name of ['leaders', 'nodes', 'network', 'violations'] as const)
      expect(sent.lists.get(name) ?? 0).toBeLessThanOrEqual(m[name].length);
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
    expect(after.lists.commits!.from).toBeGreaterThan(held.marks.commits.length);
    expect(applyMarksUpdate(held, after)).toBeNull();
    sender.forget();
    const fresh = sender.update(h.marks, h.branch)!;
    expect(fresh.reset).toBe(true);
    expect(fresh.epoch).not.toBe(first.epoch);
  });
});
