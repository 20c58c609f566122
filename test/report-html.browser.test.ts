/**
 * report.html as a person sees it: the built CLI writes it for the seeds, headless
 * Chromium opens it, and we check what the browser computed (direction, colours,
 * links, filters), then keep a screenshot in test/artifacts/report.png.
 * Skipped, with the reason in its name, where /usr/bin/chromium is not installed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { batchHtml } from '../src/report/html.js';
import { richReport, ROOT, runCli, SEEDS, tempDir } from './reports-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const title = haveChromium ? 'report.html in headless Chromium' : `report.html in headless Chromium (SKIPPED: ${CHROMIUM} is not installed)`;
if (!haveChromium) console.warn(`skipping the browser tests: ${CHROMIUM} is not installed`);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe.skipIf(!haveChromium)(title, { timeout: 60_000 }, () => {
  let context: BrowserContext;
  let dir: string;
  let report: any;
  const requests: string[] = [];
  const problems: string[] = [];

  async function open(file: string): Promise<Page> {
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(pathToFileURL(file).href);
    return page;
  }

  beforeAll(async () => {
    dir = tempDir();
    const run = runCli(['-q', '-o', join(dir, 'out'), ...SEEDS]);
    expect(run.status, run.stderr).toBe(0);
    report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
    // A fresh profile each run: nothing cached, nothing remembered.
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1400, height: 1100 },
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  test('the seeds report: right-to-left, every change highlighted, nothing fetched, screenshot kept', async () => {
    const page = await open(join(dir, 'out', 'report.html'));
    const direction = await page.evaluate(() => ({
      root: getComputedStyle(document.documentElement).direction,
      text: [...document.querySelectorAll('td.txt')].slice(0, 50).map((td) => getComputedStyle(td).direction),
    }));
    expect(direction.root).toBe('rtl');
    expect(direction.text.length).toBeGreaterThan(0);
    expect(new Set(direction.text)).toEqual(new Set(['rtl']));

    // The input column is on the right of the cleaned column, as an Arabic reader expects.
    const [src, out] = await Promise.all([page.locator('td.src').first().boundingBox(), page.locator('td.out').first().boundingBox()]);
    expect(src!.x).toBeGreaterThan(out!.x);

    // Per file, each change of report.json has its highlighted element(s) in that file's section.
    const perFile = await page.evaluate(() =>
      [...document.querySelectorAll('section.file')].map((s) => new Set([...s.querySelectorAll('[data-change]')].map((e) => e.getAttribute('data-change'))).size),
    );
    expect(perFile).toEqual(report.files.map((f: any) => f.changes.length));
    const total = report.files.reduce((n: number, f: any) => n + f.changes.length, 0);
    expect(total).toBeGreaterThan(0);

    // A highlight is visibly coloured, and it is the colour its legend swatch shows.
    const colours = await page.evaluate(() => {
      const mark = document.querySelector('.chg:not(.pt)')!;
      const rule = mark.getAttribute('data-rule');
      const swatch = document.querySelector(`input[data-rule="${rule}"] ~ .swatch`)!;
      return { mark: getComputedStyle(mark).backgroundColor, swatch: getComputedStyle(swatch).backgroundColor };
    });
    expect(colours.mark).not.toBe('rgba(0, 0, 0, 0)');
    expect(colours.mark).toBe(colours.swatch);

    // Links in the flags list land on an element of the page.
    const dangling = await page.evaluate(() =>
      [...document.querySelectorAll('#flags a[href^="#"]')].filter((a) => !document.getElementById(a.getAttribute('href')!.slice(1))).length,
    );
    expect(dangling).toBe(0);

    // Nothing wider than the window: long lines wrap.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    mkdirSync(join(ROOT, 'test', 'artifacts'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test', 'artifacts', 'report.png') });
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the rule filters hide and show that rule’s highlights only', async () => {
    const page = await open(join(dir, 'out', 'report.html'));
    const rule = await page.locator('.chg').first().getAttribute('data-rule');
    const background = () => page.evaluate((r) => getComputedStyle(document.querySelector(`.chg[data-rule="${r}"]:not(.pt)`)!).backgroundColor, rule);
    const before = await background();
    await page.locator(`input[data-rule="${rule}"]`).uncheck();
    expect(await background()).toBe('rgba(0, 0, 0, 0)');
    await page.locator(`input[data-rule="${rule}"]`).check();
    expect(await background()).toBe(before);
    // "changed lines only" folds the untouched rows away.
    const visibleRows = () => page.evaluate(() => [...document.querySelectorAll('section.file:not(:has(details)) tr.same')].filter((tr) => (tr as HTMLElement).offsetParent !== null).length);
    expect(await visibleRows()).toBeGreaterThan(0);
    await page.locator('input[data-toggle="only-changed"]').check();
    expect(await visibleRows()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('flags: listed with working links, marked in place with the message on hover', async () => {
    const rich = richReport();
    const file = join(dir, 'rich.html');
    writeFileSync(file, batchHtml([rich], 'fix-arabic test'));
    const page = await open(file);
    const links = page.locator('#flags a[href*="flag"]');
    expect(await links.count()).toBe(rich.result!.flags.length);
    for (let k = 0; k < rich.result!.flags.length; k++) {
      const x = rich.result!.flags[k];
      const href = await links.nth(k).getAttribute('href');
      const target = page.locator(href!);
      expect(await target.count()).toBe(1);
      expect(await target.getAttribute('title')).toContain(x.message);
      // The mark is inside the row of the flag's input line.
      expect(await target.evaluate((e) => e.closest('tr')!.id)).toBe(`file0-L${x.line}`);
      await links.nth(k).click();
      expect(await target.evaluate((e) => e.matches(':target'))).toBe(true);
      expect(await target.isVisible()).toBe(true);
    }
    // Invisible characters are drawn as labelled boxes with a width.
    const inv = await page.locator('.inv').first().boundingBox();
    expect(inv!.width).toBeGreaterThan(4);
    await page.screenshot({ path: join(ROOT, 'test', 'artifacts', 'report-flags.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
