// The messages between the page and the import worker (import.worker.ts).

import type { ImportResult } from './draft';

export type ImportRequest =
  | { readonly kind: 'warm' }
  | { readonly kind: 'read'; readonly id: number; readonly text: string; readonly fallbackName: string };

export interface ImportReply {
  readonly id: number;
  readonly result: ImportResult;
}
