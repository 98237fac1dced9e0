// Lessons a teacher saved in this browser (localStorage), stored in the lesson-file format and
// read back through the same checks as an imported file: storage is input like any other.

import { lessonFile, readImport, type Draft } from './draft';

const KEY = 'raft-classroom.saved-lessons';

export interface SavedLesson {
  readonly name: string;
  readonly draft: Draft;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function readRaw(): string[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function listSaved(): SavedLesson[] {
  return readRaw().flatMap((text) => {
    const result = readImport(text);
    return result.ok ? [{ name: result.draft.name, draft: result.draft }] : [];
  });
}

/** Saves under the draft's name, replacing a lesson of the same name. False if storage refused. */
export function saveDraft(draft: Draft): boolean {
  const others = listSaved().filter((s) => s.name !== draft.name);
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(KEY, JSON.stringify([...others.map((s) => lessonFile(s.draft)), lessonFile(draft)]));
    return true;
  } catch {
    return false;
  }
}

export function deleteSaved(name: string): void {
  const rest = listSaved().filter((s) => s.name !== name);
  try {
    storage()?.setItem(KEY, JSON.stringify(rest.map((s) => lessonFile(s.draft))));
  } catch {
    // Nothing to do: the list stays as it was.
  }
}
