// Teacher authoring: record a run (play and act; the history keeps every action with its time),
// capture it, edit its actions, add pause points with captions, name it, then save it in this
// browser, export it as files, import files, share it as a link or play it as a lesson.

import { useId, useState, type ReactNode } from 'react';
import { ownLessonOf } from '../../scenario/own-lesson';
import { MAX_FILE_BYTES, MAX_TIME } from '../../scenario/bounds';
import { encodeCheckedLink } from '../../scenario/url';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { openLesson } from '../lessons/lesson-store';
import { writeClipboard } from '../share/clipboard';
import { pageAddress } from '../share/share-link';
import styles from './Authoring.module.css';
import { setAuthoringOpen, useAuthoringStore } from './authoring-store';

export { AuthoringButton } from './AuthoringButton';
import {
  addBeat,
  deleteAction,
  deleteBeat,
  describeAction,
  draftFromRun,
  draftLesson,
  lessonFile,
  checkWritten,
  readImport,
  scenarioFile,
  setActionTime,
  updateBeat,
  type Draft,
} from './draft';
import { downloadText, fileStem } from './download';
import { deleteSaved, listSaved, saveDraft, type SavedLesson } from './saved-lessons';
import { AUTHORING_STRINGS } from './strings';

type Message = { readonly tone: 'ok' | 'error'; readonly text: string; readonly details?: readonly string[] };

export function AuthoringPanel() {
  const open = useAuthoringStore((s) => s.open);
  return open ? <Authoring /> : null;
}

