// One node on the ring: role by colour AND by outline, label and crown; the term large;
// whom it voted for, or, as a candidate, who granted and who refused its vote; a cross
// when it is down and a dashed barrier when it is isolated; apart from the ring, a dashed
// outline and its standing (spare or learner, §6), a learner with its catch-up. It reads all of
// this from the snapshot and decides nothing.

import { memo, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NodeId } from '../../raft/types';
import { useSimStore } from '../../store/sim-store';
import { showTab } from '../chrome/side-store';
import { useStrings } from '../i18n';
import { inkOn, ROLE_COLOR, termInk } from '../theme';
import { ElectionTimerArc } from './ElectionTimerArc';
import type { NodeMetrics } from './geometry';
import { learnerProgressOf, standingOf } from './membership-view';
import { MEMBERSHIP_STRINGS, type Standing } from './membership-strings';
import { useMotionParts } from './motion-context';
import styles from './Cluster.module.css';
import { STRINGS, type NodeStatus } from './strings';

interface NodeView {
  readonly status: NodeStatus;
  readonly term: number;
  readonly votedFor: NodeId | null;
  /** Node ids joined by spaces, so the selection stays a flat, comparable record. */
  readonly granted: string;
  readonly refused: string;
  readonly isolated: boolean;
  readonly selected: boolean;
  /** Reads waiting here (thesis §6.4): how many, and the read index or round the first waits for. */
  readonly readsWaiting: number;
  readonly readWait: string;
  /** A leader handing over (§3.10): to whom; "" otherwise. */
  readonly transferTo: string;
  readonly clockRate: number;
  /** Its place in the configuration the cluster follows (§6). */
  readonly standing: Standing;
  /** A learner's catch-up (dissertation §4.2.1): the leader's matchIndex for it and its last index; -1 when none. */
  readonly catchUpMatch: number;
  readonly catchUpLast: number;
  readonly caughtUp: boolean;
}

function selectNodeView(id: NodeId) {
  return (s: ReturnType<typeof useSimStore.getState>): NodeView | null => {
    const node = s.snapshot?.nodes.find((n) => n.id === id);
    if (!s.snapshot || !node) return null;
    const status: NodeStatus = node.alive ? node.role : 'down';
    const progress = learnerProgressOf(s.snapshot, id);
    return {
      status,
      term: node.currentTerm,
      votedFor: node.votedFor,
      granted: node.votesGranted.join(' '),
      refused: node.votesRefused.join(' '),
      isolated: s.snapshot.network.isolated.includes(id),
      selected: s.selectedNode === id,
      readsWaiting: node.reads?.pending.length ?? 0,
      readWait: readWaitOf(node.reads?.pending[0]),
      transferTo: node.transfer?.to ?? '',
      clockRate: node.clockRate,
      standing: standingOf(s.snapshot, id),
      catchUpMatch: progress?.matchIndex ?? -1,
      catchUpLast: progress?.lastIndex ?? -1,
      caughtUp: progress?.caughtUp ?? false,
    };
  };
}

type PendingRead = NonNullable<
  NonNullable<ReturnType<typeof useSimStore.getState>['snapshot']>['nodes'][number]['reads']
>['pending'][number];

/** What the first waiting read waits for, in the engine's own terms: its round, or its read index. */
function readWaitOf(read: PendingRead | undefined): string {
  if (read === undefined) return '';
  if (read.readIndex === null) return 'idx?';
  return read.round > 0 ? `r${read.round}` : `≥${read.readIndex}`;
}

const STATUS_COLOR: Record<NodeStatus, string> = {
  follower: ROLE_COLOR.follower,
  candidate: ROLE_COLOR.candidate,
  preCandidate: ROLE_COLOR.candidate,
  leader: ROLE_COLOR.leader,
  down: ROLE_COLOR.dead,
};

/** Outline per role, so the role reads without colour: solid, dashed, dotted, double. */
const STATUS_DASH: Record<NodeStatus, string | undefined> = {
  follower: undefined,
  candidate: '16 7',
  preCandidate: '3 7',
  leader: undefined,
  down: '2 5',
};

