// The safety properties with their live status: ✓ holds / ✗ violated (a glyph and a word, never
// colour alone). A violation names the nodes and entries involved and offers a jump to its instant.

import { useId, useMemo } from 'react';
import type { InvariantName, Violation } from '../../sim/types';
import { useSimStore } from '../../store/sim-store';
import { invariantSection } from '../interpret/interpret';
import { useStrings } from '../i18n';
import { EXTRA_CHECKS, FIGURE_3, invariantStatus, type InvariantStatus } from './safety';
import styles from './Safety.module.css';
import { SAFETY_STRINGS } from './strings';

/** How many violations of one invariant are listed (the newest). */
const SHOWN = 3;
const NONE: readonly Violation[] = [];

export function SafetyPanel() {
  const t = useStrings(SAFETY_STRINGS);
  const violations = useSimStore((s) => s.snapshot?.violations ?? NONE);
  const titleId = useId();
  const status = useMemo(() => invariantStatus(violations), [violations]);
  const of = (names: readonly InvariantName[]): InvariantStatus[] => status.filter((s) => names.includes(s.invariant));

  return (
    <section className={styles.panel} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.title}>
        {t.title}
      </h2>
      <p className={styles.intro}>{t.intro}</p>
      <ul className={styles.list} aria-labelledby={titleId}>
        {of(FIGURE_3).map((s) => (
          <InvariantRow key={s.invariant} status={s} />
        ))}
      </ul>
      <h3 className={styles.subtitle}>{t.extra}</h3>
      <ul className={styles.list} aria-label={t.extra}>
        {of(EXTRA_CHECKS).map((s) => (
          <InvariantRow key={s.invariant} status={s} />
        ))}
      </ul>
    </section>
  );
}

function InvariantRow({ status }: { readonly status: InvariantStatus }) {
  const t = useStrings(SAFETY_STRINGS);
  const seek = useSimStore((s) => s.seek);
  const { invariant, violations } = status;
  const ok = violations.length === 0;
  const shown = violations.slice(-SHOWN).reverse();
  return (
    <li className={`${styles.row} ${ok ? styles.ok : styles.bad}`} data-invariant={invariant}>
      <div className={styles.head}>
        <span className={styles.glyph} aria-hidden="true">
          {ok ? '✓' : '✗'}
        </span>
        <strong className={styles.name}>{t.name(invariant)}</strong>
        <span className={styles.section}>{invariantSection(invariant).section}</span>
        <span className={styles.state}>{ok ? t.holds : t.violated(violations.length)}</span>
      </div>
      <p className={styles.meaning}>{t.meaning(invariant)}</p>
      {shown.length > 0 ? (
        <ul className={styles.violations}>
          {shown.map((v, i) => (
            <li key={`${v.time}-${i}`}>
              <span className={styles.when}>{t.at(v.time)}</span>{' '}
              <span className={styles.involved}>{t.involved(v)}</span>
              <p className={styles.detail}>{t.detail(v)}</p>
              <button
                type="button"
                className={styles.jump}
                aria-label={t.jumpLabel(invariant, v.time)}
                onClick={() => seek(v.time)}
              >
                {t.jump(v.time)}
              </button>
            </li>
          ))}
          {violations.length > SHOWN ? <li className={styles.more}>{t.more(violations.length - SHOWN)}</li> : null}
        </ul>
      ) : null}
    </li>
  );
}
