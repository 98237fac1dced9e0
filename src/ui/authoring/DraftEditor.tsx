// The draft's editor: its name, its actions (paged), its pause points with captions, and the ways out
// (save in this browser, export as files, copy a link, try it as a lesson).

import { useId, useState } from 'react';
import { ownLessonOf, pauseAtInstant } from '../../scenario/own-lesson';
import { encodeCheckedLink } from '../../scenario/url';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { openLesson } from '../lessons/lesson-store';
import { writeClipboard } from '../share/clipboard';
import { pageAddress } from '../share/share-link';
import { ACTION_PAGE, ActionPager } from './ActionPager';
import styles from './Authoring.module.css';
import { CaptionField, shownTime, TimeInput } from './DraftFields';
import {
  addBeat,
  checkWritten,
  deleteAction,
  deleteBeat,
  describeAction,
  draftLesson,
  lessonFile,
  scenarioFile,
  setActionTime,
  updateBeat,
  type Draft,
} from './draft';
import { downloadText, fileStem } from './download';
import { AUTHORING_STRINGS } from './strings';

interface EditorProps {
  readonly draft: Draft;
  readonly now: number;
  readonly onChange: (draft: Draft) => void;
  readonly onSave: (name: string) => void;
  readonly onInvalid: (errors: string[]) => void;
  /** A link or file this app would refuse to read back: it is not written. */
  readonly onCannotWrite: (errors: string[]) => void;
  readonly onLink: (link: string, copied: boolean) => void;
}

export function DraftEditor({ draft, now, onChange, onSave, onInvalid, onCannotWrite, onLink }: EditorProps) {
  const t = useStrings(AUTHORING_STRINGS);
  const id = useId();
  const [edited, setEdited] = useState(false);
  const [page, setPage] = useState(0);
  const count = draft.scenario.actions.length;
  const pages = Math.max(1, Math.ceil(count / ACTION_PAGE));
  // A deletion can leave the last page empty: show the one before.
  const current = Math.min(page, pages - 1);
  const first = current * ACTION_PAGE;
  const name = draft.name.trim() || t.untitled;
  const edit = (next: Draft): void => {
    setEdited(true);
    onChange(next);
  };

  const tryIt = (): void => {
    const error = openLesson(draftLesson(draft));
    if (error !== null) onInvalid(error.split('\n'));
  };

  const copyLink = async (): Promise<void> => {
    const sim = useSimStore.getState();
    const encoded = encodeCheckedLink({
      scenario: draft.scenario,
      at: draft.beats[0]?.at ?? 0,
      view: {
        lang: sim.lang,
        speed: sim.speed,
        selected: null,
        // With pause points it is a lesson: the link opens the player on its captions.
        ...(draft.beats.length > 0 ? { own: ownLessonOf(draftLesson(draft)), beat: 0 } : {}),
      },
    });
    if (!encoded.ok) return onCannotWrite([encoded.error]);
    const link = `${pageAddress(window.location)}${encoded.fragment}`;
    onLink(link, await writeClipboard(link));
  };

  /** Downloads a file only if importing it again would work: what the app writes, it can read. */
  const exportFile = (fileName: string, text: string): void => {
    const check = checkWritten(text);
    if (check.length > 0) return onCannotWrite(check);
    downloadText(fileName, text);
  };

  return (
    <div className={styles.editor}>
      <div className={styles.field}>
        <label htmlFor={`${id}-name`}>{t.name}</label>
        <input
          id={`${id}-name`}
          type="text"
          value={draft.name}
          maxLength={120}
          placeholder={t.untitled}
          onChange={(e) => onChange({ ...draft, name: e.currentTarget.value })}
        />
      </div>

      <h3 className={styles.subtitle}>{t.actions}</h3>
      {count === 0 ? <p className={styles.note}>{t.noActions}</p> : null}
      {pages > 1 ? <ActionPager page={current} pages={pages} count={count} onPage={setPage} /> : null}
      {count > 0 ? (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t.time}</th>
              <th scope="col">{t.what}</th>
              <th scope="col">
                <span className="visually-hidden">{t.delete}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.scenario.actions.slice(first, first + ACTION_PAGE).map((action, row) => {
              const i = first + row;
              const what = describeAction(action);
              return (
                <tr key={`${i}-${action.at}-${what}`}>
                  <td>
                    <TimeInput
                      label={t.actionTime(i + 1)}
                      value={action.at}
                      onCommit={(at) => edit(setActionTime(draft, i, at))}
                    />
                  </td>
                  <td className={styles.what}>{what}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={t.deleteAction(i + 1, what)}
                      onClick={() => edit(deleteAction(draft, i))}
                    >
                      {t.delete}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {edited ? <p className={styles.note}>{t.editedNote}</p> : null}

      <h3 className={styles.subtitle}>{t.pauses}</h3>
      {draft.beats.length === 0 ? <p className={styles.note}>{t.noPauses}</p> : null}
      <ol className={styles.beats}>
        {draft.beats.map((beat, i) => (
          <li key={`${i}-${beat.at}`} className={styles.beat}>
            <div className={styles.row}>
              <TimeInput
                label={t.pauseTime(i + 1)}
                value={beat.at}
                refuse={(at) => {
                  const taken = pauseAtInstant(draft.beats, at, i);
                  return taken < 0 ? null : t.pauseTaken(t.pauseTime(i + 1), taken + 1, shownTime(at));
                }}
                onCommit={(at) => onChange(updateBeat(draft, i, { at }))}
              />
              <button type="button" aria-label={t.deletePause(i + 1)} onClick={() => onChange(deleteBeat(draft, i))}>
                {t.delete}
              </button>
            </div>
            <CaptionField
              label={t.captionKo(i + 1)}
              lang="ko"
              value={beat.caption.ko}
              onChange={(ko) => onChange(updateBeat(draft, i, { caption: { ...beat.caption, ko } }))}
            />
            <CaptionField
              label={t.captionEn(i + 1)}
              lang="en"
              value={beat.caption.en}
              onChange={(en) => onChange(updateBeat(draft, i, { caption: { ...beat.caption, en } }))}
            />
          </li>
        ))}
      </ol>
      <div className={styles.row}>
        <button
          type="button"
          onClick={() => {
            const taken = pauseAtInstant(draft.beats, now);
            if (taken >= 0) return onInvalid([t.pauseTaken(t.addPause(now), taken + 1, shownTime(now))]);
            onChange(addBeat(draft, now));
          }}
        >
          {t.addPause(now)}
        </button>
      </div>

      <div className={styles.row}>
        <button type="button" className={styles.primary} onClick={tryIt}>
          <span aria-hidden="true">▶ </span>
          {t.tryIt}
        </button>
        <button type="button" onClick={() => onSave(name)}>
          {t.save}
        </button>
        <button type="button" onClick={() => void copyLink()}>
          {t.copyLink}
        </button>
      </div>
      <div className={styles.row}>
        <button type="button" onClick={() => exportFile(`${fileStem(name)}.scenario.json`, scenarioFile(draft))}>
          {t.exportScenario}
        </button>
        <button
          type="button"
          onClick={() => exportFile(`${fileStem(name)}.lesson.json`, lessonFile({ ...draft, name }))}
        >
          {t.exportLesson}
        </button>
      </div>
      <p className={styles.note}>{t.exportHelp}</p>
    </div>
  );
}
