// Presenter mode: the ring, its messages and the lesson caption fill the screen for a class;
// the side panels fold into a drawer. It lives in the page address (`?present=1`), beside
// `?embed=1`, so a copied link opens in it and old links (which lack it) open as before.

import { create } from 'zustand';

interface PresentState {
  readonly presenting: boolean;
  /** The side panels' drawer, open over the stage while presenting. */
  readonly drawerOpen: boolean;
  /** The logs under the ring while presenting: folded until a lesson about logs needs them (§4, §7). */
  readonly logsShown: boolean;
  /** The client history on the stage instead of the ring (the history panel, drawn large). */
  readonly historyOnStage: boolean;
}

/** True when the page address asks for presenter mode (`?present=1`). */
export function isPresentSearch(search: string): boolean {
  const value = new URLSearchParams(search).get('present');
  return value !== null && value !== '0' && value !== 'false';
}

/** The address with `present=1` added or removed, the rest (fragment included) untouched. */
export function withPresent(href: string, on: boolean): string {
  const url = new URL(href);
  if (on) url.searchParams.set('present', '1');
  else url.searchParams.delete('present');
  return url.toString();
}

const initial = typeof window === 'undefined' ? false : isPresentSearch(window.location.search);

export const usePresentStore = create<PresentState>()(() => ({
  presenting: initial,
  drawerOpen: false,
  logsShown: false,
  historyOnStage: false,
}));

export function setHistoryOnStage(on: boolean): void {
  usePresentStore.setState({ historyOnStage: on });
}

export function setLogsShown(shown: boolean): void {
  usePresentStore.setState({ logsShown: shown });
}

export function setPresenting(on: boolean): void {
  usePresentStore.setState({ presenting: on, drawerOpen: false });
  // Keep the address in step, so Copy link (which keeps the address's query) carries the mode.
  if (typeof window !== 'undefined' && window.history) {
    const next = withPresent(window.location.href, on);
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  }
}

export function togglePresenting(): void {
  setPresenting(!usePresentStore.getState().presenting);
}

export function setDrawerOpen(open: boolean): void {
  usePresentStore.setState({ drawerOpen: open });
}
