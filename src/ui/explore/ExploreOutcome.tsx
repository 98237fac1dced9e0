// What the last exploration came to, in words: progress while it runs, then "no violation" with how
// the search ended, the violation it found and how to walk through it, or why it stopped.

import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { violationDetail } from '../violation-detail';
import type { ExplorePhase } from './explore-store';
import styles from './Explore.module.css';
import { EXPLORE_BUTTON_STRINGS } from './button-strings';
import { EXPLORE_STRINGS } from './strings';

export function ExploreOutcome({ phase }: { readonly phase: ExplorePhase }) {
  const t = useStrings(EXPLORE_STRINGS);
  const named = useStrings(EXPLORE_BUTTON_STRINGS);
  const lang = useSimStore((s) => s.lang);
  switch (phase.kind) {
    case 'idle':
      return null;
    case 'preparing':
      return <p>{t.preparing}</p>;
    case 'running':
      return (
        <p>
          {t.started(phase.at)}{' '}
          {phase.progress
            ? t.progress(phase.progress.states, phase.progress.depth, phase.progress.statesPerSecond)
            : null}
        </p>
      );
    case 'clear':
      return (
        <>
          <p className={styles.clear}>{t.clear(phase.states)}</p>
          <p>
            {phase.outcome === 'exhausted'
              ? t.exhausted
              : phase.outcome === 'depth'
                ? t.stoppedByDepth(phase.depth)
                : t.stoppedByStates}
          </p>
        </>
      );
    case 'found':
      return (
        <>
          <p className={styles.found}>{t.found(phase.violation.invariant)}</p>
          <p>{violationDetail(phase.violation, lang)}</p>
          <p>{t.foundPath(phase.choices, phase.at, phase.states)}</p>
          <p>{t.walk(phase.choices)}</p>
        </>
      );
    case 'cancelled':
      return <p>{t.cancelled}</p>;
    case 'tooBig':
      return <p className={styles.found}>{named.tooBig(phase.nodes)}</p>;
    case 'failed':
      return <p className={styles.found}>{t.failed(phase.message)}</p>;
  }
}
