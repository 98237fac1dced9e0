// The run's branches: acting at an earlier instant starts a new one and keeps the old.
// Each shows where it forked and how many actions the class took; one button returns to it.

import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { TIME_STRINGS } from './strings';
import styles from './Time.module.css';

export function BranchList() {
  const t = useStrings(TIME_STRINGS);
  const branches = useSimStore((s) => s.history?.branches);
  const switchBranch = useSimStore((s) => s.switchBranch);
  // Only when it matters: while viewing an earlier instant (acting now would branch), or once there are branches.
  const inPast = useSimStore((s) => !!s.snapshot && !!s.history && s.snapshot.step < s.history.end.step);
  const list = branches ?? [];
  if (!inPast && list.length <= 1) return null;

  return (
    <div className={styles.branches}>
      <p className={styles.branchExplain}>
        <strong>{t.branches}:</strong> {t.branchExplain}
      </p>
      {list.length > 1 && (
        <ul className={styles.branchList} aria-label={t.branches}>
          {list.map((b) => (
            <li key={b.id} className={b.current ? styles.branchCurrent : styles.branch} aria-current={b.current}>
              <span className={styles.branchName}>{t.branchName(b.id)}</span>
              <span className={styles.muted}>
                {t.branchFork(b.parent, b.fork?.time ?? null)} · {t.branchEnd(b.end.time)} ·{' '}
                {t.liveActions(b.liveActions)}
              </span>
              {b.current ? (
                <span className={styles.currentBadge}>{t.current}</span>
              ) : (
                <button type="button" className={styles.small} onClick={() => switchBranch(b.id)}>
                  {t.switchTo(b.id)}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
