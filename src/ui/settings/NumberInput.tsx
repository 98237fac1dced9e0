// A whole-number field of the settings forms: the form validates on submit (naming the field),
// so this only draws the field and marks it invalid.

import styles from './Settings.module.css';

export function NumberInput(props: {
  readonly id: string;
  /** Its accessible name when no <label htmlFor> names it. */
  readonly label?: string;
  readonly invalid: boolean;
  readonly value: string;
  readonly min?: number;
  readonly max?: number;
  readonly describedBy?: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <input
      id={props.id}
      type="number"
      inputMode="numeric"
      min={props.min ?? 0}
      max={props.max}
      className={styles.number}
      aria-label={props.label}
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}
