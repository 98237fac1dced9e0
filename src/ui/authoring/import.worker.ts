// Reads imported files and the autosaved draft off the page's thread: a 10,000-action scenario takes
// the validator a noticeable moment, during which the page must keep answering (README, "Limits").
// One worker serves every import of the page; it warms the validator up as soon as it starts
// (import-warm-up.ts). After a draft it also writes the draft's stored text, so the page's autosave
// does not serialise it again.

import { readImport, type Draft } from './draft';
import { draftFileText, readDraftText } from './draft-text';
import type { ImportReply, ImportRequest } from './import-protocol';
import { warmUpFile } from './import-warm-up';

const reply = (message: ImportReply): void => self.postMessage(message);

/** Second, after the draft itself went out: the page is drawing it meanwhile. */
const sendFileText = (id: number, draft: Draft): void => reply({ kind: 'fileText', id, text: draftFileText(draft) });

self.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  switch (request.kind) {
    case 'warm':
      readImport(warmUpFile());
      return;
    case 'read': {
      const result = readImport(request.text, request.fallbackName);
      reply({ kind: 'read', id: request.id, result });
      if (result.ok) sendFileText(request.id, result.draft);
      return;
    }
    case 'restore': {
      const read = readDraftText(request.text);
      reply({ kind: 'restore', id: request.id, read });
      if (read.kind === 'draft') sendFileText(request.id, read.stored.draft);
      return;
    }
  }
});