function Crown({ y, size }: { y: number; size: number }) {
  // A three-point crown sitting on top of the node.
  return (
    <path
      className={styles.crown}
      transform={`translate(0 ${y}) scale(${size.toFixed(2)})`}
      d="M-24,0 L-28,-26 L-13,-13 L0,-32 L13,-13 L28,-26 L24,0 Z"
    />
  );
}

/** How a node is pointed out: named by a safety violation (now: at this very instant), or a lesson's focus. */
export interface NodeMarks {
  readonly violation?: 'now' | 'past';
  readonly focus?: boolean;
}

export const NodeBadge = memo(function NodeBadge({
  id,
  x,
  y,
  metrics: mt,
  violation,
  focus = false,
}: {
  id: NodeId;
  x: number;
  y: number;
  /** Sizes and places of the circle and its texts (geometry.ts's nodeMetrics). */
  metrics: NodeMetrics;
} & NodeMarks) {
  const view = useSimStore(useShallow(selectNodeView(id)));
  const selectNode = useSimStore((s) => s.selectNode);
  const t = useStrings(STRINGS);
  const ms = useStrings(MEMBERSHIP_STRINGS);
  // Until motion has loaded (after the first frame), the badge is drawn without its entry animation.
  const motion = useMotionParts();
  if (!view) return null;

  const { status, term, isolated, selected } = view;
  const color = STATUS_COLOR[status];
  const down = status === 'down';
  const voting = status === 'candidate' || status === 'preCandidate';
  // Choosing a node opens its details, also when it was already the chosen one.
  const choose = (): void => {
    selectNode(id);
    showTab('node');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose();
    }
  };
  const r = mt.r;
  const apart = view.standing !== 'voter';
  const catchingUp = view.catchUpLast >= 0;
  // Apart from the ring, the pill says the standing too; a plain follower there is just "Learner" or "Spare".
  const pillText = apart
    ? ms.pill(status === 'follower' ? null : t.statusLabel(status), view.standing)
    : t.statusLabel(status);
  const plainApart = apart && status === 'follower';
  const pillWidth = mt.pillWidth(pillText.length);
  const catchUp = ms.catchUp(view.catchUpMatch, view.catchUpLast, view.caughtUp);
  const name =
    t.nodeName(id, status, term, isolated) +
    (apart ? `, ${ms.standing(view.standing)}` : '') +
    (catchingUp ? ` (${ms.catchUpName(view.catchUpMatch, view.catchUpLast, view.caughtUp)})` : '');
  const px = (size: number) => ({ fontSize: `${size.toFixed(1)}px` });
  const crown = <Crown y={-r + 4} size={r / 80} />;
  const pill = (
    <>
      <rect
        className={styles.rolePill}
        x={-pillWidth / 2}
        y={mt.pillTop}
        width={pillWidth}
        height={mt.pillHeight}
        rx={mt.pillHeight / 2}
        fill={plainApart ? '#ffffff' : color}
        stroke={plainApart ? color : undefined}
        strokeWidth={plainApart ? 2 : undefined}
        strokeDasharray={plainApart ? '6 4' : undefined}
      />
      <text
        className={styles.roleText}
        y={mt.pillTextY}
        textAnchor="middle"
        style={{ ...px(mt.roleSize), fill: plainApart ? '#1e293b' : inkOn(color) }}
      >
        {pillText}
      </text>
    </>
  );

  return (
    <g
      className={styles.node}
      transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}
      role="button"
      tabIndex={0}
      aria-label={name}
      aria-pressed={selected}
      data-status={status}
      data-standing={view.standing}
      data-violation={violation}
      data-focus={focus || undefined}
      onClick={choose}
      onKeyDown={onKeyDown}
    >
      {focus && <circle className={styles.lessonFocus} r={r + 24} />}
      <circle className={styles.focusRing} r={r + 17} />
      {selected && <circle className={styles.selectedRing} r={r + 17} />}
      {isolated && (
        <g className={styles.isolation}>
          <circle r={r + 26} />
          <text y={mt.isolationY} textAnchor="middle" style={px(mt.captionSize)}>
            ✂ {t.isolated}
          </text>
        </g>
      )}
      {apart && <circle className={styles.apartOutline} r={r + 20} />}
      <ElectionTimerArc id={id} radius={r} />
      <NodeNotes view={view} r={r} size={mt.captionSize} />
      <circle
        className={styles.nodeBody}
        r={r}
        fill={down ? '#eceef1' : '#ffffff'}
        stroke={color}
        strokeWidth={status === 'leader' ? 7 : 6}
        strokeDasharray={STATUS_DASH[status]}
      />
      {status === 'leader' && <circle r={r - 8} fill="none" stroke={color} strokeWidth={2.5} />}
      <text
        className={styles.nodeLetter}
        y={mt.letterY}
        textAnchor="middle"
        fill={down ? '#4b5563' : '#0f172a'}
        style={px(mt.letterSize)}
      >
        {id}
      </text>
      <text className={styles.nodeTerm} y={mt.termY} textAnchor="middle" style={px(mt.numberSize)}>
        <tspan className={styles.termCaption} dx={0} style={px(mt.captionSize)}>
          {t.term}{' '}
        </tspan>
        <tspan fill={down ? '#4b5563' : termInk(term)}>{term}</tspan>
      </text>
      {down && (
        <g className={styles.cross}>
          <line x1={-r * 0.72} y1={-r * 0.72} x2={r * 0.72} y2={r * 0.72} />
          <line x1={r * 0.72} y1={-r * 0.72} x2={-r * 0.72} y2={r * 0.72} />
        </g>
      )}
      {status === 'leader' &&
        (motion ? (
          <motion.m.g key="crown" initial={{ scale: 0.4, opacity: 0 }} animate={{ scale: 1, opacity: 1 }}>
            {crown}
          </motion.m.g>
        ) : (
          <g key="crown">{crown}</g>
        ))}
      {motion ? (
        <motion.m.g
          key={`${status}-${view.standing}`}
          initial={{ opacity: 0, y: -6 }}
          animate={{ opacity: 1, y: 0 }}
          transition={{ duration: 0.25 }}
        >
          {pill}
        </motion.m.g>
      ) : (
        <g key={`${status}-${view.standing}`}>{pill}</g>
      )}
      {violation && (
        <g className={violation === 'now' ? styles.violationNow : styles.violation} aria-hidden="true">
          <circle r={r + 12} />
          <g transform={`translate(${(r * 0.78).toFixed(1)} ${(-r * 0.78).toFixed(1)})`}>
            <circle className={styles.violationBadge} r={17} />
            <text y={8} textAnchor="middle">
              !
            </text>
          </g>
          <text
            className={styles.violationText}
            y={mt.violationY(isolated)}
            textAnchor="middle"
            style={px(mt.captionSize * 1.1)}
          >
            ✗ {t.violation}
          </text>
        </g>
      )}
      {catchingUp && !voting ? (
        <text className={styles.catchUp} y={mt.tallyY} textAnchor="middle" style={px(mt.tallySize)}>
          {catchUp}
        </text>
      ) : voting ? (
        <text className={styles.tally} y={mt.tallyY} textAnchor="middle" style={px(mt.tallySize)}>
          <tspan className={styles.granted}>✓ {view.granted || '–'}</tspan>
          <tspan dx={10} className={styles.refused}>
            ✗ {view.refused || '–'}
          </tspan>
        </text>
      ) : (
        view.votedFor !== null && (
          <text className={styles.votedFor} y={mt.tallyY} textAnchor="middle" style={px(mt.tallySize)}>
            {t.votedFor(view.votedFor)}
          </text>
        )
      )}
    </g>
  );
});

/** Small notes beside a node: a read waiting here, a transfer under way, a clock not at real time. */
function NodeNotes({ view, r, size }: { view: NodeView; r: number; size: number }) {
  const t = useStrings(STRINGS);
  const notes: string[] = [];
  if (view.readsWaiting > 0) notes.push(t.readsWaiting(view.readsWaiting, view.readWait));
  if (view.transferTo !== '') notes.push(t.transferringTo(view.transferTo));
  if (view.clockRate !== 1) notes.push(t.clockRate(view.clockRate));
  if (notes.length === 0) return null;
  return (
    <text className={styles.nodeNotes} x={r + 12} y={-r * 0.5} style={{ fontSize: `${size}px` }}>
      {notes.map((note, i) => (
        <tspan key={note} x={r + 12} dy={i === 0 ? 0 : size * 1.2}>
          {note}
        </tspan>
      ))}
    </text>
  );
}
