import { useState, type ReactNode, type SyntheticEvent } from 'react';
import styles from './Settings.module.css';

/** Which sections the teacher opened or closed: they stay so when the Settings tab is left and opened again. */
const remembered = new Map<string, boolean>();

/** One collapsible group of settings (a native <details>: keyboard and screen readers know it). */
export function Section(props: {
  /** A stable name to remember the section by (its title changes with the language). */
  readonly name: string;
  readonly title: ReactNode;
  /** Open the first time it is shown. */
  readonly open?: boolean;
  readonly tone?: 'warning';
  readonly children: ReactNode;
}) {
  const [open, setOpen] = useState(() => remembered.get(props.name) ?? props.open ?? false);
  const onToggle = (e: SyntheticEvent<HTMLDetailsElement>): void => {
    const now = e.currentTarget.open;
    remembered.set(props.name, now);
    setOpen(now);
  };
  return (
    <details
      className={props.tone === 'warning' ? styles.sectionWarning : styles.section}
      open={open}
      onToggle={onToggle}
    >
      <summary className={styles.summary}>{props.title}</summary>
      <div className={styles.body}>{props.children}</div>
    </details>
  );
}
