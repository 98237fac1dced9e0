// For the cluster and log views: which nodes and entries the violations so far involve.

import { useMemo } from 'react';
import { useSimStore } from '../../store/sim-store';
import { NO_HIGHLIGHT, violationHighlight, type ViolationHighlight } from './safety';

/**
 * The nodes and (node, index) entries named by the invariant violations at the viewed instant,
 * so a view can outline them (recomputed when the violations or the viewed time change).
 */
export function useViolationHighlight(): ViolationHighlight {
  const violations = useSimStore((s) => s.snapshot?.violations);
  const time = useSimStore((s) => s.snapshot?.time ?? 0);
  return useMemo(() => (violations ? violationHighlight(violations, time) : NO_HIGHLIGHT), [violations, time]);
}
