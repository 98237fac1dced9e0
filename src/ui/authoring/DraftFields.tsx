// The editor's fields that apply on Enter or blur: an action's time and a pause point's caption.

import { useId, type ReactNode } from 'react';
import { MAX_TIME } from '../../scenario/bounds';
import { useStrings } from '../i18n';
import styles from './Authoring.module.css';
import { AUTHORING_STRINGS } from './strings';

/** A time as the editor shows it: to 0.1 ms (a recorded action's time carries float noise, 1560.8559999998138). */
export function shownTime(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** A time field that applies its value on Enter or when it loses focus (the list re-sorts then, not while typing). */
export function TimeInput({
  label,
  value,
  refuse,
  onCommit,
}: {
  readonly label: string;
  readonly value: number;
  /** Why this time cannot be taken (it names the field), or null. */
  readonly refuse?: (at: number) => string | null;
  readonly onCommit: (at: number) => void;
}) {
  const t = useStrings(AUTHORING_STRINGS);
  // Every time of a scenario is at most a day (README, "Bounds"): a later one is brought back to it, visibly.
  const commit = (input: HTMLInputElement): void => {
    const text = input.value;
    const typed = Number(text);
    if (text.trim() === '' || !Number.isFinite(typed) || typed < 0) return;
    const at = Math.min(typed, MAX_TIME);
    input.setCustomValidity('');
    // The field shows the time rounded: unchanged, it keeps the exact time it stands for.
    if (at === shownTime(value)) return;
    const refused = refuse?.(at) ?? null;
    if (refused !== null) {
      input.value = String(shownTime(value));
      input.setCustomValidity(refused);
      input.reportValidity();
      return;
    }
    if (at !== typed) {
      input.value = String(at);
      input.setCustomValidity(t.timeClamped(MAX_TIME));
      input.reportValidity();
    }
    if (at !== value) onCommit(at);
  };
  return (
    <input
      type="number"
      min={0}
      max={MAX_TIME}
      step="any"
      className={styles.time}
      aria-label={label}
      title={t.timeRange(MAX_TIME)}
      defaultValue={shownTime(value)}
      onBlur={(e) => commit(e.currentTarget)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget);
      }}
    />
  );
}

export function CaptionField({
  label,
  lang,
  value,
  onChange,
}: {
  readonly label: string;
  readonly lang: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
}): ReactNode {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        lang={lang}
        rows={2}
        maxLength={2000}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </div>
  );
}
