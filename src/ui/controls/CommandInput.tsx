// The client: type a command, send it to the cluster; malformed text is refused at once,
// in the chosen language, before anything reaches the simulation.

import { useEffect, useId, useState, type FormEvent } from 'react';
import { COMMAND_EXAMPLES } from '../../raft/kv';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { refusalOf, type Refusal } from './command-refusal';
import styles from './Controls.module.css';
import { CONTROL_STRINGS } from './strings';

const MAX_COMMAND_LENGTH = 200;
/** How long "Sent …" stays: on a laptop it lies over the side panel's tabs. */
const SENT_SHOWN_MS = 4000;

export function CommandInput() {
  const t = useStrings(CONTROL_STRINGS);
  const act = useSimStore((s) => s.act);
  const [text, setText] = useState('');
  // Refusals show only after a first try, then follow the text as it is corrected.
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const inputId = useId();
  const messageId = useId();
  const listId = useId();

  const refusal: Refusal | null = tried ? refusalOf(text) : null;

  useEffect(() => {
    if (sent === null) return;
    const timer = setTimeout(() => setSent(null), SENT_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [sent]);

  const submit = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const command = text.trim().split(/\s+/).join(' ');
    if (refusalOf(command) !== null) {
      setTried(true);
      setSent(null);
      return;
    }
    act({ do: 'submit', command });
    setSent(command);
    setTried(false);
    setText('');
  };

  return (
    <form className={styles.command} onSubmit={submit} noValidate>
      <div className={styles.commandRow}>
        <label htmlFor={inputId} className={styles.commandLabel}>
          {t.commandLabel}
        </label>
        <input
          id={inputId}
          type="text"
          className={styles.commandField}
          value={text}
          maxLength={MAX_COMMAND_LENGTH}
          placeholder={t.commandPlaceholder}
          list={listId}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={refusal !== null}
          aria-describedby={messageId}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setSent(null);
          }}
        />
        <datalist id={listId}>
          {COMMAND_EXAMPLES.map((example) => (
            <option key={example} value={example} />
          ))}
        </datalist>
        <button type="submit" className={styles.primary}>
          {t.submit}
        </button>
      </div>
      <div className={styles.commandFoot}>
        {/* A message takes the examples' place, so the toolbar never grows a line. */}
        <div className={styles.examples} data-examples hidden={refusal !== null || sent !== null}>
          <span className={styles.examplesLabel}>{t.examples}:</span>
          {COMMAND_EXAMPLES.map((example) => (
            <button
              key={example}
              type="button"
              className={styles.example}
              aria-label={t.useExample(example)}
              onClick={() => {
                setText(example);
                setTried(false);
                setSent(null);
              }}
            >
              <code>{example}</code>
            </button>
          ))}
        </div>
        <p id={messageId} className={refusal ? styles.refusal : styles.sent} aria-live="polite">
          {refusal ? t.refusal(refusal) : sent !== null ? t.sent(sent) : ''}
        </p>
      </div>
    </form>
  );
}
