// The keyboard-shortcut sheet: a modal dialog, closed by Esc, its Close button or a click outside.

import { useModalDialog } from '../use-modal-dialog';
import { useStrings } from '../i18n';
import { SHORTCUTS, type ShortcutAction } from '../shortcuts';
import styles from './Chrome.module.css';
import { useHelpStore } from './help-store';
import { CHROME_STRINGS } from './strings';

type DescriptionKey =
  | 'scPlay'
  | 'scStep'
  | 'scStepBack'
  | 'scReset'
  | 'scSlower'
  | 'scFaster'
  | 'scHelp'
  | 'scLang'
  | 'scDeselect'
  | 'scPresent'
  | 'scLogs'
  | 'scNextElection'
  | 'scNextCommit'
  | 'scPick'
  | 'scKill'
  | 'scIsolate';

const DESCRIPTION: Record<ShortcutAction, DescriptionKey> = {
  play: 'scPlay',
  step: 'scStep',
  stepBack: 'scStepBack',
  reset: 'scReset',
  slower: 'scSlower',
  faster: 'scFaster',
  help: 'scHelp',
  lang: 'scLang',
  deselect: 'scDeselect',
  present: 'scPresent',
  logs: 'scLogs',
  nextElection: 'scNextElection',
  nextCommit: 'scNextCommit',
  pick: 'scPick',
  kill: 'scKill',
  isolate: 'scIsolate',
};

const KEY_LABEL: Record<string, string> = {
  ArrowRight: '→',
  ArrowLeft: '←',
  Escape: 'Esc',
  r: 'R',
  l: 'L',
  f: 'F',
  g: 'G',
  n: 'N',
  c: 'C',
  k: 'K',
  i: 'I',
};

export function ShortcutHelp() {
  const t = useStrings(CHROME_STRINGS);
  const open = useHelpStore((s) => s.open);
  const setOpen = useHelpStore((s) => s.setOpen);
  const ref = useModalDialog(open);

  const label = (key: string): string => (key === ' ' ? t.space : (KEY_LABEL[key] ?? key));

  return (
    <dialog
      ref={ref}
      className={styles.help}
      aria-labelledby="shortcut-help-title"
      onClose={() => setOpen(false)}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself.
        if (e.target === e.currentTarget) setOpen(false);
      }}
    >
      <div className={styles.helpBody}>
        <h2 id="shortcut-help-title">{t.shortcutsTitle}</h2>
        <p>{t.shortcutsIntro}</p>
        <table className={styles.helpTable}>
          <thead>
            <tr>
              <th scope="col">{t.key}</th>
              <th scope="col">{t.action}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map(({ action, keys }) => (
              <tr key={action}>
                <td>
                  {action === 'pick' ? (
                    <span>
                      <kbd>1</kbd>–<kbd>9</kbd>
                    </span>
                  ) : null}
                  {(action === 'pick' ? [] : keys).map((key, i) => (
                    <span key={key}>
                      {i > 0 ? ` ${t.or} ` : ''}
                      <kbd>{label(key)}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t[DESCRIPTION[action]]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog" className={styles.helpActions}>
          <button type="submit" autoFocus onClick={() => setOpen(false)}>
            {t.close}
          </button>
        </form>
      </div>
    </dialog>
  );
}
