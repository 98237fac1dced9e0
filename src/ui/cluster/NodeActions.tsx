// What the teacher can do to one node: kill or restart it, isolate or restore it, force
// its election timeout, or send it a client command. A button that cannot apply says why;
// the worker checks again and answers with a notice if it refuses.

import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NodeId } from '../../raft/types';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { standingOf } from './membership-view';
import styles from './Cluster.module.css';
import { NODE_ACTION_STRINGS } from './node-action-strings';
import { STRINGS } from './strings';

function NodePicker({ ids, selected }: { ids: readonly NodeId[]; selected: NodeId | null }) {
  const selectNode = useSimStore((s) => s.selectNode);
  const t = { ...useStrings(STRINGS), ...useStrings(NODE_ACTION_STRINGS) };
  return (
    <div className={styles.picker} role="group" aria-label={t.pickNode}>
      {ids.map((id) => (
        <button
          key={id}
          type="button"
          className={styles.pick}
          aria-pressed={selected === id}
          aria-label={t.selectNode(id)}
          onClick={() => selectNode(selected === id ? null : id)}
        >
          {id}
        </button>
      ))}
    </div>
  );
}

/** A command to a dead node is allowed on purpose: the class watches the client time out and retry. */
function CommandField({ id, alive }: { id: NodeId; alive: boolean }) {
  const act = useSimStore((s) => s.act);
  const t = { ...useStrings(STRINGS), ...useStrings(NODE_ACTION_STRINGS) };
  const [command, setCommand] = useState('');
  const inputId = `node-command-${id}`;
  const hintId = `${inputId}-hint`;
  const empty = command.trim() === '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (empty) return;
    act({ do: 'submit', command: command.trim(), node: id });
    setCommand('');
  };
  return (
    <form className={styles.command} onSubmit={submit}>
      <label htmlFor={inputId}>{t.commandLabel(id)}</label>
      <input
        id={inputId}
        className={styles.input}
        value={command}
        placeholder={t.commandPlaceholder}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={alive ? undefined : hintId}
        onChange={(e) => setCommand(e.target.value)}
      />
      <button type="submit" className={styles.button} disabled={empty} title={empty ? t.emptyCommand : undefined}>
        {t.send(id)}
      </button>
      {alive ? null : (
        <p id={hintId} className={styles.hint}>
          {t.commandToDead(id)}
        </p>
      )}
    </form>
  );
}

export function NodeActions() {
  const ids = useSimStore(useShallow((s) => s.snapshot?.nodes.map((n) => n.id) ?? []));
  const selected = useSimStore((s) => s.selectedNode);
  const node = useSimStore(
    useShallow((s) => {
      const n = s.snapshot?.nodes.find((x) => x.id === s.selectedNode);
      if (!s.snapshot || !n) return null;
      const network = s.snapshot.network;
      // §6: membership as the configuration the cluster follows says (the frame's, as the ring draws it).
      return {
        member: standingOf(s.snapshot, n.id) === 'voter',
        id: n.id,
        alive: n.alive,
        isolated: network.isolated.includes(n.id),
        cut: network.cutLinks.some((k) => k.startsWith(`${n.id}>`) || k.endsWith(`>${n.id}`)),
      };
    }),
  );
  const act = useSimStore((s) => s.act);
  const t = { ...useStrings(STRINGS), ...useStrings(NODE_ACTION_STRINGS) };

  return (
    <section className={styles.panel} aria-labelledby="node-actions-title">
      <div className={styles.panelHeader}>
        <h2 id="node-actions-title">{t.actionsTitle}</h2>
      </div>
      <NodePicker ids={ids} selected={selected} />
      {!node ? (
        <p className={styles.hint}>{t.pickHint}</p>
      ) : (
        <>
          <div className={styles.actions}>
            {node.alive ? (
              <button
                type="button"
                className={`${styles.button} ${styles.danger}`}
                onClick={() => act({ do: 'kill', node: node.id })}
              >
                {t.kill(node.id)}
              </button>
            ) : (
              <button type="button" className={styles.button} onClick={() => act({ do: 'restart', node: node.id })}>
                {t.restart(node.id)}
              </button>
            )}
            {node.isolated || node.cut ? (
              <button type="button" className={styles.button} onClick={() => act({ do: 'restore', node: node.id })}>
                {t.restore(node.id)}
              </button>
            ) : (
              <button type="button" className={styles.button} onClick={() => act({ do: 'isolate', node: node.id })}>
                {t.isolate(node.id)}
              </button>
            )}
            <button
              type="button"
              className={styles.button}
              disabled={!node.alive}
              title={node.alive ? undefined : t.isDown(node.id)}
              aria-describedby={node.alive ? undefined : `node-${node.id}-down`}
              onClick={() => act({ do: 'timeout', node: node.id })}
            >
              {t.timeout(node.id)}
            </button>
            <button
              type="button"
              className={styles.button}
              onClick={() => act(node.member ? { do: 'change', remove: [node.id] } : { do: 'change', add: [node.id] })}
            >
              {node.member ? t.removeFromCluster(node.id) : t.addToCluster(node.id)}
            </button>
            <button
              type="button"
              className={styles.button}
              disabled={!node.alive}
              title={t.transferHelp}
              onClick={() => act({ do: 'transfer', to: node.id })}
            >
              {t.transferHere(node.id)}
            </button>
          </div>
          {!node.alive && (
            <p id={`node-${node.id}-down`} className={styles.reason}>
              {t.isDown(node.id)}
            </p>
          )}
          <CommandField key={node.id} id={node.id} alive={node.alive} />
        </>
      )}
    </section>
  );
}
