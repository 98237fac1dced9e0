// "Copy link": the share link of this moment goes to the clipboard, with a confirmation that
// gives its length; where the clipboard is refused, the link is shown in a read-only field.

import { useId, useState } from 'react';
import { useStrings } from '../i18n';
import { writeClipboard } from './clipboard';
import styles from './Share.module.css';
import { SHARE_STRINGS } from './strings';

type ShareState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'copied'; readonly link: string }
  | { readonly kind: 'manual'; readonly link: string }
  /** The link would be refused by this app itself (see encodeCheckedLink): nothing is copied. */
  | { readonly kind: 'refused'; readonly error: string };

export function ShareButton() {
  const t = useStrings(SHARE_STRINGS);
  const id = useId();
  const [state, setState] = useState<ShareState>({ kind: 'idle' });

  const copy = async (): Promise<void> => {
    setState({ kind: 'busy' });
    // The encoder (schema, lessons) loads on the first copy, not with the page.
    const { currentLink, pageAddress } = await import('./share-link');
    const result = await currentLink(pageAddress(window.location));
    if (!result.ok) return setState({ kind: 'refused', error: result.error });
    const link = result.fragment;
    setState({ kind: (await writeClipboard(link)) ? 'copied' : 'manual', link });
  };

  return (
    <div className={styles.share}>
      <button
        type="button"
        title={t.copyLinkHint}
        disabled={state.kind === 'busy'}
        onClick={() => {
          void copy();
        }}
      >
        <span aria-hidden="true">↗</span> {state.kind === 'busy' ? t.copying : t.copyLink}
      </button>
      <div role="status" className={styles.status}>
        {state.kind === 'copied' ? (
          <span className={styles.copied}>
            <span aria-hidden="true">✓ </span>
            {t.copied(state.link.length)}
          </span>
        ) : null}
        {state.kind === 'refused' ? (
          <span className={styles.refused}>
            {t.refused} {state.error}
          </span>
        ) : null}
      </div>
      {state.kind === 'manual' ? (
        <div className={styles.manual}>
          <label htmlFor={`${id}-link`}>{t.copyByHand(state.link.length)}</label>
          <input
            id={`${id}-link`}
            type="text"
            readOnly
            value={state.link}
            onFocus={(e) => e.currentTarget.select()}
            autoFocus
          />
          <button type="button" onClick={() => setState({ kind: 'idle' })}>
            {t.close}
          </button>
        </div>
      ) : null}
    </div>
  );
}
