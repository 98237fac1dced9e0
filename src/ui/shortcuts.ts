// Keyboard shortcuts for the whole page, and pausing when the tab is hidden.
// Keys are ignored while the user types in a field, and when a modifier is held
// (so browser shortcuts such as Ctrl+R keep working).

import { useEffect } from 'react';
import { useSimStore } from '../store/sim-store';
import { useHelpStore } from './chrome/help-store';
import { setLogsShown, togglePresenting, usePresentStore } from './chrome/present-store';
import { nudgeSpeed } from './controls/speed';

export type ShortcutAction =
  | 'play'
  | 'step'
  | 'stepBack'
  | 'reset'
  | 'slower'
  | 'faster'
  | 'help'
  | 'lang'
  | 'deselect'
  | 'present'
  | 'logs'
  | 'nextElection'
  | 'nextCommit'
  | 'pick'
  | 'kill'
  | 'isolate';

/** The keys of each action, as shown in the help sheet (event.key values). */
export const SHORTCUTS: readonly { readonly action: ShortcutAction; readonly keys: readonly string[] }[] = [
  { action: 'play', keys: [' '] },
  { action: 'step', keys: ['ArrowRight', '.'] },
  { action: 'stepBack', keys: ['ArrowLeft', ','] },
  { action: 'reset', keys: ['r'] },
  { action: 'slower', keys: ['['] },
  { action: 'faster', keys: [']'] },
  { action: 'help', keys: ['?'] },
  { action: 'lang', keys: ['l'] },
  { action: 'deselect', keys: ['Escape'] },
  { action: 'present', keys: ['f'] },
  { action: 'logs', keys: ['g'] },
  { action: 'nextElection', keys: ['n'] },
  { action: 'nextCommit', keys: ['c'] },
  { action: 'pick', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'] },
  { action: 'kill', keys: ['k'] },
  { action: 'isolate', keys: ['i'] },
];

/** Which action a key press means, or null. */
export function shortcutFor(key: string): ShortcutAction | null {
  const k = key.length === 1 ? key.toLowerCase() : key;
  return SHORTCUTS.find((s) => s.keys.includes(k))?.action ?? null;
}

/** True when a key press belongs to the element that has focus rather than to the page. */
export function isTyping(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  // A slider, checkbox or radio keeps its own arrows and Space; other keys still reach the page.
  if (['range', 'checkbox', 'radio', 'button', 'submit', 'reset'].includes(type)) {
    return key === ' ' || key.startsWith('Arrow');
  }
  return true;
}

/** `key`: the key pressed, for actions that read it (1–9 choose the first to ninth node). */
export function runShortcut(action: ShortcutAction, key = ''): void {
  const store = useSimStore.getState();
  const help = useHelpStore.getState();
  // As the control bar's buttons: nothing to play, step or reset before the run is shown.
  if (
    store.snapshot === null &&
    (action === 'play' || action === 'step' || action === 'stepBack' || action === 'reset')
  )
    return;
  switch (action) {
    case 'play':
      return store.togglePlay();
    case 'step':
      return store.step();
    case 'stepBack':
      return store.stepBack();
    case 'reset':
      return store.reset();
    case 'slower':
      return store.setSpeed(nudgeSpeed(store.speed, -1));
    case 'faster':
      return store.setSpeed(nudgeSpeed(store.speed, 1));
    case 'help':
      return help.toggle();
    case 'lang':
      return store.setLang(store.lang === 'ko' ? 'en' : 'ko');
    case 'present':
      return togglePresenting();
    case 'logs':
      return setLogsShown(!usePresentStore.getState().logsShown);
    case 'nextElection':
      return store.stepTo('election');
    case 'nextCommit':
      return store.stepTo('commit');
    case 'pick': {
      const node = store.snapshot?.nodes[Number(key) - 1];
      if (node) store.selectNode(store.selectedNode === node.id ? null : node.id);
      return;
    }
    case 'kill':
    case 'isolate':
      return toggleSelectedNode(action);
    case 'deselect':
      if (help.open) return help.setOpen(false);
      store.selectNode(null);
      store.selectMessage(null);
      return;
  }
}

/** K kills or restarts the chosen node, I isolates or restores it: the teacher's hands stay on the keyboard. */
function toggleSelectedNode(action: 'kill' | 'isolate'): void {
  const store = useSimStore.getState();
  const node = store.snapshot?.nodes.find((n) => n.id === store.selectedNode);
  if (!node || !store.snapshot) return;
  if (action === 'kill') return store.act({ do: node.alive ? 'kill' : 'restart', node: node.id });
  const isolated = store.snapshot.network.isolated.includes(node.id);
  return store.act({ do: isolated ? 'restore' : 'isolate', node: node.id });
}

export function handleKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (isTyping(event.target, event.key)) return;
  const action = shortcutFor(event.key);
  if (action === null) return;
  // Space on a focused button presses that button; the page does not also toggle playback.
  if (action === 'play' && event.target instanceof HTMLElement && event.target.closest('button, summary, a')) return;
  // A modal dialog (the lesson library, the help sheet) has the keyboard: Esc closes it natively
  // (preventing it here would keep it open), and the page behind is inert. ? still closes the help.
  if (document.querySelector('dialog[open]')) {
    if (action === 'help' && useHelpStore.getState().open) {
      event.preventDefault();
      runShortcut('help');
    }
    return;
  }
  event.preventDefault();
  runShortcut(action, event.key);
}

/** Installs the page's shortcuts and pauses playback when the tab is hidden. */
export function useShortcuts(): void {
  useEffect(() => {
    const onVisibility = (): void => {
      const store = useSimStore.getState();
      if (document.visibilityState === 'hidden' && store.playing) store.pause();
    };
    window.addEventListener('keydown', handleKeyDown);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('keydown', handleKeyDown);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
