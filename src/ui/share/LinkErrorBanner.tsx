// Shown when the link in the address bar could not be opened: a localized sentence, then the reason
// in the reader's language (a bad scenario's field messages as the decoder wrote them), as text.

import { useStrings } from '../i18n';
import { setLinkError, useLinkStore } from './link-store';
import styles from './Share.module.css';
import { SHARE_STRINGS } from './strings';

export function LinkErrorBanner() {
  const t = useStrings(SHARE_STRINGS);
  const error = useLinkStore((s) => s.linkError);
  if (error === null) return null;
  return (
    <div className={styles.banner} role="alert">
      <span aria-hidden="true" className={styles.glyph}>
        ⚠
      </span>
      <div className={styles.bannerText}>
        <p className={styles.bannerTitle}>{t.linkBroken}</p>
        {/* Focusable, so a long reason can be scrolled from the keyboard. */}
        <pre className={styles.reason} tabIndex={0}>
          {t.linkReason(error)}
        </pre>
      </div>
      <button type="button" onClick={() => setLinkError(null)}>
        {t.dismiss}
      </button>
    </div>
  );
}
