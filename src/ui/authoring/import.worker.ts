// Reads imported files off the page's thread: a 10,000-action scenario takes the validator a
// noticeable moment, during which the page must keep answering (README, "Limits"). One worker serves
// every import of the page; it warms the validator up as soon as it starts (import-warm-up.ts).

import { readImport } from './draft';
import type { ImportReply, ImportRequest } from './import-protocol';
import { warmUpFile } from './import-warm-up';

self.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.kind === 'warm') {
    readImport(warmUpFile());
    return;
  }
  const reply: ImportReply = { id: request.id, result: readImport(request.text, request.fallbackName) };
  self.postMessage(reply);
});
