// The autosaved draft as text, and back: pure, so the import worker can write and read it too (a
// 10,000-action draft takes the page's thread too long to validate or to serialise in one go).

import { isRecord } from '../../scenario/is-record';
import { compactScenario } from '../../scenario/url';
import { LESSON_FILE_FORMAT, readImportValue, type Draft } from './draft';
import { ENTRY_PREFIX } from './saved-lessons';

export interface StoredDraft {
  readonly draft: Draft;
  readonly entry: string | null;
  readonly unsaved: boolean;
}

/** The lesson file's fields, written once (no indentation: a 10,000-action draft is written often). */
export function draftFileText(draft: Draft): string {
  return JSON.stringify({
    format: LESSON_FILE_FORMAT,
    version: 1,
    name: draft.name,
    beats: draft.beats,
    scenario: compactScenario(draft.scenario),
  });
}

/** What is stored: the draft's file text (from `draftFileText`) with the entry it belongs to. */
export function storedDraftText(fileText: string, entry: string | null, unsaved: boolean): string {
  return `{"entry":${JSON.stringify(entry)},"unsaved":${unsaved ? 'true' : 'false'},"file":${fileText}}`;
}

export function draftText(stored: StoredDraft): string {
  return storedDraftText(draftFileText(stored.draft), stored.entry, stored.unsaved);
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
  const result = readImportValue(json.file);
  if (!result.ok) return { kind: 'unreadable' };
  const entry = typeof json.entry === 'string' && json.entry.startsWith(ENTRY_PREFIX) ? json.entry : null;
  return { kind: 'draft', stored: { draft: result.draft, entry, unsaved: json.unsaved !== false } };
}
