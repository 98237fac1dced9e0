// Whether the keyboard-shortcut sheet is open: shared by the header button, the ? key and the sheet.

import { create } from 'zustand';

interface HelpState {
  open: boolean;
  setOpen(open: boolean): void;
  toggle(): void;
}

export const useHelpStore = create<HelpState>()((set, get) => ({
  open: false,
  setOpen: (open) => set({ open }),
  toggle: () => set({ open: !get().open }),
}));
