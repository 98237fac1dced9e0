// Number formatting shared by every panel. One cached formatter: toLocaleString builds a new
// one on each call, which shows up in profiles when a feed prints hundreds of times a frame.

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Whole milliseconds with thousands separators: 12,345. */
export function wholeMs(ms: number): string {
  return WHOLE.format(Math.round(ms));
}
