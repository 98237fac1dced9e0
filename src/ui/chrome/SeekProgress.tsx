// Shown while the worker computes a far instant (a link's, or a seek past what is known) in steps:
// how far it has got, and a way to stop there.

import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import styles from './Chrome.module.css';
import { HEADER_STRINGS } from './header-strings';

export function SeekProgress() {
  const t = useStrings(HEADER_STRINGS);
  const seeking = useSimStore((s) => s.seeking);
  const cancel = useSimStore((s) => s.cancelSeek);
  if (seeking === null) return null;
  const share = seeking.target > 0 ? Math.min(1, seeking.reached / seeking.target) : 1;
  return (
    <div className={styles.seeking} role="status" aria-live="polite">
      <p className={styles.seekingText}>{t.seeking(seeking.reached, seeking.target)}</p>
      <progress className={styles.seekingBar} max={1} value={share} aria-label={t.seekingProgress} />
      <button type="button" onClick={cancel} title={t.cancelSeekHint}>
        {t.cancelSeek}
      </button>
    </div>
  );
}
