// The draft being authored is written to this browser shortly after every change (and at once when
// the page goes away), so a reload or a closed tab does not lose it. It is read back the first time
// the panel opens. A stored draft this app cannot read is not dropped: it moves to the saved
// lessons, where it is listed as unreadable and can be exported as it is.

import { isRecord } from '../../scenario/is-record';
import { useAuthoringStore } from './authoring-store';
import { compactScenario } from '../../scenario/url';
import { LESSON_FILE_FORMAT, readImport, type Draft } from './draft';
import { ENTRY_PREFIX } from './saved-lessons';

export const DRAFT_KEY = 'raft-classroom.authoring-draft';
/** Writes wait this long after the last change, so typing a caption does not write every key. */
export const AUTOSAVE_DELAY_MS = 400;

/** The stored draft could not be moved aside: it is not overwritten, so autosave stays off. */
let blocked = false;
let timer: ReturnType<typeof setTimeout> | null = null;

export interface StoredDraft {
  readonly draft: Draft;
  readonly entry: string | null;
  readonly unsaved: boolean;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function draftText(stored: StoredDraft): string {
  // The lesson file's fields, written once (no indentation: a 10,000-action draft is written often).
  const file = {
    format: LESSON_FILE_FORMAT,
    version: 1,
    name: stored.draft.name,
    beats: stored.draft.beats,
    scenario: compactScenario(stored.draft.scenario),
  };
  return JSON.stringify({ entry: stored.entry, unsaved: stored.unsaved, file });
}

export type ReadDraft =
  | { readonly kind: 'none' }
  | { readonly kind: 'draft'; readonly stored: StoredDraft }
  | { readonly kind: 'unreadable' };

export function readDraftText(text: string | null): ReadDraft {
  if (text === null) return { kind: 'none' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unreadable' };
  }
  if (!isRecord(json) || !isRecord(json.file)) return { kind: 'unreadable' };
  const result = readImport(JSON.stringify(json.file));
  if (!result.ok) return { kind: 'unreadable' };
  const entry = typeof json.entry === 'string' && json.entry.startsWith(ENTRY_PREFIX) ? json.entry : null;
  return { kind: 'draft', stored: { draft: result.draft, entry, unsaved: json.unsaved !== false } };
}

/**
 * Reads the autosaved draft into the store, once per page; true if a draft came back. An unreadable
 * one is kept among the saved lessons (listed as unreadable, exportable) before its key is reused.
 */
export function restoreDraftOnce(): boolean {
  const state = useAuthoringStore.getState();
  if (state.restored) return false;
  const store = storage();
  let text: string | null = null;
  try {
    text = store?.getItem(DRAFT_KEY) ?? null;
  } catch {
    // No storage: nothing to restore.
  }
  const read = readDraftText(text);
  if (read.kind === 'unreadable' && text !== null) {
    try {
      store?.setItem(`${ENTRY_PREFIX}draft-${Date.now().toString(36)}`, text);
      store?.removeItem(DRAFT_KEY);
    } catch {
      // Left where it is: the next autosave would need the key, so autosave stays off (below).
      useAuthoringStore.setState({ restored: true });
      blocked = true;
      return false;
    }
  }
  // A draft already in memory (the panel was opened before) wins; otherwise the stored one.
  if (read.kind === 'draft' && state.draft === null) {
    useAuthoringStore.setState({ ...read.stored, restored: true, justRestored: true });
    return true;
  }
  useAuthoringStore.setState({ restored: true });
  return false;
}

/** Writes the draft now (no-op without a draft, before it was restored, or while blocked). */
export function flushDraft(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  const { draft, entry, unsaved, restored } = useAuthoringStore.getState();
  // Before the stored draft was read back, writing would overwrite it with an older or empty one.
  if (!restored || blocked || draft === null) return;
  try {
    storage()?.setItem(DRAFT_KEY, draftText({ draft, entry, unsaved }));
  } catch {
    // Storage full or blocked: the draft is still in memory; the next change tries again.
  }
}

let started = false;

/** Autosaves every change of the draft (debounced), and at once when the page is hidden or left. */
export function startDraftAutosave(): void {
  if (started) return;
  started = true;
  useAuthoringStore.subscribe((state, previous) => {
    if (state.draft === previous.draft && state.entry === previous.entry && state.unsaved === previous.unsaved) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flushDraft, AUTOSAVE_DELAY_MS);
  });
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', flushDraft);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flushDraft();
    });
  }
}

/** For tests: forget that the draft was restored and any pending write. */
export function resetDraftAutosave(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  blocked = false;
}
