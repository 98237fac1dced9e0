import { create } from 'zustand';

/** Whether the authoring panel is open. */
export const useAuthoringStore = create<{ readonly open: boolean }>()(() => ({ open: false }));

export function setAuthoringOpen(open: boolean): void {
  useAuthoringStore.setState({ open });
}
