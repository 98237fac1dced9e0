// "Lessons": the library grouped by chapter of the course notes, plus the lessons saved in this
// browser; choosing one loads its run and opens the player at its first pause.

import { useState } from 'react';
import { createPortal } from 'react-dom';
import { LESSONS } from '../../scenario/lessons';
import type { Lesson } from '../../scenario/narration';
import { useSimStore } from '../../store/sim-store';
import { draftLesson } from '../authoring/draft';
import { formatSavedTime, listSaved, savedLabels } from '../authoring/saved-lessons';
import { useStrings } from '../i18n';
import { useModalDialog } from '../use-modal-dialog';
import { openLesson } from './lesson-store';
import styles from './Lessons.module.css';
import { CHAPTERS, LESSON_STRINGS } from './strings';

/** The chapter of the notes a lesson belongs to: "6.2" → "6", "2–3.2" → "3". */
export function chapterOf(section: string): string {
  const last = section.split(/[–-]/).pop() ?? section;
  return last.split('.')[0]?.trim() ?? '';
}

export function groupByChapter(lessons: readonly Lesson[]): [string, Lesson[]][] {
  const groups = new Map<string, Lesson[]>();
  for (const lesson of lessons) {
    const chapter = chapterOf(lesson.section);
    groups.set(chapter, [...(groups.get(chapter) ?? []), lesson]);
  }
  return [...groups.entries()];
}

/** The library dialog, with the lessons saved in this browser (read when it opens). */
export default function LessonLibrary({ onClose }: { readonly onClose: () => void }) {
  const lang = useSimStore((s) => s.lang);
  // Keyed by storage entry and labelled apart: two saved lessons may share a name.
  const [saved] = useState<readonly { key: string; label: string; lesson: Lesson }[]>(() => {
    const entries = listSaved();
    const labels = savedLabels(entries, (ms) => formatSavedTime(ms, lang));
    return entries.map((s) => ({ key: s.key, label: labels.get(s.key) ?? s.name, lesson: draftLesson(s.draft) }));
  });
  const t = useStrings(LESSON_STRINGS);
  const notify = useSimStore((s) => s.notify);
  // Mounted only while the library is open.
  const ref = useModalDialog(true);

  const play = (lesson: Lesson): void => {
    const error = openLesson(lesson);
    if (error !== null) notify('error', `${t.cannotOpen} ${error}`);
    onClose();
  };

  const item = (lesson: Lesson, key = lesson.id, title = lesson.title[lang]) => (
    <li key={key} className={styles.libraryItem}>
      <div className={styles.libraryText}>
        <h4 className={styles.libraryItemTitle}>
          {lesson.section ? <span className={styles.section}>§{lesson.section} </span> : null}
          {title}
        </h4>
        {lesson.summary[lang] ? <p className={styles.summary}>{lesson.summary[lang]}</p> : null}
        <p className={styles.note}>{t.beats(lesson.beats.length)}</p>
      </div>
      <button type="button" className={styles.primary} aria-label={t.playLesson(title)} onClick={() => play(lesson)}>
        <span aria-hidden="true">▶ </span>
        {t.play}
      </button>
    </li>
  );

  // On the page's body, not inside the header bar that opens it: it must not take the bar's colours.
  return createPortal(
    <dialog
      ref={ref}
      className={styles.library}
      aria-labelledby="library-title"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className={styles.libraryBody}>
        <div className={styles.libraryHead}>
          <h2 id="library-title">{t.libraryTitle}</h2>
          <button type="button" onClick={onClose} autoFocus>
            {t.close}
          </button>
        </div>
        <p className={styles.note}>{t.libraryIntro}</p>
        {groupByChapter(LESSONS).map(([chapter, lessons]) => (
          <section key={chapter} aria-labelledby={`chapter-${chapter}`}>
            <h3 id={`chapter-${chapter}`} className={styles.chapter}>
              {t.chapter(chapter)} {CHAPTERS[chapter]?.[lang] ?? ''}
            </h3>
            <ul className={styles.libraryList}>{lessons.map((lesson) => item(lesson))}</ul>
          </section>
        ))}
        {saved.length > 0 ? (
          <section aria-labelledby="chapter-saved">
            <h3 id="chapter-saved" className={styles.chapter}>
              {t.savedTitle}
            </h3>
            <ul className={styles.libraryList}>{saved.map((s) => item(s.lesson, s.key, s.label))}</ul>
          </section>
        ) : null}
      </div>
    </dialog>,
    document.body,
  );
}
