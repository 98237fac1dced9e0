// Lessons a teacher saved in this browser (localStorage), stored in the lesson-file format and
// read back through the same checks as an imported file: storage is input like any other.
//
// Each lesson lives under its own key, so saving one never rewrites another. An entry this app
// cannot read (a newer version, a hand edit, a damaged value) is listed as such and kept byte for
// byte: it can be exported as it is, and nothing here ever writes over it.

import { cut } from '../../scenario/bounded-text';
import { isRecord } from '../../scenario/is-record';
import { lessonFile, readImport, type Draft } from './draft';

/** Where every lesson lived before each got its own key: one JSON array of lesson files. */
export const LEGACY_KEY = 'raft-classroom.saved-lessons';
/** One key per saved lesson: this prefix, then an id that sorts in the order they were first saved. */
export const ENTRY_PREFIX = 'raft-classroom.lesson.';
/** Ids of entries still inside LEGACY_KEY (only when moving them to their own keys failed). */
const LEGACY_ID = 'legacy:';

export interface SavedLesson {
  readonly kind: 'lesson';
  /** The storage key, which identifies the entry (names may repeat). */
  readonly key: string;
  readonly name: string;
  /** When it was last saved (ms since 1970), if the entry says. */
  readonly savedAt: number | null;
  readonly draft: Draft;
}

export interface UnreadableLesson {
  readonly kind: 'unreadable';
  readonly key: string;
  /** The name the entry gives itself, if any can be found. */
  readonly name: string | null;
  /** The stored text exactly as it is, for export. */
  readonly raw: string;
  /** Why it could not be read (the first problem, short). */
  readonly reason: string;
}

export type SavedEntry = SavedLesson | UnreadableLesson;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(key: string, raw: string): SavedEntry {
  const result = readImport(raw);
  let json: unknown = null;
  try {
    json = JSON.parse(raw);
  } catch {
    // readImport has said why.
  }
  const savedAt =
    isRecord(json) && typeof json.savedAt === 'number' && Number.isFinite(json.savedAt) ? json.savedAt : null;
  if (result.ok) return { kind: 'lesson', key, name: result.draft.name, savedAt, draft: result.draft };
  const name = isRecord(json) && typeof json.name === 'string' ? cut(json.name, 120) : null;
  return { kind: 'unreadable', key, name, raw, reason: cut(result.errors[0] ?? 'unreadable', 160) };
}

/** The old single array, split into its entries as text (an entry that is not text is kept as its JSON). */
function legacyEntries(raw: string): string[] {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed)) return parsed.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  } catch {
    // A damaged array is kept whole, as one entry that cannot be read.
  }
  return [raw];
}

/**
 * Moves the old single array to one key per lesson, then removes it; if any write fails the new
 * keys are taken back and the array stays, so nothing is lost either way. True when done.
 */
export function migrateLegacy(store: Storage | null = storage()): boolean {
  if (!store) return false;
  let raw: string | null;
  try {
    raw = store.getItem(LEGACY_KEY);
  } catch {
    return false;
  }
  if (raw === null) return true;
  const written: string[] = [];
  try {
    legacyEntries(raw).forEach((text, i) => {
      const key = `${ENTRY_PREFIX}0-${String(i).padStart(4, '0')}`;
      if (store.getItem(key) === text) return;
      if (store.getItem(key) !== null) throw new Error(`${key} is taken`);
      store.setItem(key, text);
      written.push(key);
    });
    store.removeItem(LEGACY_KEY);
    return true;
  } catch {
    for (const key of written) {
      try {
        store.removeItem(key);
      } catch {
        // Best effort: a copy left behind duplicates an entry, it loses nothing.
      }
    }
    return false;
  }
}

function entryKeys(store: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key !== null && key.startsWith(ENTRY_PREFIX)) keys.push(key);
  }
  return keys.sort();
}

/** Every saved entry, readable or not, in the order they were first saved. */
export function listSavedEntries(): SavedEntry[] {
  const store = storage();
  if (!store) return [];
  try {
    const migrated = migrateLegacy(store);
    const entries = entryKeys(store).flatMap((key) => {
      const raw = store.getItem(key);
      return raw === null ? [] : [read(key, raw)];
    });
    if (migrated) return entries;
    // Still in the old array (it could not be moved): listed from there, read only.
    const legacy = legacyEntries(store.getItem(LEGACY_KEY) ?? '[]').map((raw, i) => read(`${LEGACY_ID}${i}`, raw));
    return [...legacy, ...entries];
  } catch {
    return [];
  }
}

/** The saved lessons this app can read. */
export function listSaved(): SavedLesson[] {
  return listSavedEntries().filter((e): e is SavedLesson => e.kind === 'lesson');
}

export type SaveResult = { readonly ok: true; readonly key: string } | { readonly ok: false };

function newKey(now: number): string {
  const random = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${ENTRY_PREFIX}${Math.max(0, Math.floor(now)).toString(36)}-${random}`;
}

/**
 * Saves the draft under `key` (the entry it was opened from or last saved to), or under a new key
 * when there is none: no other entry is read or written, so a same-named lesson stays as it is.
 */
export function saveLesson(draft: Draft, key: string | null, now = Date.now()): SaveResult {
  const store = storage();
  if (!store) return { ok: false };
  const target = key !== null && key.startsWith(ENTRY_PREFIX) ? key : newKey(now);
  const body: unknown = JSON.parse(lessonFile(draft));
  const text = `${JSON.stringify(isRecord(body) ? { ...body, savedAt: now } : body, null, 2)}\n`;
  try {
    store.setItem(target, text);
    return { ok: true, key: target };
  } catch {
    return { ok: false };
  }
}

/** Removes one entry (only entries under their own key). */
export function deleteSaved(key: string): boolean {
  if (!key.startsWith(ENTRY_PREFIX)) return false;
  try {
    storage()?.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/**
 * A label per entry that tells same-named lessons apart: the name alone when it is unique, else
 * the name and when it was saved, else (no time, or the same time) its place among them: "#2".
 */
export function savedLabels(
  entries: readonly SavedLesson[],
  formatTime: (ms: number) => string,
): ReadonlyMap<string, string> {
  const byName = new Map<string, SavedLesson[]>();
  for (const e of entries) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
  const labels = new Map<string, string>();
  for (const [name, group] of byName) {
    if (group.length === 1) {
      labels.set(group[0]!.key, name);
      continue;
    }
    const times = group.map((e) => (e.savedAt === null ? null : formatTime(e.savedAt)));
    group.forEach((e, i) => {
      const time = times[i];
      const unique = time !== null && times.filter((x) => x === time).length === 1;
      labels.set(e.key, unique ? `${name} (${time})` : `${name} (#${i + 1}${time === null ? '' : `, ${time}`})`);
    });
  }
  return labels;
}

/** A saved time to the second, in the interface's language (same-named lessons are often saved minutes apart). */
export function formatSavedTime(ms: number, lang: 'ko' | 'en'): string {
  try {
    return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'medium',
    }).format(ms);
  } catch {
    return new Date(ms).toISOString();
  }
}
