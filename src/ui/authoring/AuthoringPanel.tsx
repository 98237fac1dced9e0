// Teacher authoring: record a run (play and act; the history keeps every action with its time),
// capture it, edit its actions, add pause points with captions, name it, then save it in this
// browser, export it as files, import files, share it as a link or play it as a lesson.

import { useEffect, useId, useLayoutEffect, useState } from 'react';
import { MAX_FILE_BYTES } from '../../scenario/bounds';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { openLesson } from '../lessons/lesson-store';
import styles from './Authoring.module.css';
import { ConfirmReplace } from './ConfirmReplace';
import { DraftEditor } from './DraftEditor';
import { MessageBox, type Message } from './MessageBox';
import { setAuthoringOpen, useAuthoringStore } from './authoring-store';

export { AuthoringButton } from './AuthoringButton';
import { draftFromRun, draftLesson, type Draft } from './draft';
import { restoreDraftOnce, startDraftAutosave } from './draft-autosave';
import { downloadText, fileStem } from './download';
import { prepareImportReader, readImportAsync, readStoredDraftAsync } from './read-import-async';
import {
  deleteSaved,
  formatSavedTime,
  listSavedEntries,
  saveLesson,
  savedLabels,
  type SavedEntry,
  type SavedLesson,
  type UnreadableLesson,
} from './saved-lessons';
import { AUTHORING_STRINGS } from './strings';

// Every change to the draft is written to this browser (debounced) from the moment authoring loads.
startDraftAutosave();

/** A draft about to replace the one being edited, waiting for the teacher to confirm. */
interface Replacement {
  readonly draft: Draft;
  readonly entry: string | null;
  readonly unsaved: boolean;
  readonly message: Message | null;
}

export function AuthoringPanel() {
  const open = useAuthoringStore((s) => s.open);
  return open ? <Authoring /> : null;
}

/** Edits the draft in the store (which outlives the panel); every edit is an unsaved change. */
function setDraft(draft: Draft): void {
  useAuthoringStore.setState({ draft, unsaved: true });
}

