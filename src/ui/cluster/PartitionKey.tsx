// The key to a network partition, under the drawing while there is one: each group's tint and its
// members in words. The tints on the ring say which nodes belong together; where the ring is
// flattened and groups interleave, this line says it without relying on the drawing.

import { memo } from 'react';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { GROUP_TINT, HALO_OPACITY } from './PartitionLines';
import styles from './Cluster.module.css';
import { STRINGS } from './strings';

export const PartitionKey = memo(function PartitionKey() {
  const groups = useSimStore((s) => s.snapshot?.network.partition?.map((g) => g.join(' ')).join('|') ?? '');
  const t = useStrings(STRINGS);
  if (groups === '') return null;
  return (
    <ul className={styles.membershipKey} aria-label={t.partitionKey}>
      <li className={styles.keyNote}>{t.partitionKey}</li>
      {groups.split('|').map((group, i) => (
        <li key={i}>
          <svg className={styles.keySwatch} viewBox="0 0 16 16" width={16} height={16} aria-hidden="true">
            <circle
              cx={8}
              cy={8}
              r={7}
              fill={GROUP_TINT[i % GROUP_TINT.length]}
              fillOpacity={HALO_OPACITY}
              stroke="#64748b"
              strokeWidth={1}
            />
          </svg>
          {t.groupMembers(i + 1, group.split(' '))}
        </li>
      ))}
      <li>{t.partitionNote}</li>
    </ul>
  );
});
