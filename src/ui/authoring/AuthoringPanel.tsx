// Teacher authoring: record a run (play and act; the history keeps every action with its time),
// capture it, edit its actions, add pause points with captions, name it, then save it in this
// browser, export it as files, import files, share it as a link or play it as a lesson.

import { useEffect, useId, useLayoutEffect, useState, type ReactNode } from 'react';
import { ownLessonOf, pauseAtInstant } from '../../scenario/own-lesson';
import { MAX_FILE_BYTES, MAX_TIME } from '../../scenario/bounds';
import { encodeCheckedLink } from '../../scenario/url';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { openLesson } from '../lessons/lesson-store';
import { writeClipboard } from '../share/clipboard';
import { pageAddress } from '../share/share-link';
import { useModalDialog } from '../use-modal-dialog';
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
  scenarioFile,
  setActionTime,
  updateBeat,
  type Draft,
} from './draft';
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

type Message = { readonly tone: 'ok' | 'error'; readonly text: string; readonly details?: readonly string[] };

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

/** Asks before the draft with unsaved changes is replaced (by an import, or a saved lesson opened to edit). */
function ConfirmReplace({
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

/**
 * Rows of the action list drawn at once: a recorded or imported run may hold 10,000 actions, and
 * drawing a row (with its time field) for each would hold the page for seconds. Longer lists are paged.
 */
export const ACTION_PAGE = 50;

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

function DraftEditor({ draft, now, onChange, onSave, onInvalid, onCannotWrite, onLink }: EditorProps) {
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

/** First, previous, next and last page of the action list, where it is, and a page number to go to. */
function ActionPager({
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

/** A time as the editor shows it: to 0.1 ms (a recorded action's time carries float noise, 1560.8559999998138). */
export function shownTime(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** A time field that applies its value on Enter or when it loses focus (the list re-sorts then, not while typing). */
function TimeInput({
  label,
  value,
  refuse,
  onCommit,
}: {
  readonly label: string;
  readonly value: number;
  /** Why this time cannot be taken (it names the field), or null. */
  readonly refuse?: (at: number) => string | null;
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
    // The field shows the time rounded: unchanged, it keeps the exact time it stands for.
    if (at === shownTime(value)) return;
    const refused = refuse?.(at) ?? null;
    if (refused !== null) {
      input.value = String(shownTime(value));
      input.setCustomValidity(refused);
      input.reportValidity();
      return;
    }
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
      step="any"
      className={styles.time}
      aria-label={label}
      title={t.timeRange(MAX_TIME)}
      defaultValue={shownTime(value)}
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
