import type { ReactNode } from 'react';
import styles from './Settings.module.css';

/** One collapsible group of settings (a native <details>: keyboard and screen readers know it). */
export function Section(props: {
  readonly title: ReactNode;
  readonly open?: boolean;
  readonly tone?: 'warning';
  readonly children: ReactNode;
}) {
  return (
    <details className={props.tone === 'warning' ? styles.sectionWarning : styles.section} open={props.open}>
      <summary className={styles.summary}>{props.title}</summary>
      <div className={styles.body}>{props.children}</div>
    </details>
  );
}
