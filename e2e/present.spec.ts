// Presenter mode at a projector's 1280×720: the ring's texts read from the back row (18 CSS px at
// least, measured on screen), nothing overlaps, colours pass axe's contrast rule, in both languages.

import type { Page } from '@playwright/test';
import { expect, expectAxeClean, openApp, test } from './fixtures';

const cluster = (page: Page) => page.getByRole('group', { name: /^(The cluster|클러스터)/ });

/** The smallest on-screen font size of any text of a node (SVG units times the drawing's scale). */
async function smallestRingText(page: Page): Promise<number> {
  return cluster(page).evaluate((svg) => {
    const sizes = [...svg.querySelectorAll('[role="button"] text')].map((el) => {
      const ctm = (el as SVGGraphicsElement).getScreenCTM();
      const tspans = [el, ...el.querySelectorAll('tspan')];
      return Math.min(...tspans.map((t) => parseFloat(getComputedStyle(t).fontSize))) * (ctm?.a ?? 0);
    });
    return Math.min(...sizes);
  });
}

for (const lang of ['en', 'ko'] as const) {
  test.describe(`presenter mode (${lang})`, () => {
    test.use({ lang, viewport: { width: 1280, height: 720 } });

    test('opens from the link parameter; ring texts ≥ 18 px, no node overlaps another, axe clean with contrast', async ({
      page,
    }, info) => {
      await page.goto('/?present=1');
      await expect(cluster(page)).toBeVisible();
      await expect(page.getByRole('button', { name: /^(Present|발표 모드)$/ })).toHaveAttribute('aria-pressed', 'true');
      // The ring lays itself out once its panel is measured.
      await expect.poll(() => smallestRingText(page)).toBeGreaterThanOrEqual(17.9);

      const boxes = await cluster(page)
        .getByRole('button')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes.length).toBe(5);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(overlap, `nodes ${i} and ${j}`).toBe(false);
        }

      await page.screenshot({ path: info.outputPath(`present-1280-${lang}.png`) });
      await expectAxeClean(page);
    });
  });
}

test.describe('presenter mode by keyboard', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test('F toggles it and the side panels fold into a drawer', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('tab', { name: 'Events' })).toBeVisible();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('f');
    await expect(page.getByRole('tab', { name: 'Events' })).toBeHidden();
    expect(new URL(page.url()).searchParams.get('present')).toBe('1');
    await page.getByRole('button', { name: 'Panels' }).click();
    await expect(page.getByRole('tab', { name: 'Events' })).toBeVisible();
    await page.keyboard.press('f');
    expect(new URL(page.url()).searchParams.get('present')).toBeNull();
  });
});
