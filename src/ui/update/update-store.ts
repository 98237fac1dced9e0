// Whether a new version of the app has been downloaded and waits: the service worker installs it in the
// background but does not take over until the teacher says so, so the app never changes under a class
// mid-lesson.

import { create } from 'zustand';

interface UpdateState {
  /** Switches to the waiting version and reloads the page; null while there is none. */
  readonly reload: (() => void) | null;
  /** Called by the service-worker registration when a new version is ready. */
  readonly offer: (reload: () => void) => void;
  /** Hides the offer until the next version (the teacher chose "later"). */
  readonly later: () => void;
}

export const useUpdateStore = create<UpdateState>()((set) => ({
  reload: null,
  offer: (reload) => set({ reload }),
  later: () => set({ reload: null }),
}));
