import { create } from 'zustand';
import type { Draft } from './draft';

interface AuthoringState {
  /** Whether the authoring panel is open. */
  readonly open: boolean;
  /** The lesson being edited: kept here, not in the panel, so closing the panel keeps it. */
  readonly draft: Draft | null;
  /** The saved entry (storage key) the draft was opened from or last saved to. */
  readonly entry: string | null;
  /** The draft has changes that are not saved in this browser. */
  readonly unsaved: boolean;
  /** The draft autosaved before a reload has been read back (once per page). */
  readonly restored: boolean;
  /** It came back just now: the panel says so until it is closed. */
  readonly justRestored: boolean;
}

export const useAuthoringStore = create<AuthoringState>()(() => ({
  open: false,
  draft: null,
  entry: null,
  unsaved: false,
  restored: false,
  justRestored: false,
}));

export function setAuthoringOpen(open: boolean): void {
  useAuthoringStore.setState(open ? { open } : { open, justRestored: false });
}
