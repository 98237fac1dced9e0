// The Korean web font (Noto Sans KR, in unicode-range slices: a page downloads only the slices of the
// characters it shows), loaded the first time Korean is on, so an English first load pays nothing and a
// lab PC without a Korean system font shows Hangul instead of boxes. The stylesheet's family name is in
// --sans (styles.css) after the system fonts, which a PC that has one still uses.

import { useEffect } from 'react';
import type { Lang } from '../../store/sim-store';

let requested = false;

export function useKoreanFont(lang: Lang): void {
  useEffect(() => {
    if (lang !== 'ko' || requested) return;
    requested = true;
    void import('@fontsource-variable/noto-sans-kr').catch(() => {
      // Offline before it was ever loaded: the system fonts stay; let a later switch try again.
      requested = false;
    });
  }, [lang]);
}
