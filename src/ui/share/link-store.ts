// Why the link in the address bar could not be opened (the decoder's own words), until dismissed.

import { create } from 'zustand';

export interface LinkErrorState {
  readonly linkError: string | null;
}

export const useLinkStore = create<LinkErrorState>()(() => ({ linkError: null }));

export function setLinkError(error: string | null): void {
  useLinkStore.setState({ linkError: error });
}
