// The run's branches: acting at an earlier instant starts a new one and keeps the old.
// Each shows where it forked and how many actions the class took; one button returns to it.
// One line of fixed height, always there: stepping back or branching fills it and moves nothing
// (issue 12: a "Branches" line that appeared used to push the logs down and shrink the ring). Many
// branches scroll sideways in it; each one's fork and actions are in its tooltip and its text.

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
  const shown = inPast || list.length > 1;

  return (
    <div className={styles.branches}>
      {shown ? (
        <p className={styles.branchExplain} title={`${t.branches}: ${t.branchExplain}`}>
          <strong>{t.branches}:</strong>{' '}
          {/* With the list beside it, the explanation is the label's tooltip (and read by screen readers). */}
          <span className={list.length > 1 ? 'visually-hidden' : undefined}>{t.branchExplain}</span>
        </p>
      ) : null}
      {list.length > 1 && (
        <ul className={styles.branchList} aria-label={t.branches}>
          {list.map((b) => {
            const detail = `${t.branchFork(b.parent, b.fork?.time ?? null)} · ${t.branchEnd(b.end.time)} · ${t.liveActions(b.liveActions)}`;
            return (
              <li
                key={b.id}
                className={b.current ? styles.branchCurrent : styles.branch}
                aria-current={b.current}
                title={`${t.branchName(b.id)}: ${detail}`}
              >
                <span className={styles.branchName}>{t.branchName(b.id)}</span>
                <span className="visually-hidden"> {detail}</span>
                {b.current ? (
                  <span className={styles.currentBadge}>{t.current}</span>
                ) : (
                  <button type="button" className={styles.small} onClick={() => switchBranch(b.id)}>
                    {t.switchTo(b.id)}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
