// Reading the command lines' input: a scenario file and numbers, each refused with a message
// that names what is wrong. Shared by the runner (sim.ts) and the explorer (explore.ts).

import { readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../src/scenario/bounds';
import { cut } from '../src/scenario/bounded-text';
import type { Scenario } from '../src/scenario/schema';
import { validateScenario } from '../src/scenario/validate';

/** Bad input: reported on stderr with exit status 2 by the command's main(). */
export class InputError extends Error {}

export function fail(message: string): never {
  throw new InputError(message);
}

/** A time in ms from the command line: plain decimal digits (no hex, no blanks), from 0 to `max`. */
export function readTime(option: string, value: string | undefined, max: number, usage: string): number {
  const valid = value !== undefined && /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(value);
  const ms = valid ? Number(value) : NaN;
  if (!(ms >= 0 && ms <= max))
    fail(`${option}: expected a time from 0 to ${max} ms, got "${cut(value ?? '')}"\n${usage}`);
  return ms;
}

/** A whole number from the command line, from `min` to `max`. */
export function readCount(option: string, value: string | undefined, min: number, max: number, usage: string): number {
  const n = value !== undefined && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max))
    fail(`${option}: expected a whole number from ${min} to ${max}, got "${cut(value ?? '')}"\n${usage}`);
  return n;
}

export function readScenario(file: string): Scenario {
  let text: string;
  try {
    // Refused by size before reading: parsing a huge file costs gigabytes for nothing.
    const bytes = statSync(file).size;
    if (bytes > MAX_FILE_BYTES) fail(`${cut(file)}: ${bytes} bytes; a scenario file is read up to ${MAX_FILE_BYTES}`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    fail(`${cut(file)}: cannot read (${cut((e as Error).message, 80)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(`${cut(file)}: not valid JSON (${cut((e as Error).message, 80)})`);
  }
  const result = validateScenario(json);
  if (!result.ok) fail(result.errors.join('\n'));
  return result.scenario;
}
