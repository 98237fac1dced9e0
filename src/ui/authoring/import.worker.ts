// Reads an imported file off the page's thread: a 10,000-action scenario takes the validator a
// noticeable moment, during which the page must keep answering (README, "Limits").

import { readImport } from './draft';

self.addEventListener('message', (event: MessageEvent<{ text: string; fallbackName: string }>) => {
  self.postMessage(readImport(event.data.text, event.data.fallbackName));
});
