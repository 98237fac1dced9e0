// "Explore all orders from here" in the toolbar (shown as "Explore all orders", so the bar keeps one row): opens the exploration dialog (loaded when first
// opened), or stays disabled with the reason for a cluster too large to explore.

import { lazy, Suspense, useId, useState } from 'react';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { EXPLORE_BUTTON_STRINGS } from './button-strings';
import { MAX_EXPLORED_NODES } from '../../check/explore/bounds';
import { setExploreOpen, useExploreOpen } from './explore-open';
import styles from './Explore.module.css';

const ExploreDialog = lazy(() => import('./ExploreDialog').then((m) => ({ default: m.ExploreDialog })));

export function ExploreButton() {
  const t = useStrings(EXPLORE_BUTTON_STRINGS);
  const open = useExploreOpen((s) => s.open);
  const nodes = useSimStore((s) => s.snapshot?.nodes.length ?? s.scenario.nodes);
  const reasonId = useId();
  // Once loaded, the dialog stays mounted (closed) so a running exploration keeps its progress.
  const [loaded, setLoaded] = useState(false);
  if (open && !loaded) setLoaded(true);
  const tooBig = nodes > MAX_EXPLORED_NODES;
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        disabled={tooBig}
        aria-describedby={tooBig ? reasonId : undefined}
        aria-label={t.open}
        title={t.open}
        onClick={() => setExploreOpen(true)}
      >
        {t.openShort}
      </button>
      {tooBig ? (
        <span id={reasonId} className={styles.reason}>
          {t.tooBig(nodes)}
        </span>
      ) : null}
      {loaded ? (
        <Suspense fallback={null}>
          <ExploreDialog />
        </Suspense>
      ) : null}
    </>
  );
}
