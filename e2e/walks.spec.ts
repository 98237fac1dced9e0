// The walks a new user takes (issue 12), by accessible names only: in Korean, every lesson opened
// from the lesson library to its first pause, its caption in Korean with the glossary's words; and a
// teacher in presenter mode (F) at a projector's 1280×720, in both languages, through the Figure 7
// and the isolated-E lessons — step, step back, next pause, kill, isolate, restore and submit from
// the keyboard and the visible controls — with the caption large, the ring's letters, terms and
// roles at least 18 CSS px and the messages at least 24 px, measured on screen.

import type { Locator, Page } from '@playwright/test';
import { LESSONS, findLesson } from '../src/scenario/lessons';
import { HEARTBEAT_RADIUS, SELECT_RADIUS } from '../src/ui/cluster/message-shape';
import { termProblems } from '../src/ui/interpret/terms';
import { expect, test, type Lang } from './fixtures';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The glossary mistakes in every line of what `root` shows. */
async function glossaryProblems(root: Locator): Promise<string[]> {
  const text = await root.innerText();
  return text
    .split('\n')
    .flatMap((line) => termProblems(line).map((p) => `"${p.found}" (use ${p.use}) in: ${line.slice(0, 100)}`));
}

test.describe('every lesson in Korean, from the library to its first pause', () => {
  test.use({ lang: 'ko' });
  for (const lesson of LESSONS) {
    test(`${lesson.id}: the caption is in Korean and uses the glossary`, async ({ page }) => {
      await page.goto('/');
      await page.getByRole('button', { name: '수업', exact: true }).click();
      await page
        .getByRole('dialog', { name: '수업 목록' })
        .getByRole('button', { name: `수업 재생: ${lesson.title.ko}` })
        .click();
      const player = page.getByRole('region', { name: new RegExp(escape(lesson.title.ko)) });
      await expect(player.getByText(`멈춤 1 / ${lesson.beats.length}`, { exact: true })).toBeVisible();
      await expect(player.getByText(lesson.beats[0]!.caption.ko, { exact: true })).toBeVisible();
      await expect(player.getByText(lesson.beats[0]!.caption.en, { exact: true })).toHaveCount(0);
      expect(await glossaryProblems(player)).toEqual([]);
    });
  }
});

// ---- Presenter mode ---------------------------------------------------------------------------

const WORDS = {
  en: {
    lessons: 'Lessons',
    play: (title: string) => `Play lesson: ${title}`,
    progress: (i: number, n: number) => `Pause ${i} of ${n}`,
    nextPause: /^Next pause( ▶)?$/,
    present: 'Present',
    cluster: /^The cluster/,
    events: /^event (\d+)$/,
    select: (id: string) => `Select node ${id}`,
    kill: (id: string) => `Kill ${id}`,
    restart: (id: string) => `Restart ${id}`,
    isolate: (id: string) => `Isolate ${id}`,
    restore: (id: string) => `Restore ${id}`,
    node: (id: string) => new RegExp(`^Node ${id}, `),
    down: 'down',
    isolated: ', isolated',
    command: 'Client command',
    pause: /^Pause$/,
    play_: /^Play$/,
  },
  ko: {
    lessons: '수업',
    play: (title: string) => `수업 재생: ${title}`,
    progress: (i: number, n: number) => `멈춤 ${i} / ${n}`,
    nextPause: /^다음 멈춤( ▶)?$/,
    present: '발표 모드',
    cluster: /^클러스터/,
    events: /^이벤트 (\d+)$/,
    select: (id: string) => `노드 ${id} 선택`,
    kill: (id: string) => `${id} 중지`,
    restart: (id: string) => `${id} 재시작`,
    isolate: (id: string) => `${id} 고립`,
    restore: (id: string) => `${id} 복구`,
    node: (id: string) => new RegExp(`^노드 ${id}, `),
    down: '중지됨',
    isolated: ', 고립됨',
    command: '클라이언트 명령',
    pause: /^일시정지$/,
    play_: /^재생$/,
  },
} as const;

/** The smallest on-screen size of any text of the ring's nodes (SVG font size times the drawing's scale). */
async function smallestNodeText(ring: Locator): Promise<number> {
  return ring.evaluate((svg) => {
    const sizes = [...svg.querySelectorAll('[role="button"] text')].flatMap((el) => {
      const ctm = (el as SVGGraphicsElement).getScreenCTM();
      if (!ctm || !(el.textContent ?? '').trim()) return [];
      return [...[el, ...el.querySelectorAll('tspan')]].map((t) => parseFloat(getComputedStyle(t).fontSize) * ctm.a);
    });
    return Math.min(...sizes);
  });
}

/**
 * The smallest message drawn, in CSS px: each message in flight has a button the size of its pick-up
 * area (a circle of SELECT_RADIUS drawing units, at the messages' scale); the smallest shape, a
 * heartbeat, is a circle of HEARTBEAT_RADIUS units at the same scale.
 */
