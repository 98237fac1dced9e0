import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../scenario/schema';
import { decodeLink, encodeLink, type DecodeResult } from '../../scenario/url';
import { decodeLinkAsync } from './decode-link-async';

const LINK = encodeLink({ scenario: scenarioSchema.parse({ version: 1, seed: 3, nodes: 3 }), at: 250 }).slice(1);

/** A stand-in for the decoding worker: answers with `reply(text)`, or fails to start. */
class FakeWorker extends EventTarget {
  terminated = false;
  received: string[] = [];
  constructor(
    private readonly behaviour: 'answer' | 'crash',
    private readonly reply: (text: string) => unknown,
  ) {
    super();
  }
  postMessage(text: string): void {
    this.received.push(text);
    queueMicrotask(() => {
      if (this.behaviour === 'crash') this.dispatchEvent(new Event('error', { cancelable: true }));
      else this.dispatchEvent(new MessageEvent('message', { data: this.reply(text) }));
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

const asWorker = (w: FakeWorker): Worker => w as unknown as Worker;

describe('decoding a link off the page thread', () => {
  it("answers with the worker's result and ends the worker", async () => {
    // A marker result the page could not have computed itself: proves the answer is the worker's.
    const marker: DecodeResult = { ok: false, error: 'from the worker', problem: { kind: 'empty' } };
    const worker = new FakeWorker('answer', () => marker);
    await expect(decodeLinkAsync(LINK, () => asWorker(worker))).resolves.toEqual(marker);
    expect(worker.received).toEqual([LINK]);
    expect(worker.terminated).toBe(true);
  });

  it('decodes on the page when the worker fails, so the link still opens', async () => {
    const worker = new FakeWorker('crash', () => null);
    const result = await decodeLinkAsync(LINK, () => asWorker(worker));
    expect(result).toEqual(decodeLink(LINK));
    expect(result.ok).toBe(true);
    expect(worker.terminated).toBe(true);
  });

  it('decodes on the page where there are no workers or one cannot be made', async () => {
    await expect(decodeLinkAsync(LINK, () => null)).resolves.toEqual(decodeLink(LINK));
    const refused = await decodeLinkAsync('v1.@@', () => {
      throw new Error('blocked');
    });
    expect(refused).toEqual(decodeLink('v1.@@'));
    expect(refused.ok).toBe(false);
  });
});
