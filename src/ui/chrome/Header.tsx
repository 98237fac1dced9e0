// The title bar: the app's name, the scenario tools (lessons, authoring, share), the language
// switch and the shortcut help button. Compact (embed mode): the name and the language only.

import type { ReactNode } from 'react';
import { useSimStore, type Lang } from '../../store/sim-store';
import { useStrings } from '../i18n';
import styles from './Chrome.module.css';
import { useHelpStore } from './help-store';
import { CHROME_STRINGS } from './strings';

const LANGS: readonly { readonly lang: Lang; readonly label: string }[] = [
  { lang: 'ko', label: '한국어' },
  { lang: 'en', label: 'English' },
];

export function Header({ tools = null, compact = false }: { readonly tools?: ReactNode; readonly compact?: boolean }) {
  const t = useStrings(CHROME_STRINGS);
  const lang = useSimStore((s) => s.lang);
  const setLang = useSimStore((s) => s.setLang);
  const helpOpen = useHelpStore((s) => s.open);
  const setHelpOpen = useHelpStore((s) => s.setOpen);

  return (
    <header className={styles.header}>
      <div className={styles.titles}>
        <h1 className={styles.title}>
          <span aria-hidden="true" className={styles.logo}>
            ⬢
          </span>{' '}
          {t.title}
        </h1>
        {compact ? null : <p className={styles.tagline}>{t.tagline}</p>}
      </div>
      <div className={styles.headerTools}>
        {tools}
        <div role="group" aria-label={t.language} className={styles.langSwitch}>
          {LANGS.map((option) => (
            <button
              key={option.lang}
              type="button"
              lang={option.lang}
              aria-pressed={lang === option.lang}
              onClick={() => setLang(option.lang)}
            >
              {option.label}
            </button>
          ))}
        </div>
        {compact ? null : (
          <button
            type="button"
            aria-haspopup="dialog"
            aria-expanded={helpOpen}
            aria-keyshortcuts="?"
            onClick={() => setHelpOpen(true)}
          >
            <span aria-hidden="true">⌨</span> {t.shortcuts}
          </button>
        )}
      </div>
    </header>
  );
}
