// The messages between the page and the import worker (import.worker.ts).

import type { ImportResult } from './draft';
import type { ReadDraft } from './draft-text';

export type ImportRequest =
  | { readonly kind: 'warm' }
  /** An imported file. */
  | { readonly kind: 'read'; readonly id: number; readonly text: string; readonly fallbackName: string }
  /** The draft autosaved before a reload (draft-text.ts). */
  | { readonly kind: 'restore'; readonly id: number; readonly text: string };

export type ImportReply =
  | { readonly kind: 'read'; readonly id: number; readonly result: ImportResult }
  | { readonly kind: 'restore'; readonly id: number; readonly read: ReadDraft }
  /**
   * The stored text (`draftFileText`) of the draft just sent for request `id`. A separate, later
   * message: the page draws the draft first, and the autosave uses this text when it writes.
   */
  | { readonly kind: 'fileText'; readonly id: number; readonly text: string };
