// Notices from the store (a refused action, a hint): errors are alerts, the rest status messages.

import { useSimStore, type Notice } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { refusalMessage } from '../refusal-text';
import styles from './Chrome.module.css';
import { CHROME_STRINGS } from './strings';

export function Notices() {
  const t = useStrings(CHROME_STRINGS);
  const notices = useSimStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <section className={styles.notices} aria-label={t.noticesLabel}>
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </section>
  );
}

function NoticeItem({ notice }: { readonly notice: Notice }) {
  const t = useStrings(CHROME_STRINGS);
  const dismiss = useSimStore((s) => s.dismissNotice);
  const lang = useSimStore((s) => s.lang);
  const isError = notice.tone === 'error';
  return (
    <div className={isError ? styles.noticeError : styles.noticeInfo} role={isError ? 'alert' : 'status'}>
      <span aria-hidden="true" className={styles.noticeGlyph}>
        {isError ? '⚠' : 'ℹ'}
      </span>
      <p className={styles.noticeText}>{notice.refusal ? refusalMessage(notice.refusal, lang) : notice.text}</p>
      <button type="button" className={styles.dismiss} onClick={() => dismiss(notice.id)}>
        {t.dismiss}
      </button>
    </div>
  );
}
