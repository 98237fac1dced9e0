// Whether the exploration dialog is open: the toolbar button's only state, kept apart from the
// exploration store so the first chunk does not carry the dialog, the store or the worker's address.

import { create } from 'zustand';

export const useExploreOpen = create<{ open: boolean }>()(() => ({ open: false }));

export function setExploreOpen(open: boolean): void {
  useExploreOpen.setState({ open });
}
