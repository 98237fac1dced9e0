// The trace in plain words (the interpreter's readings), oldest first like a story, kept
// scrolled to the newest line unless the reader scrolls back. Invariant violations are pinned
// on top in red. Each item keeps its records and readings, not text: its words are chosen when
// it is drawn, so a language switch re-words every line already shown. Commands typed by
// students are rendered as React text, never as HTML.

import { memo, useEffect, useId, useMemo, useState } from 'react';
import { useSimStore, type Lang } from '../../store/sim-store';
import { VIOLATIONS_ANCHOR } from '../facts/ClusterFacts';
import { StepWhy } from '../explain/StepWhy';
import { useStrings } from '../i18n';
import { useStickToEnd } from '../use-stick-to-end';
import { useScrubbing } from '../time/scrubbing';
import styles from './EventFeed.module.css';
import { EMPTY_HISTORY, extendHistory, lastSteps } from './history';
import { feedLines, readStep, stepsOf, violationReading, type ReadStep } from '../interpret/interpret';
import type { Reading, Tone } from '../interpret/reading';
import { FEED_STRINGS } from './strings';

/** At least this many feed items are drawn (the store keeps the last 500 trace records)… */
const MAX_ITEMS = 100;
/**
 * …and up to this many more before the oldest go, all together. Between two trims the top of the
 * list stays put and a busy run only appends lines, instead of moving every line up on every frame.
 */
const TRIM_BATCH = 50;
const MOST_ITEMS = MAX_ITEMS + TRIM_BATCH;

const GLYPH: Record<Tone, string> = {
  election: '⚑',
  log: '≡',
  commit: '✓',
  client: '➜',
  action: '☛',
  error: '✕',
  violation: '⚠',
  message: '✉',
};

