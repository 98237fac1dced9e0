// The screens the class uses: a 1366×768 laptop must show the ring, the logs and the controls
// without scrolling; a projector the same; a phone one column with nothing wider than the screen.

import type { Locator, Page } from '@playwright/test';
import { cluster, expect, openApp, test } from './fixtures';

/** Wholly inside the viewport's height. Polled: a panel re-rendered by a new frame has no box for a moment. */
async function inViewport(page: Page, name: string, element: Locator): Promise<void> {
  const height = page.viewportSize()!.height;
  await expect
    .poll(
      async () => {
        const box = await element.boundingBox();
        return box === null ? null : { top: box.y >= 0, bottom: box.y + box.height <= height + 1 };
      },
      { message: name },
    )
    .toEqual({ top: true, bottom: true });
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });
    test('ring, logs and controls are all on screen without scrolling', async ({ page }) => {
      await openApp(page);
      // The ring draws after the first frame arrives: wait for it rather than measure an empty page.
      await expect(cluster(page)).toBeVisible();
      await inViewport(page, 'cluster', cluster(page));
      await inViewport(page, 'logs heading', page.getByRole('heading', { name: 'Logs' }));
      for (const node of ['A', 'B', 'C', 'D', 'E']) {
        await expect(page.getByRole('button', { name: new RegExp(`^Node ${node}, `) }).last()).toBeInViewport({
          ratio: 1,
        });
      }
      await inViewport(page, 'play', page.getByRole('button', { name: /^(Play|Pause)$/ }));
      await inViewport(page, 'command', page.getByRole('combobox', { name: 'Client command' }));
      const scrolls = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 1);
      expect(scrolls).toBe(false);
    });
  });
}

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test('one column, nothing wider than the screen', async ({ page }) => {
    await openApp(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const ring = await cluster(page).boundingBox();
    const logs = await page.getByRole('heading', { name: 'Logs' }).boundingBox();
    expect(ring!.width).toBeGreaterThan(300);
    expect(logs!.y).toBeGreaterThan(ring!.y + ring!.height - 1);
    await expect(page.getByRole('button', { name: 'Send to leader' })).toBeInViewport();
  });
});
