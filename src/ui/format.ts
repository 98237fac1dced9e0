// Number formatting shared by every panel. Written out instead of an Intl.NumberFormat: building that
// formatter loads the locale's data, which a traced start-up profile put at up to 21 ms of the task that
// evaluates the page, for nothing but commas (untraced, the start-up row moved within its noise).

/** A number rounded to a whole one and written with thousands separators, as en-US writes it: 12,345. */
export function grouped(n: number): string {
  const whole = Math.round(n);
  if (!Number.isFinite(whole) || Math.abs(whole) >= 1e21) return String(whole);
  const digits = String(Math.abs(whole));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let k = out.length; k < digits.length; k += 3) out += ',' + digits.slice(k, k + 3);
  return whole < 0 ? '-' + out : out;
}

/** Whole milliseconds with thousands separators: 12,345. */
export function wholeMs(ms: number): string {
  return grouped(ms);
}
