// For tests that read the host's frames as the store assembles them: packed frames are unpacked (with
// the cluster assembled from the frames before) before the test sees them; other messages pass as they are.

import { assembleFrame } from '../../store/assemble-frame';
import { unpackFrame } from '../../store/unpack-frame';
import type { ClusterFrame } from '../../sim/types';
import type { FromWorker } from '../protocol';

export function unpacking(post: (message: FromWorker) => void): (message: FromWorker) => void {
  let ui: ClusterFrame | null = null;
  return (message) => {
    if (message.type !== 'packedFrame') return post(message);
    const frame = unpackFrame(ui, message);
    ui = assembleFrame(ui, frame);
    post(frame);
  };
}