export function EventFeed() {
  const t = useStrings(FEED_STRINGS);
  const lang = useSimStore((s) => s.lang);
  // The store's feed (last 500 records, for messages) and our own longer history of the steps worth
  // telling, taken in together. While the timeline is dragged they stay as they were: the seeks in between
  // are not told, and the instant the drag rests on or ends at is taken in then (scrubbing.ts).
  const scrubbing = useScrubbing((s) => s.active);
  // After a jump (feedJumps) the story starts over: what was told before belongs to an instant the view left.
  const [{ feed, history }, setSource] = useState(() => {
    const { feed: initial, feedJumps } = useSimStore.getState();
    return { feed: initial, jumps: feedJumps, history: extendHistory(EMPTY_HISTORY, initial) };
  });
  useEffect(() => {
    const takeIn = (): void =>
      setSource((prev) => {
        const { feed: next, feedJumps: jumps } = useSimStore.getState();
        if (next === prev.feed && jumps === prev.jumps) return prev;
        return { feed: next, jumps, history: extendHistory(jumps === prev.jumps ? prev.history : EMPTY_HISTORY, next) };
      });
    const offFeed = useSimStore.subscribe((s, prev) => {
      if ((s.feed !== prev.feed || s.feedJumps !== prev.feedJumps) && !useScrubbing.getState().active) takeIn();
    });
    const offScrub = useScrubbing.subscribe((s, prev) => {
      if (prev.active && !s.active) takeIn();
    });
    return () => {
      offFeed();
      offScrub();
    };
  }, []);
  const hasSnapshot = useSimStore((s) => s.snapshot !== null);
  // Once time has passed and a term has begun, an empty feed is a quiet stretch (messages and timer ticks only,
  // after a jump or between commits), not a run in which nothing has happened yet.
  const begun = useSimStore(
    (s) => s.snapshot !== null && s.snapshot.time > 0 && s.snapshot.nodes.some((n) => n.currentTerm > 0),
  );
  const playing = useSimStore((s) => s.playing);
  const violations = useSimStore((s) => s.snapshot?.violations);
  const [showMessages, setShowMessages] = useState(false);
  const toggleId = useId();

  const told = useMemo(
    // Read only the steps that can be shown: a long history must not cost every frame.
    () =>
      stepsOf(lastSteps(showMessages ? feed : history.records, MOST_ITEMS))
        .map((step): FeedItem => ({ ...step, lines: feedLines(readStep(step.records), showMessages) }))
        .filter((item) => item.lines.length > 0)
        .slice(-MOST_ITEMS),
    [feed, history, showMessages],
  );
  // The list starts at the same item until MOST_ITEMS have piled up (or it is gone: a rewind, a reload).
  const [firstKey, setFirstKey] = useState<string | null>(null);
  let first = firstKey === null ? -1 : told.findIndex((item) => item.key === firstKey);
  if (first < 0 || told.length - first > MOST_ITEMS) {
    first = Math.max(0, told.length - MAX_ITEMS);
    const key = told[first]?.key ?? null;
    if (key !== firstKey) setFirstKey(key);
  }
  const items = told.slice(first);
  const lastKey = items[items.length - 1]?.key;
  // Follow the newest line, also when the list switches between steps and messages.
  const { ref, pinned, onScroll, toEnd } = useStickToEnd<HTMLOListElement>('y', 24, `${showMessages}:${lastKey}`);

  return (
    <section className={styles.panel} aria-labelledby={`${toggleId}-title`} id="event-feed">
      <div className={styles.heading}>
        <h2 id={`${toggleId}-title`} className={styles.title}>
          {t.title}
        </h2>
        <label className={styles.toggle} htmlFor={toggleId}>
          <input
            id={toggleId}
            type="checkbox"
            checked={showMessages}
            onChange={(e) => setShowMessages(e.target.checked)}
          />
          {t.showMessages}
        </label>
      </div>
      {violations && violations.length > 0 ? (
        <div id={VIOLATIONS_ANCHOR} className={styles.violations} tabIndex={-1} role="alert">
          <strong>{t.violationsTitle(violations.length)}</strong>
          <ul>
            {violations.slice(-5).map((v, i) => (
              <li key={`${v.time}-${i}`}>
                <span className={styles.time}>{t.at(v.time)}</span> {violationReading(v).text[lang]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!hasSnapshot ? (
        <p className={styles.empty}>{t.waiting}</p>
      ) : items.length === 0 ? (
        <p className={styles.empty}>{begun ? t.quiet : playing ? t.emptyPlaying : t.empty}</p>
      ) : null}
      <ol
        ref={ref}
        className={[styles.list, pinned ? styles.following : '', scrubbing ? styles.held : ''].join(' ')}
        aria-label={t.events}
        aria-busy={scrubbing}
        onScroll={(e) => onScroll(e.currentTarget)}
        tabIndex={0}
      >
        {items.map((item) => (
          <FeedEntry key={item.key} item={item} lang={lang} time={t.at(item.time)} />
        ))}
      </ol>
      {!pinned ? (
        <button type="button" className={styles.newest} aria-label={t.newestLabel} onClick={toEnd}>
          {t.newest}
        </button>
      ) : null}
    </section>
  );
}

/** One step of the feed: its records and the readings the feed tells, worded when drawn. */
interface FeedItem extends ReadStep {
  readonly lines: readonly Reading[];
}

/**
 * One step of the feed. Memoized on what it shows: a past step's lines no longer change, so only
 * the newest item re-renders while the run plays, and every item when the language changes.
 */
const FeedEntry = memo(
  function FeedEntry({ item, lang, time }: { readonly item: FeedItem; readonly lang: Lang; readonly time: string }) {
    return (
      <li className={styles.item}>
        <span className={styles.time}>{time}</span>
        <ul className={styles.lines}>
          {item.lines.map((line, i) => (
            <li key={i} className={`${styles.line} ${styles[line.tone]}`}>
              <span className={styles.glyph} aria-hidden="true">
                {GLYPH[line.tone]}
              </span>
              <span>{line.text[lang]}</span>
            </li>
          ))}
        </ul>
        <StepWhy records={item.records} time={time} />
      </li>
    );
  },
  (a, b) =>
    a.item.key === b.item.key &&
    a.item.lines.length === b.item.lines.length &&
    a.item.records.length === b.item.records.length &&
    a.lang === b.lang &&
    a.time === b.time,
);
