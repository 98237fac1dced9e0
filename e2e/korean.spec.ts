// The app in Korean, as a class using the course notes sees it: opened with `?lang=ko`, every main
// tab and a lesson are reached by their Korean names, and the ring, the logs and the captions use
// the glossary's words (임기, 리더, 팔로워, 커밋 …), never the English ones. The check is the same
// glossary sweep the unit tests run over the sources (src/ui/interpret/terms.ts). Switching with the
// language control re-words what is on screen.

import type { Locator, Page } from '@playwright/test';
import { findLesson } from '../src/scenario/lessons';
import { termProblems } from '../src/ui/interpret/terms';
import { untranslatedWords } from '../src/ui/interpret/untranslated';
import { expect, test } from './fixtures';

const lesson = findLesson('isolated-term')!;

/** Everything a reader or a screen reader gets from `root`: its text and every accessible label. */
async function shown(root: Locator): Promise<string> {
  return root.evaluate((el) =>
    [
      (el as HTMLElement).innerText,
      ...[...el.querySelectorAll('[aria-label]')].map((x) => x.getAttribute('aria-label') ?? ''),
      ...[...el.querySelectorAll('title')].map((x) => x.textContent ?? ''),
    ].join('\n'),
  );
}

/** The glossary mistakes in what `root` shows, with the text around each for the failure message. */
async function englishIn(root: Locator): Promise<string[]> {
  const text = await shown(root);
  return text
    .split('\n')
    .flatMap((line) => termProblems(line).map((p) => `"${p.found}" (use ${p.use}) in: ${line.slice(0, 100)}`));
}

const ring = (page: Page): Locator => page.getByRole('group', { name: /^클러스터/ });
const logs = (page: Page): Locator => page.getByRole('list', { name: '노드 A의 로그' });

