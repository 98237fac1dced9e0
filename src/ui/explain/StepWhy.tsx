// A "Why?" button for one step of the event feed: it opens that step's explanations in place.

import { useId, useState } from 'react';
import type { TraceEvent } from '../../sim/types';
import { useStrings } from '../i18n';
import styles from './Explain.module.css';
import { StepExplanations } from './ExplanationList';
import { EXPLAIN_STRINGS } from './strings';

export function StepWhy({
  records,
  time,
}: {
  /** The records of the step. */
  readonly records: readonly TraceEvent[];
  /** The step's time as the feed prints it, for the button's accessible name. */
  readonly time: string;
}) {
  const t = useStrings(EXPLAIN_STRINGS);
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className={styles.stepWhy}>
      <button
        type="button"
        className={styles.whyButton}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={open ? t.hideLabel(time) : t.whyLabel(time)}
        onClick={() => setOpen(!open)}
      >
        {open ? t.hide : t.why}
      </button>
      {open ? (
        <div id={id} className={styles.stepWhyBody} ref={(el) => el?.scrollIntoView?.({ block: 'nearest' })}>
          <StepExplanations records={records} empty={t.nothing} />
        </div>
      ) : null}
    </div>
  );
}
