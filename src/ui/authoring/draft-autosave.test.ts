// @vitest-environment jsdom
// The draft being authored survives a reload: it is written shortly after each change and read back
// once when the panel opens (issue 13, item 4).

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scenarioSchema } from '../../scenario/schema';
import { useAuthoringStore } from './authoring-store';
import { draftFromRun, type Draft } from './draft';
import {
  AUTOSAVE_DELAY_MS,
  DRAFT_KEY,
  draftText,
  readDraftText,
  resetDraftAutosave,
  RESTORE_HERE_CHARS,
  type DraftReader,
  type ReadDraft,
  restoreDraftOnce,
  startDraftAutosave,
} from './draft-autosave';
import { listSavedEntries } from './saved-lessons';

const scenario = scenarioSchema.parse({ version: 1, nodes: 5, actions: [{ at: 250, do: 'isolate', node: 'E' }] });
const draft: Draft = {
  ...draftFromRun(scenario, 'Node E'),
  beats: [{ at: 250, caption: { ko: 'E가 고립됩니다.', en: 'E is cut off.' } }],
};

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  resetDraftAutosave();
  useAuthoringStore.setState({
    open: false,
    draft: null,
    entry: null,
    unsaved: false,
    restored: false,
    justRestored: false,
  });
  startDraftAutosave();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('draft autosave', () => {
  it('writes the draft once edits pause, not on every keystroke', async () => {
    await restoreDraftOnce();
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    for (const name of ['N', 'No', 'Nod', 'Node E'])
      useAuthoringStore.setState({ draft: { ...draft, name }, unsaved: true });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(setItem).toHaveBeenCalledTimes(1);
    const read = readDraftText(localStorage.getItem(DRAFT_KEY));
    expect(read).toEqual({ kind: 'draft', stored: { draft, entry: null, unsaved: true } });
  });

  it('writes at once when the page goes away', async () => {
    await restoreDraftOnce();
    useAuthoringStore.setState({ draft, unsaved: true });
    window.dispatchEvent(new Event('pagehide'));
    expect(readDraftText(localStorage.getItem(DRAFT_KEY)).kind).toBe('draft');
  });

  it('reads the draft back after a reload, with the saved entry it belongs to', async () => {
    localStorage.setItem(DRAFT_KEY, draftText({ draft, entry: 'raft-classroom.lesson.mabc-0001', unsaved: false }));
    const large = vi.fn<DraftReader>();
    const restoring = restoreDraftOnce(large);
    // A small draft is back before the panel draws: it is read here, not by the worker.
    expect(useAuthoringStore.getState().draft).toEqual(draft);
    expect(large).not.toHaveBeenCalled();
    expect(await restoring).toBe(true);
    expect(useAuthoringStore.getState()).toMatchObject({
      draft,
      entry: 'raft-classroom.lesson.mabc-0001',
      unsaved: false,
    });
    // Once per page: a second opening keeps what is in memory.
    useAuthoringStore.setState({ draft: { ...draft, name: 'changed' } });
    expect(await restoreDraftOnce()).toBe(false);
    expect(useAuthoringStore.getState().draft?.name).toBe('changed');
  });

  it('does not write over the stored draft before it was read back', () => {
    localStorage.setItem(DRAFT_KEY, draftText({ draft, entry: null, unsaved: true }));
    useAuthoringStore.setState({ draft: { ...draft, name: 'other' }, unsaved: true });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    window.dispatchEvent(new Event('pagehide'));
    expect(readDraftText(localStorage.getItem(DRAFT_KEY))).toMatchObject({ stored: { draft } });
  });

  it('keeps an autosaved draft it cannot read among the saved lessons, as it was', async () => {
    const damaged = '{"entry": null, "file": {"format": "raft-classroom-lesson", "version": 9';
    localStorage.setItem(DRAFT_KEY, damaged);
    expect(await restoreDraftOnce()).toBe(false);
    const entries = listSavedEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'unreadable', raw: damaged });
  });

  it('reads a large draft with the reader it is given, and writes nothing over it meanwhile', async () => {
    const actions = Array.from({ length: 2000 }, (_, i) => ({ at: i * 10, do: 'heal' }));
    const big: Draft = { ...draft, scenario: scenarioSchema.parse({ version: 1, nodes: 5, actions }) };
    const text = draftText({ draft: big, entry: null, unsaved: true });
    expect(text.length).toBeGreaterThan(RESTORE_HERE_CHARS);
    localStorage.setItem(DRAFT_KEY, text);
    let answer: (read: ReadDraft) => void = () => undefined;
    const large = vi.fn<DraftReader>(() => new Promise((resolve) => (answer = resolve)));
    const restoring = restoreDraftOnce(large);
    expect(large).toHaveBeenCalledWith(text);
    expect(useAuthoringStore.getState()).toMatchObject({ draft: null, restored: false });
    // Until it is back, nothing is written over it (and a second opening does not read it again).
    window.dispatchEvent(new Event('pagehide'));
    expect(await restoreDraftOnce(large)).toBe(false);
    expect(large).toHaveBeenCalledTimes(1);
    answer(readDraftText(text));
    expect(await restoring).toBe(true);
    expect(useAuthoringStore.getState()).toMatchObject({ draft: big, restored: true, justRestored: true });
    // What came back is what is stored: no write for it.
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    setItem.mockClear();
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    expect(setItem.mock.calls.length).toBe(0);
    expect(localStorage.getItem(DRAFT_KEY) === text).toBe(true);
  });
});