function Authoring() {
  // The draft autosaved before a reload comes back once per page, before the first paint. Not during
  // render: restoring writes the store, which other components (the toolbar's button) read.
  // A large draft is read by the import worker; until it is back, nothing may replace it.
  useLayoutEffect(() => void restoreDraftOnce(readStoredDraftAsync), []);
  const restored = useAuthoringStore((s) => s.restored);
  const t = useStrings(AUTHORING_STRINGS);
  const lang = useSimStore((s) => s.lang);
  const id = useId();
  const now = useSimStore((s) => Math.round(s.snapshot?.time ?? 0));
  const draft = useAuthoringStore((s) => s.draft);
  const entry = useAuthoringStore((s) => s.entry);
  const [message, setMessage] = useState<Message | null>(null);
  // Said until the panel closes or another message takes its place.
  const justRestored = useAuthoringStore((s) => s.justRestored);
  const [saved, setSaved] = useState<SavedEntry[]>(listSavedEntries);
  const [manualLink, setManualLink] = useState<string | null>(null);
  const [pending, setPending] = useState<Replacement | null>(null);
  // Counts drafts that replaced the one being edited: a new one opens on the first page of its actions.
  const [generation, setGeneration] = useState(0);
  // The import worker loads and warms up while the teacher is still choosing a file: once the page is
  // idle (not in the same instant as the simulation's own worker starting), or as soon as the file
  // field is reached, whichever comes first.
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(prepareImportReader, { timeout: 2000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(prepareImportReader, 500);
    return () => clearTimeout(timer);
  }, []);

  const lessons = saved.filter((e): e is SavedLesson => e.kind === 'lesson');
  const unreadable = saved.filter((e): e is UnreadableLesson => e.kind === 'unreadable');
  const labels = savedLabels(lessons, (ms) => formatSavedTime(ms, lang));

  /** Replaces the draft, after asking if the one being edited has unsaved changes. */
  const replaceDraft = (next: Replacement): void => {
    const current = useAuthoringStore.getState();
    if (current.draft !== null && current.unsaved) {
      setMessage(null);
      return setPending(next);
    }
    apply(next);
  };
  const apply = (next: Replacement): void => {
    useAuthoringStore.setState({ draft: next.draft, entry: next.entry, unsaved: next.unsaved });
    setGeneration((n) => n + 1);
    setMessage(next.message);
  };

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
    // The run replaces the draft's actions; its name and pause points stay.
    const current = useAuthoringStore.getState().draft;
    setDraft(current ? { ...current, scenario } : draftFromRun(scenario));
    setGeneration((n) => n + 1);
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
    setMessage({ tone: 'ok', text: t.importing(file.name) });
    const result = await readImportAsync(
      await file.text(),
      file.name.replace(/\.json$/i, '').replace(/\.(lesson|scenario)$/i, ''),
    );
    if (result.ok) {
      replaceDraft({
        draft: result.draft,
        entry: null,
        unsaved: true,
        message: { tone: 'ok', text: t.imported(file.name) },
      });
    } else {
      setMessage({ tone: 'error', text: t.importFailed(file.name), details: result.errors });
    }
  };

  const save = (name: string): void => {
    const current = useAuthoringStore.getState();
    if (!current.draft) return;
    const result = saveLesson({ ...current.draft, name }, current.entry);
    if (result.ok) useAuthoringStore.setState({ entry: result.key, unsaved: false });
    setSaved(listSavedEntries());
    setMessage(result.ok ? { tone: 'ok', text: t.saved(name) } : { tone: 'error', text: t.saveFailed });
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
        <button
          type="button"
          className={styles.primary}
          title={t.captureHint}
          disabled={!restored}
          onClick={() => void capture()}
        >
          {t.capture}
        </button>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-import`}>{t.importFile}</label>
        <input
          id={`${id}-import`}
          type="file"
          accept=".json,application/json"
          disabled={!restored}
          onPointerDown={prepareImportReader}
          onFocus={prepareImportReader}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>

      {message ? <MessageBox message={message} /> : null}
      {message === null && justRestored ? <MessageBox message={{ tone: 'ok', text: t.draftRestored }} /> : null}
      {restored ? null : <MessageBox message={{ tone: 'ok', text: t.restoringDraft }} />}

      {draft ? (
        <DraftEditor
          key={generation}
          draft={draft}
          now={now}
          onChange={setDraft}
          onSave={save}
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
        {lessons.map((s) => {
          const label = labels.get(s.key) ?? s.name;
          return (
            <li key={s.key} className={styles.savedItem}>
              <span className={styles.savedName}>
                {label}
                {s.savedAt !== null && label === s.name ? (
                  <span className={styles.savedWhen}> · {t.savedAt(formatSavedTime(s.savedAt, lang))}</span>
                ) : null}
              </span>
              <button
                type="button"
                aria-label={t.playSaved(label)}
                onClick={() => {
                  const error = openLesson(draftLesson(s.draft));
                  if (error !== null) setMessage({ tone: 'error', text: t.invalid, details: [error] });
                }}
              >
                {t.play}
              </button>
              <button
                type="button"
                aria-label={t.editSaved(label)}
                disabled={!restored}
                onClick={() => replaceDraft({ draft: s.draft, entry: s.key, unsaved: false, message: null })}
              >
                {t.edit}
              </button>
              <button
                type="button"
                aria-label={t.deleteSaved(label)}
                onClick={() => {
                  deleteSaved(s.key);
                  // The draft it was opened from is gone: saving it again makes a new entry.
                  if (entry === s.key) useAuthoringStore.setState({ entry: null, unsaved: true });
                  setSaved(listSavedEntries());
                }}
              >
                {t.delete}
              </button>
            </li>
          );
        })}
      </ul>
      {unreadable.length > 0 ? (
        <>
          <h4 className={styles.subtitle}>{t.unreadableTitle}</h4>
          <p className={styles.note}>{t.unreadableHelp}</p>
          <ul className={styles.savedList}>
            {unreadable.map((u) => {
              const label = u.name ?? u.key.slice(u.key.lastIndexOf('.') + 1);
              return (
                <li key={u.key} className={styles.savedItem}>
                  <span className={styles.savedName}>
                    {t.unreadableItem(label)} <code className={styles.reason}>{u.reason}</code>
                  </span>
                  <button
                    type="button"
                    aria-label={t.exportRawLabel(label)}
                    onClick={() => downloadText(`${fileStem(label)}.unreadable.json`, u.raw)}
                  >
                    {t.exportRaw}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}

      <ConfirmReplace
        open={pending !== null}
        name={draft?.name.trim() || t.untitled}
        onConfirm={() => {
          if (pending) apply(pending);
          setPending(null);
        }}
        onCancel={() => setPending(null)}
      />
    </section>
  );
}
