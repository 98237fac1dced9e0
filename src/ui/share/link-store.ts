// Why the link in the address bar could not be opened (the decoder's own words, and what kind of
// problem it was, to say it in the reader's language), until dismissed.

import { create } from 'zustand';
import type { LinkProblem } from '../../scenario/url';

export interface LinkError {
  /** The decoder's message, in English: it names the step or each field that is wrong. */
  readonly text: string;
  readonly problem: LinkProblem;
}

export interface LinkErrorState {
  readonly linkError: LinkError | null;
}

export const useLinkStore = create<LinkErrorState>()(() => ({ linkError: null }));

export function setLinkError(error: LinkError | null): void {
  useLinkStore.setState({ linkError: error });
}
