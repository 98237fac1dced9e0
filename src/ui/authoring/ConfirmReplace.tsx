import { useId } from 'react';
import { useStrings } from '../i18n';
import { useModalDialog } from '../use-modal-dialog';
import styles from './Authoring.module.css';
import { AUTHORING_STRINGS } from './strings';

/** Asks before the draft with unsaved changes is replaced (by an import, or a saved lesson opened to edit). */
export function ConfirmReplace({
  open,
  name,
  onConfirm,
  onCancel,
}: {
  readonly open: boolean;
  readonly name: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const t = useStrings(AUTHORING_STRINGS);
  const id = useId();
  const ref = useModalDialog(open);
  return (
    <dialog
      ref={ref}
      className={styles.confirm}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={() => {
        if (open) onCancel();
      }}
    >
      <h3 id={`${id}-title`} className={styles.subtitle}>
        {t.replaceTitle}
      </h3>
      <p id={`${id}-body`}>{t.replaceBody(name)}</p>
      <div className={styles.row}>
        <button type="button" onClick={onCancel} autoFocus>
          {t.replaceCancel}
        </button>
        <button type="button" className={styles.primary} onClick={onConfirm}>
          {t.replaceConfirm}
        </button>
      </div>
    </dialog>
  );
}
