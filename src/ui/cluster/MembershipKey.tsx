// The key to the membership marks on the ring, shown only while there is something to explain:
// servers apart from the ring (dashed: no vote) and a joint configuration's two voter sets.

import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { ringSplit } from './membership-view';
import { MEMBERSHIP_STRINGS } from './membership-strings';
import { SET_COLOR } from './QuorumOutlines';
import styles from './Cluster.module.css';

function selectKey(s: ReturnType<typeof useSimStore.getState>) {
  const c = s.snapshot?.membership.configuration;
  return {
    apart: ringSplit(s.snapshot).apart.length > 0,
    old: c?.old?.join(' ') ?? '',
    next: c?.old === undefined ? '' : c.voters.join(' '),
  };
}

function Swatch({ color, dashed }: { color: string; dashed: boolean }) {
  return (
    <svg className={styles.keySwatch} viewBox="0 0 28 16" width={28} height={16} aria-hidden="true">
      <rect
        x={2}
        y={2}
        width={24}
        height={12}
        rx={6}
        fill={color}
        fillOpacity={0.1}
        stroke={color}
        strokeWidth={2.5}
        strokeDasharray={dashed ? '5 3' : undefined}
      />
    </svg>
  );
}

export const MembershipKey = memo(function MembershipKey() {
  const { apart, old, next } = useSimStore(useShallow(selectKey));
  const t = useStrings(MEMBERSHIP_STRINGS);
  if (!apart && old === '') return null;
  return (
    <ul className={styles.membershipKey} aria-label={t.keyTitle}>
      {old !== '' && (
        <>
          <li>
            <Swatch color={SET_COLOR.old} dashed />
            {t.oldSet(old.split(' '))}
          </li>
          <li>
            <Swatch color={SET_COLOR.new} dashed={false} />
            {t.newSet(next.split(' '))}
          </li>
          <li className={styles.keyNote}>{t.jointKey}</li>
        </>
      )}
      {apart && (
        <li>
          <Swatch color="#475569" dashed />
          {t.apartKey}
        </li>
      )}
    </ul>
  );
});
