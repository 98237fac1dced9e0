import { useId } from 'react';
import { useStrings } from '../i18n';
import styles from './Authoring.module.css';
import { AUTHORING_STRINGS } from './strings';

/**
 * Rows of the action list drawn at once: a recorded or imported run may hold 10,000 actions, and
 * drawing a row (with its time field) for each would hold the page for seconds. Longer lists are paged.
 */
export const ACTION_PAGE = 50;

/** First, previous, next and last page of the action list, where it is, and a page number to go to. */
export function ActionPager({
  page,
  pages,
  count,
  onPage,
}: {
  readonly page: number;
  readonly pages: number;
  readonly count: number;
  readonly onPage: (page: number) => void;
}) {
  const t = useStrings(AUTHORING_STRINGS);
  const id = useId();
  const go = (input: HTMLInputElement): void => {
    const typed = Math.round(Number(input.value));
    if (input.value.trim() === '' || !Number.isFinite(typed)) return;
    const next = Math.min(Math.max(typed, 1), pages) - 1;
    input.value = String(next + 1);
    if (next !== page) onPage(next);
  };
  const first = page * ACTION_PAGE + 1;
  const last = Math.min(count, (page + 1) * ACTION_PAGE);
  return (
    <nav className={styles.pager} aria-label={t.actionPages}>
      <span className={styles.pageRange} role="status">
        {t.pageRange(first, last, count, page + 1, pages)}
      </span>
      <button type="button" disabled={page === 0} onClick={() => onPage(0)}>
        <span aria-hidden="true">« </span>
        {t.firstPage}
      </button>
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        <span aria-hidden="true">‹ </span>
        {t.previousPage}
      </button>
      <button type="button" disabled={page === pages - 1} onClick={() => onPage(page + 1)}>
        {t.nextPage}
        <span aria-hidden="true"> ›</span>
      </button>
      <button type="button" disabled={page === pages - 1} onClick={() => onPage(pages - 1)}>
        {t.lastPage}
        <span aria-hidden="true"> »</span>
      </button>
      <label htmlFor={`${id}-page`} className={styles.goTo}>
        {t.goToPage(pages)}
      </label>
      <input
        id={`${id}-page`}
        key={page}
        type="number"
        min={1}
        max={pages}
        step={1}
        className={styles.pageInput}
        defaultValue={page + 1}
        onBlur={(e) => go(e.currentTarget)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') go(e.currentTarget);
        }}
      />
    </nav>
  );
}
