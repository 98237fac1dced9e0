// The exploration dialog: the bounds, Start, live progress with Cancel, and the outcome. Closing it
// does not stop a running exploration; reopening shows where it is.

import { createPortal } from 'react-dom';
import { useState } from 'react';
import { DEFAULT_BOUNDS } from '../../check/explore/bounds';
import { useStrings } from '../i18n';
import { useModalDialog } from '../use-modal-dialog';
import { BoundsFields } from './BoundsFields';
import { defaultBoundsText, readBounds, type BoundProblem, type BoundsText } from './bounds-form';
import { setExploreOpen, useExploreOpen } from './explore-open';
import { useExploreStore } from './explore-store';
import styles from './Explore.module.css';
import { ExploreOutcome } from './ExploreOutcome';
import { EXPLORE_BUTTON_STRINGS } from './button-strings';
import { EXPLORE_STRINGS } from './strings';

export function ExploreDialog() {
  const t = useStrings(EXPLORE_STRINGS);
  const named = useStrings(EXPLORE_BUTTON_STRINGS);
  const open = useExploreOpen((s) => s.open);
  const phase = useExploreStore((s) => s.phase);
  const ref = useModalDialog(open);
  const [text, setText] = useState<BoundsText>(defaultBoundsText);
  const [problems, setProblems] = useState<readonly BoundProblem[]>([]);
  const [drops, setDrops] = useState(DEFAULT_BOUNDS.drops);
  const busy = phase.kind === 'preparing' || phase.kind === 'running';

  const start = (): void => {
    const reading = readBounds(text);
    if (!reading.ok) {
      setProblems(reading.problems);
      return;
    }
    setProblems([]);
    void useExploreStore.getState().start({ ...reading.bounds, drops });
  };

  // On the page's body, not inside the header bar that opens it: it must not take the bar's colours.
  return createPortal(
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby="explore-title"
      onClose={() => setExploreOpen(false)}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself.
        if (e.target === e.currentTarget) setExploreOpen(false);
      }}
    >
      <form
        className={styles.body}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <h2 id="explore-title">{named.open}</h2>
        <p className={styles.intro}>{t.intro}</p>
        <BoundsFields
          text={text}
          problems={problems}
          disabled={busy}
          onChange={(field, value) => setText((before) => ({ ...before, [field]: value }))}
        />
        <div className={styles.toggle}>
          <input
            id="explore-drops"
            type="checkbox"
            checked={drops}
            disabled={busy}
            aria-describedby="explore-drops-help"
            onChange={(e) => setDrops(e.target.checked)}
          />
          <label htmlFor="explore-drops">{t.drops}</label>
          <p id="explore-drops-help">{t.dropsHelp}</p>
        </div>
        {problems.length > 0 ? (
          <ul role="alert" className={styles.problems}>
            {problems.map((p) => (
              <li key={p.field}>{t.problem(p.field, p.min, p.max, p.text)}</li>
            ))}
          </ul>
        ) : null}
        <div role="status" className={styles.status}>
          <ExploreOutcome phase={phase} />
        </div>
        <div className={styles.actions}>
          {busy ? (
            <button type="button" onClick={() => useExploreStore.getState().cancel()}>
              {t.cancel}
            </button>
          ) : (
            <button type="submit">{phase.kind === 'idle' ? t.start : t.again}</button>
          )}
          <button type="button" onClick={() => setExploreOpen(false)}>
            {t.close}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
