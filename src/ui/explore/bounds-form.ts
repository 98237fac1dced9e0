// The exploration dialog's bounds, as the teacher types them: each field is read as a whole number
// within its range (BOUND_RANGES, shared with `npm run explore`), and a bad one is reported by its field,
// so the dialog can say which box is wrong instead of starting a search that means nothing.

import { BOUND_RANGES, BUDGET_KINDS, DEFAULT_BOUNDS, type ExploreBounds } from '../../check/explore/bounds';

/** The bounds the dialog shows, in the order it shows them: the budgets in the explorer's own order. */
export const BOUND_FIELDS = ['maxTerm', 'maxLog', ...BUDGET_KINDS, 'depth'] as const;

export type BoundField = (typeof BOUND_FIELDS)[number];

export type BoundsText = Record<BoundField, string>;

export interface BoundProblem {
  readonly field: BoundField;
  readonly min: number;
  readonly max: number;
  /** What was typed (trimmed). */
  readonly text: string;
}

export type BoundsReading =
  | { readonly ok: true; readonly bounds: ExploreBounds }
  | { readonly ok: false; readonly problems: readonly BoundProblem[] };

/** The form's starting text: the explorer's defaults. */
export function defaultBoundsText(): BoundsText {
  const text = {} as BoundsText;
  for (const field of BOUND_FIELDS) text[field] = String(DEFAULT_BOUNDS[field]);
  return text;
}

export function readBounds(text: BoundsText): BoundsReading {
  const bounds: ExploreBounds = { ...DEFAULT_BOUNDS };
  const problems: BoundProblem[] = [];
  for (const field of BOUND_FIELDS) {
    const typed = text[field].trim();
    const [min, max] = BOUND_RANGES[field];
    // Plain digits only: "1e3", "2.5" and "-1" are all refused, not rounded into something else.
    const n = /^\d{1,9}$/.test(typed) ? Number(typed) : NaN;
    if (n >= min && n <= max) bounds[field] = n;
    else problems.push({ field, min, max, text: typed });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, bounds };
}