test('Korean from ?lang=ko: tabs, ring, logs and a lesson use the glossary, and the language control switches them', async ({
  page,
}) => {
  await page.goto('/?lang=ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(ring(page)).toBeVisible();
  await expect(ring(page).getByRole('button', { name: /^노드 A, (팔로워|후보|리더), 임기 \d+/ })).toBeVisible();
  await expect(logs(page)).toBeAttached();

  // Every side tab, by its Korean name, and what it shows follows the glossary.
  const inTabs: string[] = [];
  for (const name of ['이벤트', '노드', '시공간', '기록', '안전성', '규칙', '설정']) {
    const tab = page.getByRole('tab', { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const panel = page.getByRole('tabpanel', { name, exact: true });
    await expect(panel).toBeVisible();
    inTabs.push(...(await englishIn(panel)).map((p) => `${name}: ${p}`));
  }
  expect(inTabs).toEqual([]);
  await page.getByRole('tab', { name: '안전성', exact: true }).click();
  await expect(page.getByText('선거 안전성', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: '설정', exact: true }).click();
  // Options the paper names in English keep the name in parentheses after their Korean one.
  await expect(page.getByRole('checkbox', { name: '쿼럼 확인 (Check quorum)', includeHidden: true })).toBeAttached();
  await expect(page.getByRole('checkbox', { name: '빠른 되돌리기 (Fast backup)', includeHidden: true })).toBeAttached();

  // A lesson, by its Korean title, walked to its second pause.
  await page.getByRole('button', { name: '수업', exact: true }).click();
  await page.getByRole('button', { name: `수업 재생: ${lesson.title.ko}` }).click();
  const player = page.getByRole('region', { name: lesson.title.ko });
  await expect(player.getByText(lesson.beats[0]!.caption.ko, { exact: true })).toBeVisible();
  await player.getByRole('button', { name: '다음 멈춤', exact: true }).click();
  await expect(player.getByText(`멈춤 2 / ${lesson.beats.length}`, { exact: true })).toBeVisible();
  await expect(player.getByText(lesson.beats[1]!.caption.ko, { exact: true })).toBeVisible();

  expect(await englishIn(ring(page))).toEqual([]);
  expect(await englishIn(logs(page))).toEqual([]);
  expect(await englishIn(player)).toEqual([]);

  // The language control re-words the ring, the logs and the caption already shown …
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const enRing = page.getByRole('group', { name: /^The cluster/ });
  await expect(enRing.getByRole('button', { name: /^Node A, [a-z -]+, term \d+/ })).toBeVisible();
  // The sweep is not vacuous: the English ring is full of the words it looks for.
  expect((await englishIn(enRing)).length).toBeGreaterThan(0);
  await expect(page.getByRole('list', { name: 'Log of node A' })).toBeAttached();
  await expect(page.getByText(lesson.beats[1]!.caption.en, { exact: true })).toBeVisible();
  await expect(page.getByText(lesson.beats[1]!.caption.ko, { exact: true })).toHaveCount(0);
  // … and back.
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(player.getByText(lesson.beats[1]!.caption.ko, { exact: true })).toBeVisible();
  expect(await englishIn(ring(page))).toEqual([]);
});

/** Every rendered text under each element of `root` (HTML and SVG alike), its accessible labels and SVG titles. */
async function everyText(root: Locator): Promise<string[]> {
  return root.evaluateAll((els) =>
    els.flatMap((el) => {
      const texts: string[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        const text = n.textContent?.trim();
        if (parent && text && parent.closest('title') === null && parent.getClientRects().length > 0) texts.push(text);
      }
      for (const x of [el, ...el.querySelectorAll('[aria-label]')]) texts.push(x.getAttribute('aria-label') ?? '');
      for (const x of el.querySelectorAll('title')) texts.push(x.textContent ?? '');
      return texts;
    }),
  );
}

/** The English words a Korean reader meets in `root`, each with the text it is in. */
async function untranslatedIn(root: Locator): Promise<string[]> {
  return (await everyText(root)).flatMap((text) =>
    untranslatedWords(text).map((w) => `"${w}" in: ${text.slice(0, 80)}`),
  );
}

test("Korean at Figure 7's repair: the ring, every log row and marker, the timeline and the space-time diagram have no English left", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/?lang=ko');
  await page.getByRole('button', { name: '수업', exact: true }).click();
  await page.getByRole('button', { name: /^수업 재생: .*Figure 7/ }).click();
  const progress = page.getByText(/^멈춤 \d+ \/ \d+$/);
  // The repair: the leader's nextIndex and matchIndex markers stand in the followers' rows.
  for (let i = 0; i < 3; i++) {
    const before = await progress.textContent();
    await page.getByRole('button', { name: '다음 멈춤', exact: true }).click();
    await expect(progress).not.toHaveText(before ?? '');
  }
  const logs = page.getByRole('region', { name: '로그', exact: true });
  await expect(logs.getByRole('img', { name: /nextIndex/ }).first()).toBeVisible();
  await expect(logs.getByRole('img', { name: /matchIndex/ }).first()).toBeAttached();
  await page.getByRole('tab', { name: '시공간', exact: true }).click();
  const views = {
    ring: ring(page),
    logs: logs,
    rowHeaders: page
      .getByRole('heading', { name: '로그', exact: true })
      .locator('xpath=ancestor::*[contains(@class, "logs")][1]'),
    timeline: page.getByRole('region', { name: '타임라인', exact: true }),
    spaceTime: page.getByRole('tabpanel', { name: '시공간', exact: true }),
  };
  await expect(views.spaceTime.getByRole('group', { name: /까지의 메시지$/ })).toBeVisible();
  const found: string[] = [];
  for (const [name, view] of Object.entries(views))
    found.push(...(await untranslatedIn(view)).map((p) => `${name}: ${p}`));
  expect(found).toEqual([]);

  // The check is not vacuous: the same views in English show the words it looks for.
  await page.getByRole('button', { name: 'English' }).click();
  const english = await untranslatedIn(page.getByRole('region', { name: 'Logs', exact: true }));
  expect(english.join('\n')).toMatch(/"next"/);
});
