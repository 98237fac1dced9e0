// The lesson being followed: the caption of the current pause, what to watch, which nodes to
// look at, a prediction question when there is one, and Back / Next / Free play.

import { useSimStore } from '../../store/sim-store';
import type { Beat, Lang, Lesson, Localized } from '../../scenario/narration';
import { useStrings } from '../i18n';
import {
  answerQuestion,
  closeLesson,
  freePlay,
  goToBeat,
  nextBeat,
  playToNextBeat,
  previousBeat,
  resumeLesson,
  useLessonStore,
} from './lesson-store';
import styles from './Lessons.module.css';
import { LESSON_STRINGS } from './strings';

/** A saved lesson may be written in one language only: show the other rather than nothing. */
function say(text: Localized, lang: Lang): string {
  return text[lang] || text[lang === 'ko' ? 'en' : 'ko'];
}

export function LessonPlayer() {
  const lesson = useLessonStore((s) => s.lesson);
  const minimized = useLessonStore((s) => s.minimized);
  if (!lesson || lesson.beats.length === 0) return null;
  return minimized ? <MinimizedLesson lesson={lesson} /> : <LessonPanel lesson={lesson} />;
}

function MinimizedLesson({ lesson }: { readonly lesson: Lesson }) {
  const t = useStrings(LESSON_STRINGS);
  const lang = useSimStore((s) => s.lang);
  const beat = useLessonStore((s) => s.beat);
  return (
    <section className={styles.minimized} aria-label={t.panel}>
      <span>{t.minimized(say(lesson.title, lang), beat + 1, lesson.beats.length)}</span>
      <button type="button" onClick={resumeLesson}>
        {t.resume}
      </button>
      <button type="button" onClick={closeLesson}>
        {t.closeLesson}
      </button>
    </section>
  );
}

function LessonPanel({ lesson }: { readonly lesson: Lesson }) {
  const t = useStrings(LESSON_STRINGS);
  const lang = useSimStore((s) => s.lang);
  const index = useLessonStore((s) => s.beat);
  const target = useLessonStore((s) => s.target);
  const beat = lesson.beats[index]!;
  const total = lesson.beats.length;
  const last = index === total - 1;
  const next = lesson.beats[index + 1];

  return (
    <section className={styles.player} aria-labelledby="lesson-title">
      <div className={styles.playerHead}>
        <h2 id="lesson-title" className={styles.playerTitle}>
          {lesson.section ? <span className={styles.section}>§{lesson.section} </span> : null}
          {say(lesson.title, lang)}
        </h2>
        <ol className={styles.dots} aria-label={t.progress(index + 1, total)}>
          {lesson.beats.map((b, i) => (
            <li key={`${b.at}-${i}`}>
              <button
                type="button"
                className={i === index ? styles.dotCurrent : i < index ? styles.dotDone : styles.dot}
                aria-label={t.goToBeat(i + 1)}
                aria-current={i === index ? 'step' : undefined}
                onClick={() => goToBeat(i)}
              >
                {i + 1}
              </button>
            </li>
          ))}
        </ol>
        <span className={styles.progress}>{t.progress(index + 1, total)}</span>
        <button
          type="button"
          className={styles.close}
          onClick={closeLesson}
          aria-label={t.closeLesson}
          title={t.closeLesson}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </div>

      <div aria-live="polite" className={styles.body}>
        <p className={styles.caption} lang={lang}>
          {say(beat.caption, lang)}
        </p>
        {beat.watch ? (
          <p className={styles.watch}>
            <strong>{t.watch}</strong> {say(beat.watch, lang)}
          </p>
        ) : null}
        <FocusHint beat={beat} />
        {beat.question ? <QuestionBox beat={beat} index={index} /> : null}
      </div>

      <div className={styles.nav}>
        {/* In the sticky bar, not under it: a long beat scrolls, and this line must stay in sight. */}
        {target !== null ? (
          <p className={`${styles.playingOn} ${styles.navNote}`}>{t.playingOn}</p>
        ) : last ? (
          <p className={`${styles.note} ${styles.navNote}`}>{t.finished}</p>
        ) : null}
        <button type="button" onClick={previousBeat} disabled={index === 0}>
          <span aria-hidden="true">◀ </span>
          {t.back}
        </button>
        <button type="button" className={styles.primary} onClick={nextBeat} disabled={last}>
          {t.next}
          <span aria-hidden="true"> ▶</span>
        </button>
        <button type="button" onClick={playToNextBeat} disabled={!next || target !== null}>
          {t.playOn}
        </button>
        <button type="button" onClick={freePlay} title={t.freePlayHint}>
          {t.freePlay}
        </button>
      </div>
    </section>
  );
}

function FocusHint({ beat }: { readonly beat: Beat }) {
  const t = useStrings(LESSON_STRINGS);
  const selected = useSimStore((s) => s.selectedNode);
  const selectNode = useSimStore((s) => s.selectNode);
  const nodes = beat.focus?.nodes ?? [];
  const indexes = beat.focus?.indexes ?? [];
  if (nodes.length === 0 && indexes.length === 0) return null;
  return (
    <p className={styles.focus}>
      <span aria-hidden="true">◎ </span>
      <strong>{t.lookAt}</strong>{' '}
      {nodes.map((id) => (
        <button
          key={id}
          type="button"
          className={styles.nodeChip}
          aria-label={t.selectNode(id)}
          aria-pressed={selected === id}
          onClick={() => selectNode(selected === id ? null : id)}
        >
          {id}
        </button>
      ))}
      {indexes.length > 0 ? <span> {t.logIndexes(indexes.join(', '))}</span> : null}
    </p>
  );
}

function QuestionBox({ beat, index }: { readonly beat: Beat; readonly index: number }) {
  const t = useStrings(LESSON_STRINGS);
  const lang = useSimStore((s) => s.lang);
  const chosen = useLessonStore((s) => s.answers[index]);
  const question = beat.question!;
  const answered = chosen !== undefined;
  const right = chosen === question.answer;
  return (
    <div className={styles.question} role="group" aria-labelledby={`question-${index}`}>
      <p id={`question-${index}`} className={styles.prompt}>
        <span aria-hidden="true">? </span>
        <strong>{t.question}:</strong> {say(question.prompt, lang)}
      </p>
      <div className={styles.choices}>
        {question.choices.map((choice, i) => (
          <button
            key={i}
            type="button"
            className={
              answered && i === question.answer
                ? styles.choiceRight
                : answered && i === chosen
                  ? styles.choiceWrong
                  : ''
            }
            aria-pressed={answered ? chosen === i : undefined}
            aria-disabled={answered}
            onClick={() => {
              if (!answered) answerQuestion(i);
            }}
          >
            {answered && i === question.answer ? <span aria-hidden="true">✓ </span> : null}
            {answered && i === chosen && !right ? <span aria-hidden="true">✗ </span> : null}
            {say(choice, lang)}
          </button>
        ))}
      </div>
      {answered ? (
        <div className={right ? styles.revealRight : styles.revealWrong}>
          <p className={styles.verdict}>
            {right ? t.right : t.wrong(say(question.choices[question.answer] ?? { ko: '', en: '' }, lang))}
          </p>
          <p className={styles.reveal}>{say(question.reveal, lang)}</p>
        </div>
      ) : null}
    </div>
  );
}
