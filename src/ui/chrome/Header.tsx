// The title bar: the app's name, the scenario tools (lessons, authoring, share), the language
// switch and the shortcut help button. Compact (embed mode): the name and the language only.
// On a phone the tools fold behind a Menu button (they open below the title, in rows), so the
// bar never scrolls sideways and the ring is on the first screen.

import { useId, useState, type ReactNode } from 'react';
import { useSimStore, type Lang } from '../../store/sim-store';
import { useStrings } from '../i18n';
import styles from './Chrome.module.css';
import { useHelpStore } from './help-store';
import { setDrawerOpen, togglePresenting, usePresentStore } from './present-store';
import { HEADER_STRINGS } from './header-strings';

const LANGS: readonly { readonly lang: Lang; readonly label: string }[] = [
  { lang: 'ko', label: '한국어' },
  { lang: 'en', label: 'English' },
];

/** Four corners pointing out: "fill the screen". */
function PresentIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 14 14"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M1 5V1h4M9 1h4v4M13 9v4H9M5 13H1V9" />
    </svg>
  );
}

export function Header({ tools = null, compact = false }: { readonly tools?: ReactNode; readonly compact?: boolean }) {
  const t = useStrings(HEADER_STRINGS);
  const lang = useSimStore((s) => s.lang);
  const setLang = useSimStore((s) => s.setLang);
  const helpOpen = useHelpStore((s) => s.open);
  const setHelpOpen = useHelpStore((s) => s.setOpen);
  const presenting = usePresentStore((s) => s.presenting);
  const drawerOpen = usePresentStore((s) => s.drawerOpen);
  const [menuOpen, setMenuOpen] = useState(false);
  const toolsId = useId();

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
      {/* Shown on a phone only (CSS): elsewhere the tools are always in the bar. */}
      {compact ? null : (
        <button
          type="button"
          className={styles.menuButton}
          aria-expanded={menuOpen}
          aria-controls={toolsId}
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span> {t.menu}
        </button>
      )}
      <div className={styles.headerTools} id={toolsId} data-menu-open={compact || menuOpen}>
        {presenting ? null : tools}
        {presenting ? (
          <button
            type="button"
            aria-expanded={drawerOpen}
            aria-controls="side-panels"
            onClick={() => setDrawerOpen(!drawerOpen)}
          >
            <span aria-hidden="true">☰</span> {t.drawer}
          </button>
        ) : null}
        <button
          type="button"
          aria-pressed={presenting}
          aria-keyshortcuts="F"
          title={t.presentHint}
          onClick={togglePresenting}
        >
          <PresentIcon /> {t.present}
        </button>
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
        {compact || presenting ? null : (
          <button
            type="button"
            aria-haspopup="dialog"
            aria-expanded={helpOpen}
            aria-keyshortcuts="?"
            aria-label={t.shortcuts}
            title={t.shortcuts}
            onClick={() => setHelpOpen(true)}
          >
            <span aria-hidden="true">⌨</span> {t.shortcutsShort}
          </button>
        )}
      </div>
    </header>
  );
}
