// A fuzzing campaign: many seeds in a row, each generated, played and judged; the
// first failure (or each one) is shrunk to a small case worth reading.

import { generateCase, type FuzzCase, type GenerateSettings } from './generate';
import { runCase, type FuzzFailure } from './run';
import { shrinkCase, type ShrinkResult } from './shrink';

/** How many seeds `npm run fuzz` tries when not told (each unsafe switch is caught well inside it). */
export const DEFAULT_SEEDS = 2000;

export interface CampaignSettings extends GenerateSettings {
  readonly seeds: number;
  readonly firstSeed?: number;
  /** Stop at the first failing seed (what an unsafe run wants). */
  readonly stopAtFirst?: boolean;
  /** Shrink failures (costs a few hundred replays each). */
  readonly shrink?: boolean;
}

export interface FoundFailure {
  readonly seed: number;
  readonly case: FuzzCase;
  readonly failure: FuzzFailure;
  readonly shrunk: ShrinkResult | null;
}

export interface CampaignResult {
  readonly cases: number;
  readonly events: number;
  readonly virtualMs: number;
  /** Cases whose linearizability search gave up (neither passed nor failed). */
  readonly undecided: number;
  readonly failures: readonly FoundFailure[];
}

export function runCampaign(settings: CampaignSettings, onCase?: (seed: number, done: number) => void): CampaignResult {
  const first = settings.firstSeed ?? 1;
  let cases = 0;
  let events = 0;
  let virtualMs = 0;
  let undecided = 0;
  const failures: FoundFailure[] = [];
  for (let seed = first; seed < first + settings.seeds; seed++) {
    const c = generateCase(seed, settings);
    const outcome = runCase(c);
    cases++;
    events += outcome.events;
    virtualMs += outcome.virtualMs;
    if (outcome.undecided) undecided++;
    onCase?.(seed, cases);
    if (outcome.failure) {
      const shrunk = settings.shrink ? shrinkCase(c, outcome.failure) : null;
      failures.push({ seed, case: c, failure: outcome.failure, shrunk });
      if (settings.stopAtFirst) break;
    }
  }
  return { cases, events, virtualMs, undecided, failures };
}
