// Figure 2 as numbered rules a student can follow. The rule the latest step executed is
// highlighted (marker, "executed" label and outline, never colour alone) with its condition
// evaluated on the values the engine recorded; an unsafe switch marks the rule it breaks.

import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import type { UnsafeSwitches } from '../../raft/types';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { explained, latestStep, readStep, recordsOfStep } from '../interpret/interpret';
import type { Reading, RuleId } from '../interpret/reading';
import { BROKEN_BY, RULE_SECTIONS } from './rules';
import styles from './Rules.module.css';
import { RULES_STRINGS } from './strings';

export function RulesPanel() {
  const t = useStrings(RULES_STRINGS);
  const lang = useSimStore((s) => s.lang);
  const feed = useSimStore((s) => s.feed);
  // The options and unsafe switches in force, as the engine reports them in the frame.
  const options = useSimStore((s) => s.snapshot?.options ?? null);
  const unsafe = useSimStore((s) => s.snapshot?.unsafe ?? null);
  const titleId = useId();
  const panel = useRef<HTMLElement>(null);

  const step = latestStep(feed);
  const current = useMemo(() => {
    if (step === null) return null;
    const records = recordsOfStep(feed, step);
    return { time: records[0]!.time, explanations: explained(readStep(records)) };
  }, [feed, step]);

  const byRule = new Map<RuleId, Reading[]>();
  for (const e of current?.explanations ?? []) for (const r of e.rules) byRule.set(r, [...(byRule.get(r) ?? []), e]);
  // Bring the first executed rule into view inside the panel (a DOM scroll of the panel only, not the page).
  useLayoutEffect(() => {
    const el = panel.current;
    const active = el?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!el || !active) return;
    const top = active.offsetTop - el.offsetTop;
    if (top < el.scrollTop || top + active.offsetHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = Math.max(0, top - 40);
  }, [current]);

  const broken = new Map<RuleId, string>();
  for (const [name, rule] of Object.entries(BROKEN_BY))
    if (unsafe?.[name as keyof UnsafeSwitches]) broken.set(rule, name);

  return (
    <section ref={panel} className={styles.panel} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.title}>
        {t.title}
      </h2>
      <p className={styles.intro}>{t.intro}</p>
      <p className={styles.status} aria-live="polite">
        {step === null || !current
          ? t.waiting
          : `${t.stepAt(step, current.time)}${current.explanations.some((e) => e.rules.length > 0) ? '' : ` — ${t.noRule}`}`}
      </p>
      {RULE_SECTIONS.map((section) => (
        <div key={section.id} className={styles.section}>
          <h3 className={styles.sectionTitle}>{t[`section.${section.id}`]}</h3>
          <ol className={styles.rules}>
            {section.lines.map((line) => {
              const ran = byRule.get(line.id);
              const brokenBy = broken.get(line.id);
              const on = line.option && options ? options[line.option] : null;
              return (
                <li
                  key={line.id}
                  className={`${styles.rule} ${ran ? styles.active : ''} ${brokenBy ? styles.broken : ''} ${on === false ? styles.off : ''}`}
                  aria-current={ran ? 'step' : undefined}
                  data-rule={line.id}
                >
                  <span className={styles.marker} aria-hidden="true">
                    {ran ? '▶' : ''}
                  </span>
                  <span className={styles.n}>{line.n}</span>
                  <span className={styles.text}>
                    {on === null ? null : (
                      <span className={on ? styles.badgeOn : styles.badgeOff}>{on ? t.on : t.off}</span>
                    )}{' '}
                    {t[line.id]}
                    {ran ? <strong className={styles.executed}> — {t.executed}</strong> : null}
                    {brokenBy ? <span className={styles.brokenNote}>{t.broken(brokenBy)}</span> : null}
                    {ran ? (
                      <ul className={styles.checks}>
                        {ran.map((e, i) => (
                          <li key={i}>
                            {e.node ? `${e.node}: ` : ''}
                            {(e.check ?? e.text)[lang]}
                            {e.unsafe ? <span className={styles.brokenNote}>⚠ {e.unsafe[lang]}</span> : null}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </section>
  );
}
