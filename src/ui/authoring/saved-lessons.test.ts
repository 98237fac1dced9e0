// @vitest-environment jsdom
// Saved lessons: nothing a teacher saved is lost or rewritten behind their back (issue 13, items 4–5).

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { scenarioSchema } from '../../scenario/schema';
import { draftFromRun, lessonFile, type Draft } from './draft';
import {
  deleteSaved,
  ENTRY_PREFIX,
  LEGACY_KEY,
  listSaved,
  listSavedEntries,
  migrateLegacy,
  saveLesson,
  savedLabels,
  type SavedLesson,
} from './saved-lessons';

const scenario = scenarioSchema.parse({ version: 1, nodes: 3, actions: [{ at: 100, do: 'kill', node: 'A' }] });
const draft = (name: string): Draft => ({ ...draftFromRun(scenario, name), beats: [] });

/** Every key and value in storage, to compare before and after. */
function everything(): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i)!;
    out[key] = localStorage.getItem(key)!;
  }
  return out;
}

const newerVersion = JSON.stringify({ format: 'raft-classroom-lesson', version: 2, name: 'From the future', scenario });
const handEdited = lessonFile(draft('Hand edited')).replace('"nodes": 3', '"nodes": "three"');
const corrupt = '{"format": "raft-classroom-lesson", "name": "Cut off';

beforeEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('the old single-array storage', () => {
  it('moves every entry to its own key, the unreadable ones byte for byte, and removes the array', () => {
    const old = [lessonFile(draft('First')), newerVersion, corrupt, handEdited, lessonFile(draft('Last'))];
    localStorage.setItem(LEGACY_KEY, JSON.stringify(old));
    const entries = listSavedEntries();
    expect(localStorage.getItem(LEGACY_KEY)).toBeNull();
    expect(entries.map((e) => e.kind)).toEqual(['lesson', 'unreadable', 'unreadable', 'unreadable', 'lesson']);
    expect(entries.map((e) => (e.kind === 'lesson' ? e.draft.name : e.raw))).toEqual([
      'First',
      newerVersion,
      corrupt,
      handEdited,
      'Last',
    ]);
    const unreadable = entries.filter((e) => e.kind === 'unreadable');
    expect(unreadable.map((e) => e.name)).toEqual(['From the future', null, 'Hand edited']);
    expect(unreadable[0]!.reason).toContain('version');
    expect(unreadable[2]!.reason).toContain('scenario.nodes');
  });

  it('keeps a damaged array whole, as one unreadable entry', () => {
    localStorage.setItem(LEGACY_KEY, '[{"broken"');
    const entries = listSavedEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'unreadable', raw: '[{"broken"' });
  });

  it('leaves the array as it was when storage refuses a write, and still lists it', () => {
    const old = [lessonFile(draft('One')), lessonFile(draft('Two'))];
    localStorage.setItem(LEGACY_KEY, JSON.stringify(old));
    const setItem = Storage.prototype.setItem;
    let writes = 0;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key, value) {
      if (++writes === 2) throw new DOMException('full', 'QuotaExceededError');
      setItem.call(this, key, value);
    });
    expect(migrateLegacy()).toBe(false);
    expect(Object.keys(everything())).toEqual([LEGACY_KEY]);
    expect(localStorage.getItem(LEGACY_KEY)).toBe(JSON.stringify(old));
    expect(listSaved().map((s) => s.name)).toEqual(['One', 'Two']);
  });
});

describe('saving', () => {
  it('touches only the entry being saved: unreadable and other entries keep every byte', () => {
    localStorage.setItem(LEGACY_KEY, JSON.stringify([lessonFile(draft('Good')), corrupt, newerVersion]));
    listSavedEntries();
    const before = everything();

    const first = saveLesson(draft('New'), null, 1_000);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const after = everything();
    expect(Object.keys(after).filter((k) => !(k in before))).toEqual([first.key]);
    for (const [key, value] of Object.entries(before)) expect(after[key]).toBe(value);

    // Saving it again writes the same key and nothing else.
    const again = saveLesson(draft('New, renamed'), first.key, 2_000);
    expect(again).toEqual({ ok: true, key: first.key });
    const third = everything();
    expect(Object.keys(third).sort()).toEqual(Object.keys(after).sort());
    for (const [key, value] of Object.entries(before)) expect(third[key]).toBe(value);
    expect(listSaved().map((s) => s.name)).toEqual(['Good', 'New, renamed']);
  });

  it('keeps two lessons of the same name as two entries, each with its saved time', () => {
    const a = saveLesson(draft('Election'), null, Date.UTC(2026, 11, 5, 9, 0, 0));
    const b = saveLesson(draft('Election'), null, Date.UTC(2026, 11, 5, 9, 30, 0));
    expect(a.ok && b.ok && a.key !== b.key).toBe(true);
    const saved = listSaved();
    expect(saved.map((s) => [s.name, s.savedAt])).toEqual([
      ['Election', Date.UTC(2026, 11, 5, 9, 0, 0)],
      ['Election', Date.UTC(2026, 11, 5, 9, 30, 0)],
    ]);
  });

  it('deletes one entry by its key, never one with the same name', () => {
    const a = saveLesson(draft('Twin'), null, 1);
    const b = saveLesson(draft('Twin'), null, 2);
    if (!a.ok || !b.ok) throw new Error('not saved');
    expect(deleteSaved(a.key)).toBe(true);
    expect(listSaved().map((s) => s.key)).toEqual([b.key]);
  });

  it('says so when storage refuses, and changes nothing', () => {
    saveLesson(draft('Kept'), null, 1);
    const before = everything();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(saveLesson(draft('Too much'), null, 2)).toEqual({ ok: false });
    expect(everything()).toEqual(before);
  });

  it('never saves over an entry that is not its own key', () => {
    localStorage.setItem(`${ENTRY_PREFIX}hand-made`, corrupt);
    const result = saveLesson(draft('Mine'), 'raft-classroom.settings', 1);
    expect(result.ok).toBe(true);
    expect(localStorage.getItem('raft-classroom.settings')).toBeNull();
    expect(localStorage.getItem(`${ENTRY_PREFIX}hand-made`)).toBe(corrupt);
  });
});

describe('labels of same-named lessons', () => {
  const entry = (key: string, name: string, savedAt: number | null): SavedLesson => ({
    kind: 'lesson',
    key,
    name,
    savedAt,
    draft: draft(name),
  });
  const time = (ms: number): string => `t${ms}`;

  it('leaves a unique name alone and tells equal names apart by saved time', () => {
    const labels = savedLabels([entry('a', 'Quorum', 5), entry('b', 'Split', 1), entry('c', 'Split', 2)], time);
    expect([...labels.values()]).toEqual(['Quorum', 'Split (t1)', 'Split (t2)']);
  });

  it('numbers them when the time is unknown or the same', () => {
    const labels = savedLabels(
      [entry('a', 'X', null), entry('b', 'X', null), entry('c', 'X', 7), entry('d', 'X', 7)],
      time,
    );
    expect([...labels.values()]).toEqual(['X (#1)', 'X (#2)', 'X (#3, t7)', 'X (#4, t7)']);
    expect(new Set(labels.values()).size).toBe(4);
  });
});
