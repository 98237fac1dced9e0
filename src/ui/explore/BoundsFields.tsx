// The bounds of an exploration as number boxes, each labelled, each saying what is wrong with it.

import { useId } from 'react';
import { useStrings } from '../i18n';
import { BOUND_RANGES } from '../../check/explore/bounds';
import { BOUND_FIELDS, type BoundField, type BoundProblem, type BoundsText } from './bounds-form';
import styles from './Explore.module.css';
import { EXPLORE_STRINGS } from './strings';

interface Props {
  readonly text: BoundsText;
  readonly problems: readonly BoundProblem[];
  readonly disabled: boolean;
  onChange(field: BoundField, value: string): void;
}

export function BoundsFields({ text, problems, disabled, onChange }: Props) {
  const t = useStrings(EXPLORE_STRINGS);
  const id = useId();
  return (
    <fieldset className={styles.bounds} disabled={disabled}>
      <legend>{t.boundsLegend}</legend>
      {BOUND_FIELDS.map((field) => {
        const problem = problems.find((p) => p.field === field);
        const [min, max] = BOUND_RANGES[field];
        return (
          <div key={field} className={styles.field}>
            <label htmlFor={`${id}-${field}`}>{t.field(field)}</label>
            <input
              id={`${id}-${field}`}
              type="text"
              inputMode="numeric"
              size={4}
              value={text[field]}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-${field}-problem` : undefined}
              title={`${min}–${max}`}
              onChange={(e) => onChange(field, e.target.value)}
            />
            {problem ? (
              <span id={`${id}-${field}-problem`} className={styles.problem}>
                {t.problem(problem.field, problem.min, problem.max, problem.text)}
              </span>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