function Authoring() {
  const t = useStrings(AUTHORING_STRINGS);
  const id = useId();
  const now = useSimStore((s) => Math.round(s.snapshot?.time ?? 0));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [saved, setSaved] = useState<SavedLesson[]>(listSaved);
  const [manualLink, setManualLink] = useState<string | null>(null);

  const startRecording = (): void => {
    const sim = useSimStore.getState();
    sim.load(sim.scenario);
    sim.play();
    setMessage(null);
  };

  const capture = async (): Promise<void> => {
    const sim = useSimStore.getState();
    sim.pause();
    const { scenario } = await sim.exportScenario();
    setDraft((d) => (d ? { ...d, scenario } : draftFromRun(scenario)));
    setMessage(null);
  };

  const importFile = async (file: File): Promise<void> => {
    // Refused by its size before it is read: parsing a huge file would block the page.
    if (file.size > MAX_FILE_BYTES) {
      setMessage({
        tone: 'error',
        text: t.importFailed(file.name),
        details: [t.fileTooLarge(file.size, MAX_FILE_BYTES)],
      });
      return;
    }
    const result = readImport(
      await file.text(),
      file.name.replace(/\.json$/i, '').replace(/\.(lesson|scenario)$/i, ''),
    );
    if (result.ok) {
      setDraft(result.draft);
      setMessage({ tone: 'ok', text: t.imported(file.name) });
    } else {
      setMessage({ tone: 'error', text: t.importFailed(file.name), details: result.errors });
    }
  };

  return (
    <section id="authoring-panel" className={styles.panel} aria-labelledby={`${id}-title`}>
      <div className={styles.head}>
        <h2 id={`${id}-title`} className={styles.title}>
          {t.title}
        </h2>
        <button type="button" onClick={() => setAuthoringOpen(false)}>
          {t.close}
        </button>
      </div>
      <p className={styles.note}>{t.recordHelp}</p>
      <div className={styles.row}>
        <button type="button" onClick={startRecording}>
          <span aria-hidden="true">● </span>
          {t.startRecording}
        </button>
        <button type="button" className={styles.primary} title={t.captureHint} onClick={() => void capture()}>
          {t.capture}
        </button>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-import`}>{t.importFile}</label>
        <input
          id={`${id}-import`}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>

      {message ? <MessageBox message={message} /> : null}

      {draft ? (
        <DraftEditor
          draft={draft}
          now={now}
          onChange={setDraft}
          onSaved={(name, ok) => {
            setSaved(listSaved());
            setMessage(ok ? { tone: 'ok', text: t.saved(name) } : { tone: 'error', text: t.saveFailed });
          }}
          onInvalid={(errors) => setMessage({ tone: 'error', text: t.invalid, details: errors })}
          onCannotWrite={(errors) => setMessage({ tone: 'error', text: t.cannotWrite, details: errors })}
          onLink={(link, copied) => {
            setManualLink(copied ? null : link);
            if (copied) setMessage({ tone: 'ok', text: t.linkCopied(link.length) });
          }}
        />
      ) : null}

      {manualLink !== null ? (
        <div className={styles.field}>
          <label htmlFor={`${id}-link`}>{t.copyByHand(manualLink.length)}</label>
          <input id={`${id}-link`} type="text" readOnly value={manualLink} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}

      <h3 className={styles.subtitle}>{t.savedLessons}</h3>
      {saved.length === 0 ? <p className={styles.note}>{t.noSaved}</p> : null}
      <ul className={styles.savedList}>
        {saved.map((s) => (
          <li key={s.name} className={styles.savedItem}>
            <span className={styles.savedName}>{s.name}</span>
            <button
              type="button"
              aria-label={t.playSaved(s.name)}
              onClick={() => {
                const error = openLesson(draftLesson(s.draft));
                if (error !== null) setMessage({ tone: 'error', text: t.invalid, details: [error] });
              }}
            >
              {t.play}
            </button>
            <button type="button" aria-label={t.editSaved(s.name)} onClick={() => setDraft(s.draft)}>
              {t.edit}
            </button>
            <button
              type="button"
              aria-label={t.deleteSaved(s.name)}
              onClick={() => {
                deleteSaved(s.name);
                setSaved(listSaved());
              }}
            >
              {t.delete}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MessageBox({ message }: { readonly message: Message }) {
  return (
    <div
      className={message.tone === 'error' ? styles.error : styles.ok}
      role={message.tone === 'error' ? 'alert' : 'status'}
    >
      <p>{message.text}</p>
      {message.details && message.details.length > 0 ? (
        <ul>
          {message.details.map((d, i) => (
            <li key={i}>
              <code>{d}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

interface EditorProps {
  readonly draft: Draft;
  readonly now: number;
  readonly onChange: (draft: Draft) => void;
  readonly onSaved: (name: string, ok: boolean) => void;
  readonly onInvalid: (errors: string[]) => void;
  /** A link or file this app would refuse to read back: it is not written. */
  readonly onCannotWrite: (errors: string[]) => void;
  readonly onLink: (link: string, copied: boolean) => void;
}

function DraftEditor({ draft, now, onChange, onSaved, onInvalid, onCannotWrite, onLink }: EditorProps) {
  const t = useStrings(AUTHORING_STRINGS);
  const id = useId();
  const [edited, setEdited] = useState(false);
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
      {draft.scenario.actions.length === 0 ? <p className={styles.note}>{t.noActions}</p> : null}
      {draft.scenario.actions.length > 0 ? (
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
            {draft.scenario.actions.map((action, i) => {
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
        <button type="button" onClick={() => onChange(addBeat(draft, now))}>
          {t.addPause(now)}
        </button>
      </div>

      <div className={styles.row}>
        <button type="button" className={styles.primary} onClick={tryIt}>
          <span aria-hidden="true">▶ </span>
          {t.tryIt}
        </button>
        <button type="button" onClick={() => onSaved(name, saveDraft({ ...draft, name }))}>
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

/** A time field that applies its value on Enter or when it loses focus (the list re-sorts then, not while typing). */
function TimeInput({
  label,
  value,
  onCommit,
}: {
  readonly label: string;
  readonly value: number;
  readonly onCommit: (at: number) => void;
}) {
  const t = useStrings(AUTHORING_STRINGS);
  // Every time of a scenario is at most a day (README, "Bounds"): a later one is brought back to it, visibly.
  const commit = (input: HTMLInputElement): void => {
    const text = input.value;
    const typed = Number(text);
    if (text.trim() === '' || !Number.isFinite(typed) || typed < 0) return;
    const at = Math.min(typed, MAX_TIME);
    input.setCustomValidity('');
    if (at !== typed) {
      input.value = String(at);
      input.setCustomValidity(t.timeClamped(MAX_TIME));
      input.reportValidity();
    }
    if (at !== value) onCommit(at);
  };
  return (
    <input
      type="number"
      min={0}
      max={MAX_TIME}
      step={1}
      className={styles.time}
      aria-label={label}
      title={t.timeRange(MAX_TIME)}
      defaultValue={value}
      onBlur={(e) => commit(e.currentTarget)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget);
      }}
    />
  );
}

function CaptionField({
  label,
  lang,
  value,
  onChange,
}: {
  readonly label: string;
  readonly lang: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
}): ReactNode {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        lang={lang}
        rows={2}
        maxLength={2000}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </div>
  );
}
