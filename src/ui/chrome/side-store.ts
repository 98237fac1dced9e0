// Which tab of the side area is open. Choosing a node (on the ring, in the logs or in a lesson)
// opens the Node tab, where its details and actions are; choosing a message does too, unless the
// space-time diagram (where messages are chosen from) is open.

import { create } from 'zustand';
import { useSimStore } from '../../store/sim-store';

export const SIDE_TABS = ['events', 'node', 'spacetime', 'history', 'safety', 'rules', 'settings'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

export const useSideStore = create<{ readonly tab: SideTab }>()(() => ({ tab: 'events' }));

export function showTab(tab: SideTab): void {
  if (useSideStore.getState().tab !== tab) useSideStore.setState({ tab });
}

useSimStore.subscribe((s, prev) => {
  if (s.selectedNode !== prev.selectedNode && s.selectedNode !== null) showTab('node');
  else if (
    s.selectedMessage !== prev.selectedMessage &&
    s.selectedMessage !== null &&
    useSideStore.getState().tab !== 'spacetime'
  )
    showTab('node');
});
