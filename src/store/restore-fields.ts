// Puts back the fields a frame left out because they equal the last frame's (see the worker's
// FrameMirror). An unchanged field keeps the UI's very object, so what is drawn from it can skip work.

import type { ClusterFrame, NodeFrame } from '../sim/types';
import type { ClusterDelta, NodeDelta } from '../worker/protocol';

export function restoreFields(previous: ClusterFrame | null, delta: ClusterDelta): ClusterFrame {
  const nodes = delta.nodes.map((node, k): NodeFrame => {
    const before = previous?.nodes[k];
    if (before !== undefined && before.id === node.id) return { ...before, ...node };
    // The worker leaves out only what it sent before, so a node the UI lacks comes whole.
    if (!isWholeNode(node)) throw new Error(`frame leaves out fields of node ${node.id}, which the UI does not have`);
    return node;
  });
  if (previous !== null) return { ...previous, ...delta, nodes };
  const frame = { ...delta, nodes };
  if (!isWholeFrame(frame)) throw new Error('the first frame leaves out fields the UI does not have');
  return frame;
}

function isWholeNode(node: NodeDelta): node is NodeFrame {
  return 'role' in node && 'currentTerm' in node && 'commitIndex' in node;
}

function isWholeFrame(frame: ClusterDelta): frame is ClusterFrame {
  return 'time' in frame && 'network' in frame && 'membership' in frame;
}