async function smallestMessage(page: Page, lang: Lang): Promise<number> {
  const widths = await page
    .getByRole('group', { name: lang === 'en' ? 'Messages in flight' : '전송 중인 메시지' })
    .getByRole('button')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
  return widths.length === 0 ? Infinity : (Math.min(...widths) * HEARTBEAT_RADIUS) / SELECT_RADIUS;
}

async function eventCount(page: Page, lang: Lang): Promise<number> {
  const text = await page.getByText(WORDS[lang].events).textContent();
  return Number(WORDS[lang].events.exec(text ?? '')?.[1] ?? NaN);
}

for (const id of ['figure-7', 'isolated-term']) {
  const lesson = findLesson(id)!;
  for (const lang of ['en', 'ko'] as const) {
    test.describe(`presenter walk at 1280×720: ${id} (${lang})`, () => {
      test.use({ lang, viewport: { width: 1280, height: 720 } });

      test('step, step back, next pause, kill/isolate/restore and submit; everything readable from the back row', async ({
        page,
      }, info) => {
        test.setTimeout(120_000);
        const w = WORDS[lang];
        const title = lesson.title[lang];
        const n = lesson.beats.length;
        await page.goto('/');
        await page.getByRole('button', { name: w.lessons, exact: true }).click();
        await page.getByRole('button', { name: w.play(title) }).click();
        const player = page.getByRole('region', { name: new RegExp(escape(title)) });
        await expect(player.getByText(w.progress(1, n), { exact: true })).toBeVisible();

        // Presenter mode from the keyboard.
        await page.keyboard.press('f');
        await expect(page.getByRole('button', { name: w.present, exact: true })).toHaveAttribute(
          'aria-pressed',
          'true',
        );
        const ring = page.getByRole('group', { name: w.cluster });
        await expect(ring).toBeVisible();

        // The caption is large, the ring's texts at least 18 px.
        const caption = player.getByText(lesson.beats[0]!.caption[lang], { exact: true });
        await expect(caption).toBeVisible();
        expect(await caption.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(20);
        await expect.poll(() => smallestNodeText(ring)).toBeGreaterThanOrEqual(17.9);

        // Step (→) until messages are in flight: each at least 24 px on screen.
        const start = await eventCount(page, lang);
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => eventCount(page, lang)).toBe(start + 1);
        for (let i = 0; i < 30 && (await smallestMessage(page, lang)) === Infinity; i++)
          await page.keyboard.press('ArrowRight');
        const glyph = await smallestMessage(page, lang);
        expect(glyph, 'a message in flight within 30 steps').toBeLessThan(Infinity);
        expect(glyph).toBeGreaterThanOrEqual(24);

        // Step back (←) and forward with the visible buttons.
        const here = await eventCount(page, lang);
        await page.keyboard.press('ArrowLeft');
        await expect.poll(() => eventCount(page, lang)).toBe(here - 1);

        // Next pause, from the lesson's own button.
        await player.getByRole('button', { name: w.nextPause }).click();
        await expect(player.getByText(w.progress(2, n), { exact: true })).toBeVisible();
        await expect(player.getByText(lesson.beats[1]!.caption[lang], { exact: true })).toBeVisible();
        if (lang === 'ko') expect(await glossaryProblems(player)).toEqual([]);
        await page.screenshot({ path: info.outputPath(`present-walk-${id}-${lang}.png`) });

        // Kill, restart, isolate and restore a node from the presenter's bar.
        const node = (x: string) => ring.getByRole('button', { name: w.node(x) });
        await page.getByRole('button', { name: w.select('B'), exact: true }).click();
        await page.getByRole('button', { name: w.kill('B'), exact: true }).click();
        await expect(node('B')).toHaveAttribute('aria-label', new RegExp(`, ${w.down}, `));
        await page.getByRole('button', { name: w.restart('B'), exact: true }).click();
        await expect(node('B')).not.toHaveAttribute('aria-label', new RegExp(`, ${w.down}, `));
        await page.getByRole('button', { name: w.isolate('B'), exact: true }).click();
        await expect(node('B')).toHaveAttribute('aria-label', new RegExp(`${w.isolated}$`));
        await page.getByRole('button', { name: w.restore('B'), exact: true }).click();
        await expect(node('B')).not.toHaveAttribute('aria-label', new RegExp(`${w.isolated}$`));

        // Submit from the command field (its label is hidden on the stage; its name is not).
        const field = page.getByRole('combobox', { name: w.command });
        await field.fill('set z 9');
        await field.press('Enter');
        await expect(field).toHaveValue('');
        await expect(field).not.toHaveAttribute('aria-invalid', 'true');

        // Play and pause from the keyboard (Space), then leave presenter mode (F).
        await field.blur();
        await page.keyboard.press('Space');
        await expect(page.getByRole('button', { name: w.pause })).toBeVisible();
        await page.keyboard.press('Space');
        await expect(page.getByRole('button', { name: w.play_ })).toBeVisible();
        await page.keyboard.press('f');
        await expect(page.getByRole('button', { name: w.present, exact: true })).toHaveAttribute(
          'aria-pressed',
          'false',
        );
      });
    });
  }
}
