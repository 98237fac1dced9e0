// The stored text of a draft, made once per draft value. The import worker writes it for the draft it
// read (and sends it after the draft, so the page draws first); the autosave reuses it instead of
// serialising 10,000 actions on the page's thread. A draft edited since is a new value: written here.

import type { Draft } from './draft';
import { draftFileText } from './draft-text';

const texts = new WeakMap<Draft, string>();

/** `text` is `draftFileText(draft)`, made elsewhere (the import worker). */
export function rememberFileText(draft: Draft, text: string): void {
  texts.set(draft, text);
}

export function fileTextOf(draft: Draft): string {
  let text = texts.get(draft);
  if (text === undefined) {
    text = draftFileText(draft);
    texts.set(draft, text);
  }
  return text;
}
