// The time section under the cluster: one row of controls (with the timeline's key as a small
// pop-open list at its end), the timeline, and the branches when there are any.

import { useStrings } from '../i18n';
import { BranchList } from './BranchList';
import { TIME_STRINGS } from './strings';
import styles from './Time.module.css';
import { TimeControls } from './TimeControls';
import { Timeline } from './Timeline';

export function TimeStrip() {
  const t = useStrings(TIME_STRINGS);
  return (
    <section className={`panel ${styles.strip}`} aria-label={t.timeline}>
      <TimeControls extra={<TimelineKey />} />
      <Timeline />
      <BranchList />
    </section>
  );
}

function TimelineKey() {
  const t = useStrings(TIME_STRINGS);
  return (
    <details className={styles.keyDetails}>
      <summary>{t.key}</summary>
      <ul className={styles.key} aria-label={t.key}>
        <li>
          <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
            <path d="M-6,5 L0,-6 L6,5 Z" fill="#1d4ed8" />
          </svg>
          {t.keyLeader}
        </li>
        <li>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <rect x="0" y="4" width="14" height="6" fill="#b45309" fillOpacity="0.45" />
          </svg>
          {t.keyLane}
        </li>
        <li>
          <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
            <path d="M-5,-5 L5,5 M5,-5 L-5,5" className={styles.crashMark} />
          </svg>
          {t.keyCrash}
        </li>
        <li>
          <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
            <path d="M0,-6 L6,0 L0,6 L-6,0 Z" className={styles.networkMark} />
          </svg>
          {t.keyNetwork}
        </li>
        <li>
          <svg width="8" height="14" viewBox="0 0 8 14" aria-hidden="true">
            <line x1="4" x2="4" y1="1" y2="13" className={styles.commitTick} />
          </svg>
          {t.keyCommit}
        </li>
        <li>
          <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
            <circle r="6.5" className={styles.violationDot} />
          </svg>
          {t.keyViolation}
        </li>
      </ul>
    </details>
  );
}
