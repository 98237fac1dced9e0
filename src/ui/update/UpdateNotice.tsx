// "New version — reload": shown when a new version has been downloaded. The page changes only when the
// teacher presses it (between lessons), never by itself.

import styles from '../chrome/Chrome.module.css';
import { useStrings } from '../i18n';
import { UPDATE_STRINGS } from './strings';
import { useUpdateStore } from './update-store';

export function UpdateNotice() {
  const t = useStrings(UPDATE_STRINGS);
  const reload = useUpdateStore((s) => s.reload);
  const later = useUpdateStore((s) => s.later);
  if (!reload) return null;
  return (
    <div className={styles.noticeInfo} role="status">
      <span aria-hidden="true" className={styles.noticeGlyph}>
        ↻
      </span>
      <p className={styles.noticeText}>{t.ready}</p>
      <button type="button" className={styles.dismiss} onClick={reload}>
        {t.reload}
      </button>
      <button type="button" className={styles.dismiss} onClick={later}>
        {t.later}
      </button>
    </div>
  );
}
