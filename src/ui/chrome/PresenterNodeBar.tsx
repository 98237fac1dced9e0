// In presenter mode the side panels are folded away: the teacher's node actions (choose a node,
// kill or restart it, isolate or restore it, fire its election timer) stay at hand on the stage.

import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../store/sim-store';
import { STRINGS as CLUSTER_STRINGS } from '../cluster/strings';
import { useStrings } from '../i18n';
import { setHistoryOnStage, setLogsShown, usePresentStore } from './present-store';
import { CHROME_STRINGS } from './strings';

export function PresenterNodeBar() {
  const t = useStrings(CLUSTER_STRINGS);
  const c = useStrings(CHROME_STRINGS);
  const ids = useSimStore(useShallow((s) => s.snapshot?.nodes.map((n) => n.id) ?? []));
  const selected = useSimStore((s) => s.selectedNode);
  const selectNode = useSimStore((s) => s.selectNode);
  const act = useSimStore((s) => s.act);
  const logsShown = usePresentStore((s) => s.logsShown);
  const historyOnStage = usePresentStore((s) => s.historyOnStage);
  const node = useSimStore(
    useShallow((s) => {
      const n = s.snapshot?.nodes.find((x) => x.id === s.selectedNode);
      if (!s.snapshot || !n) return null;
      return { id: n.id, alive: n.alive, isolated: s.snapshot.network.isolated.includes(n.id) };
    }),
  );
  return (
    <div className="presenter-bar" role="toolbar" aria-label={c.presenterTools}>
      <span role="group" aria-label={t.pickNode} className="presenter-picks">
        {ids.map((id) => (
          <button
            key={id}
            type="button"
            aria-pressed={selected === id}
            aria-label={t.selectNode(id)}
            onClick={() => selectNode(selected === id ? null : id)}
          >
            {id}
          </button>
        ))}
      </span>
      {node ? (
        <>
          <button
            type="button"
            className={node.alive ? 'presenter-danger' : undefined}
            aria-keyshortcuts="K"
            onClick={() => act({ do: node.alive ? 'kill' : 'restart', node: node.id })}
          >
            {node.alive ? t.kill(node.id) : t.restart(node.id)}
          </button>
          <button
            type="button"
            aria-keyshortcuts="I"
            onClick={() => act({ do: node.isolated ? 'restore' : 'isolate', node: node.id })}
          >
            {node.isolated ? t.restore(node.id) : t.isolate(node.id)}
          </button>
          <button type="button" disabled={!node.alive} onClick={() => act({ do: 'timeout', node: node.id })}>
            {t.timeout(node.id)}
          </button>
        </>
      ) : (
        <span className="presenter-hint">{t.pickHint}</span>
      )}
      <button
        type="button"
        className="presenter-logs"
        aria-pressed={logsShown}
        aria-keyshortcuts="G"
        onClick={() => setLogsShown(!logsShown)}
      >
        {c.showLogs}
      </button>
      <button type="button" aria-pressed={historyOnStage} onClick={() => setHistoryOnStage(!historyOnStage)}>
        {c.showHistory}
      </button>
    </div>
  );
}
