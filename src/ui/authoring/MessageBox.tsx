import styles from './Authoring.module.css';

/** What the panel tells the teacher after an action: a success, or an error with the fields it names. */
export type Message = { readonly tone: 'ok' | 'error'; readonly text: string; readonly details?: readonly string[] };

export function MessageBox({ message }: { readonly message: Message }) {
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
