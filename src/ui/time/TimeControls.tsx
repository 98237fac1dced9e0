// Step back and forward one event, jump to the next election / leader / commit / repair /
// violation, and switch manual delivery on or off. Reports from the worker (a search that
// found nothing, a pause on a violation) are put in words here.

import type { ReactNode } from 'react';
import { useSimStore, type EngineReport } from '../../store/sim-store';
import { MILESTONE_KINDS } from '../../sim/event-kinds';
import { useStrings } from '../i18n';
import { HandIcon, StepBackIcon, StepForwardIcon } from './icons';
import { TIME_STRINGS } from './strings';
import styles from './Time.module.css';

/** Clears the shown report: the next thing the user does makes it stale. */
export function clearReport(): void {
  if (useSimStore.getState().report !== null) useSimStore.setState({ report: null });
}

/** `extra`: drawn at the end of the controls' row (the timeline's key). */
export function TimeControls({ extra = null }: { readonly extra?: ReactNode }) {
  const t = useStrings(TIME_STRINGS);
  const stepBack = useSimStore((s) => s.stepBack);
  const step = useSimStore((s) => s.step);
  const stepTo = useSimStore((s) => s.stepTo);
  const manual = useSimStore((s) => s.manual);
  const setManual = useSimStore((s) => s.setManual);
  const atStart = useSimStore((s) => (s.snapshot?.step ?? 0) === 0);

  return (
    <div className={styles.controls}>
      <div className={styles.controlsRow}>
        <div className={styles.toolbar} role="toolbar" aria-label={t.toolbar}>
          <button
            type="button"
            className={styles.small}
            onClick={() => {
              clearReport();
              stepBack();
            }}
            disabled={atStart}
            title={t.stepBackHint}
          >
            <StepBackIcon /> <span className={styles.stepLabel}>{t.stepBack}</span>
          </button>
          <button
            type="button"
            className={styles.small}
            onClick={() => {
              clearReport();
              step();
            }}
            title={t.stepForwardHint}
          >
            <StepForwardIcon /> <span className={styles.stepLabel}>{t.stepForward}</span>
          </button>
          <span className={styles.nextGroup} role="group" aria-label={t.nextLabel}>
            {/* On laptops the group says "Next:" once and each button its milestone (its name stays whole). */}
            <span className={styles.nextLabel} aria-hidden="true">
              {t.nextWord}:
            </span>
            {MILESTONE_KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                className={kind === 'violation' ? styles.nextViolation : styles.next}
                aria-label={t.next(kind)}
                title={t.nextHint(kind)}
                onClick={() => {
                  clearReport();
                  stepTo(kind);
                }}
              >
                <span className={styles.nextWord}>{t.nextWord} </span>
                {t.milestone(kind)}
              </button>
            ))}
          </span>
          <button
            type="button"
            className={manual ? styles.manualOn : styles.small}
            aria-pressed={manual}
            onClick={() => setManual(!manual)}
          >
            <HandIcon /> {t.manual}
          </button>
        </div>
        {extra}
      </div>
      {manual && (
        <p className={styles.manualNote} role="note">
          <strong>{t.manualOn}.</strong> {t.manualWhere}
        </p>
      )}
      <ReportLine />
    </div>
  );
}

function ReportLine() {
  const t = useStrings(TIME_STRINGS);
  const report = useSimStore((s) => s.report);
  return (
    <div role="status" aria-live="polite" className={styles.reportSlot}>
      {report && (
        <p
          className={report.kind === 'notFound' || report.kind === 'spreadStuck' ? styles.report : styles.reportDanger}
        >
          <span>{reportText(t, report)}</span>
          <button type="button" className={styles.small} onClick={clearReport}>
            {t.dismiss}
          </button>
        </p>
      )}
    </div>
  );
}

function reportText(t: typeof TIME_STRINGS.en, report: EngineReport): string {
  switch (report.kind) {
    case 'notFound':
      return t.notFound(report.milestone, report.reason);
    case 'pausedOnViolation':
      return t.pausedOnViolation(report.violation);
    case 'overBudget':
      return t.overBudget(report.time, report.limit);
    case 'seekTooFar':
      return t.seekTooFar(report.target, report.estimate, report.limit, report.restarted);
    case 'spreadStuck':
      return t.spreadStuck;
  }
}
