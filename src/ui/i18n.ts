// Korean and English for every string. Each part of the UI keeps its own strings
// beside its components (defineStrings), so both languages always have the same keys.

import { useSimStore, type Lang } from '../store/sim-store';

type StringValue = string | ((...args: never[]) => string);
export type StringTable = Record<string, StringValue>;

export interface Strings<T extends StringTable> {
  readonly en: T;
  readonly ko: T;
}

/** English first, Korean second; the type makes a missing Korean key a compile error. */
export function defineStrings<T extends StringTable>(en: T, ko: { [K in keyof T]: T[K] }): Strings<T> {
  return { en, ko };
}

/** The strings of the current language. */
export function useStrings<T extends StringTable>(strings: Strings<T>): T {
  const lang = useSimStore((s) => s.lang);
  return strings[lang];
}

export function stringsFor<T extends StringTable>(strings: Strings<T>, lang: Lang): T {
  return strings[lang];
}
