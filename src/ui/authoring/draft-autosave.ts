// The draft being authored is written to this browser shortly after every change (and at once when
// the page goes away), so a reload or a closed tab does not lose it. It is read back the first time
// the panel opens. A stored draft this app cannot read is not dropped: it moves to the saved
// lessons, where it is listed as unreadable and can be exported as it is.
//
// A large stored draft is read back by the import worker: validating 10,000 actions on the page's
// thread would hold it for longer than a frame should take (`npm run bench -- import`).

import { useAuthoringStore } from './authoring-store';
import { readDraftText, storedDraftText, type ReadDraft } from './draft-text';
import { ENTRY_PREFIX } from './saved-lessons';
import { fileTextOf } from './stored-file-text';

export { draftText, readDraftText, type ReadDraft, type StoredDraft } from './draft-text';

export const DRAFT_KEY = 'raft-classroom.authoring-draft';
/** Writes wait this long after the last change, so typing a caption does not write every key. */
export const AUTOSAVE_DELAY_MS = 400;
/**
 * A stored draft up to this size is read at once, so the panel opens with it; a larger one (about 500
 * actions and more) is read off the page's thread while the panel says it is being restored.
 */
export const RESTORE_HERE_CHARS = 20_000;

/** The stored draft could not be moved aside: it is not overwritten, so autosave stays off. */
let blocked = false;
let timer: ReturnType<typeof setTimeout> | null = null;
/** The stored draft is being read (once per page). */
let restoring = false;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Reads a large stored draft's text somewhere else than the page's thread (the import worker). */
export type DraftReader = (text: string) => Promise<ReadDraft>;

const readHere: DraftReader = (text) => Promise.resolve(readDraftText(text));

/**
 * Reads the autosaved draft into the store, once per page; resolves true if a draft came back. A
 * small draft is in the store when this returns; a large one is read by `readLarge`, and `restored`
 * stays false meanwhile (the panel holds the controls that would replace the draft). An unreadable
 * one is kept among the saved lessons (listed as unreadable, exportable) before its key is reused.
 */
export function restoreDraftOnce(readLarge: DraftReader = readHere): Promise<boolean> {
  if (useAuthoringStore.getState().restored || restoring) return Promise.resolve(false);
  let text: string | null = null;
  try {
    text = storage()?.getItem(DRAFT_KEY) ?? null;
  } catch {
    // No storage: nothing to restore.
  }
  if (text === null || text.length <= RESTORE_HERE_CHARS)
    return Promise.resolve(finishRestore(readDraftText(text), text));
  restoring = true;
  const stored = text;
  return readLarge(stored).then(
    (read) => finishRestore(read, stored),
    // The reader failed (it never should): the stored draft is left as it is and autosave stays off.
    () => {
      blocked = true;
      return finishRestore({ kind: 'none' }, null);
    },
  );
}

function finishRestore(read: ReadDraft, text: string | null): boolean {
  restoring = false;
  if (read.kind === 'unreadable' && text !== null) {
    const store = storage();
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
  if (read.kind === 'draft' && useAuthoringStore.getState().draft === null) {
    useAuthoringStore.setState({ ...read.stored, restored: true, justRestored: true });
    return true;
  }
  useAuthoringStore.setState({ restored: true });
  // A draft made before the stored one was read has not been written yet.
  if (useAuthoringStore.getState().draft !== null) scheduleFlush();
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
    storage()?.setItem(DRAFT_KEY, storedDraftText(fileTextOf(draft), entry, unsaved));
  } catch {
    // Storage full or blocked: the draft is still in memory; the next change tries again.
  }
}

function scheduleFlush(): void {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(flushDraft, AUTOSAVE_DELAY_MS);
}

let started = false;

/** Autosaves every change of the draft (debounced), and at once when the page is hidden or left. */
export function startDraftAutosave(): void {
  if (started) return;
  started = true;
  useAuthoringStore.subscribe((state, previous) => {
    if (state.draft === previous.draft && state.entry === previous.entry && state.unsaved === previous.unsaved) return;
    // The stored draft just read back is what is stored already.
    if (state.justRestored && !previous.restored) return;
    scheduleFlush();
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
  restoring = false;
}
