// Shown when the simulation worker failed: what it said, and a way to start again.

import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import styles from './Chrome.module.css';
import { HEADER_STRINGS } from './header-strings';

export function EngineErrorBanner() {
  const t = useStrings(HEADER_STRINGS);
  const error = useSimStore((s) => s.engineError);
  const stalled = useSimStore((s) => s.engineStalled);
  const restart = useSimStore((s) => s.restartEngine);
  if (error === null && !stalled) return null;
  return (
    <div className={styles.engineError} role="alert">
      <div>
        <p className={styles.engineErrorTitle}>
          <span aria-hidden="true">⚠</span> {error === null ? t.engineSilent : t.engineStopped}
        </p>
        {error === null ? null : (
          <p className={styles.engineErrorDetail}>
            <code>{error}</code>
          </p>
        )}
      </div>
      <button type="button" className={styles.restart} onClick={restart} title={t.restartHint}>
        {t.restart}
      </button>
    </div>
  );
}
