import { describe, expect, test } from 'vitest';
import type { Change } from '../src/core/types.js';
import { alignLines, batchHtml } from '../src/report/html.js';
import type { FileReport } from '../src/report/model.js';
import { richReport } from './reports-helpers.js';

/** A change at input lines [line, endLine] replacing `before` by `after` (offsets do not matter here). */
function lineChange(line: number, endLine: number, before: string, after: string): Change {
  return { rule: 'r', safety: 'safe', line, column: 1, endLine, endColumn: 1, offset: 0, endOffset: 0, before, after, confidence: 1, reason: '' };
}

describe('alignLines: which output lines sit beside which input line', () => {
  const spans = (n: number, m: number, changes: Change[]) => alignLines(n, m, changes).map((s) => [s.from, s.to]);

  test('line structure kept: line i beside line i', () => {
    expect(spans(3, 3, [lineChange(2, 2, 'aـb', 'ab')])).toEqual([[0, 1], [1, 2], [2, 3]]);
  });

  test('a join puts the joined line beside the first input line, the next row is empty', () => {
    // input lines 2 and 3 joined (the break at the end of line 2 became a space)
    expect(spans(4, 3, [lineChange(2, 3, '\n', ' ')])).toEqual([[0, 1], [1, 2], [1, 1], [2, 3]]);
    // three lines into one, by two changes
    expect(spans(3, 1, [lineChange(1, 2, '\n', ' '), lineChange(2, 3, '\n', ' ')])).toEqual([[0, 1], [0, 0], [0, 0]]);
  });

  test('a split shows both output lines beside the input line', () => {
    expect(spans(2, 3, [lineChange(1, 1, ' ', '\n')])).toEqual([[0, 2], [2, 3]]);
  });

  test('every output line is shown exactly once, in order, whatever the changes claim', () => {
    const weird = [lineChange(1, 3, '\n\n\n\n', ''), lineChange(5, 5, '', '\n\n'), lineChange(9, 9, '', '\n')];
    for (const [n, m] of [[6, 2], [6, 9], [1, 4], [5, 0]]) {
      const s = alignLines(n, m, weird);
      expect(s).toHaveLength(n);
      const shown = s.flatMap((x) => Array.from({ length: x.to - x.from }, (_, k) => x.from + k));
      expect(shown).toEqual(Array.from({ length: m }, (_, k) => k));
    }
  });
});

describe('report.html', () => {
  const rich = richReport();
  const clean: FileReport = { path: 'clean.txt', input: 'نص سليم\n', result: { text: 'نص سليم\n', changes: [], flags: [] } };
  const failed: FileReport = { path: 'gone.txt', input: '', error: 'no <such> file' };
  const html = batchHtml([rich, clean, failed], 'fix-arabic test');

  test('one right-to-left Arabic page that fetches nothing', () => {
    expect(html).toMatch(/^<!doctype html>\n<html dir="rtl" lang="ar">/);
    expect(html).toContain('"Amiri","Noto Naskh Arabic","KacstOne","Geeza Pro","Traditional Arabic",serif');
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toMatch(/<link|<img|<iframe|\ssrc=|url\(|@import/i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  test('one highlighted element per change at least, each change numbered once', () => {
    const ids = [...html.matchAll(/data-change="(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(ids).size).toBe(rich.result!.changes.length);
    expect(Math.max(...ids)).toBe(rich.result!.changes.length - 1);
  });

  test('each change carries its rule class and its before → after and reason on hover', () => {
    rich.result!.changes.forEach((c, k) => {
      const tag = html.match(new RegExp(`<span class="chg[^"]*" data-change="${k}"[^>]*>`))![0];
      expect(tag).toContain(`r-${c.rule}`);
      expect(tag).toContain(c.reason);
    });
    // A deleted bidi control shows by name in the tooltip, not as an invisible character.
    expect(html).toMatch(/title="bidi-controls: «⟨U\+202B⟩» → «»/);
  });

  test('the legend has a colour and a checkbox per rule that changed something', () => {
    const rules = new Set(rich.result!.changes.map((c) => c.rule));
    for (const rule of rules) {
      expect(html).toContain(`data-toggle="hide-r-${rule}" data-rule="${rule}"`);
      expect(html).toMatch(new RegExp(`\\.r-${rule}\\{--mark:(#[0-9a-f]{6}|hsl\\([^)]*\\))\\}`));
    }
    const colours = [...html.matchAll(/\.r-[a-z-]+\{--mark:(#[0-9a-f]{6}|hsl\([^)]*\))\}/g)].map((m) => m[1]);
    expect(new Set(colours).size).toBe(rules.size);
  });

  test('a rule keeps its colour from report to report; many rules stay distinct', () => {
    const colourOf = (page: string, rule: string) => page.match(new RegExp(`\\.r-${rule}\\{--mark:([^}]+)\\}`))?.[1];
    const kashidaOnly: FileReport = {
      path: 'k.txt',
      input: 'x',
      result: { text: 'y', changes: rich.result!.changes.filter((c) => c.rule === 'remove-kashida'), flags: [] },
    };
    expect(colourOf(batchHtml([kashidaOnly], 't'), 'remove-kashida')).toBe(colourOf(html, 'remove-kashida'));
    const many: FileReport = {
      path: 'm.txt',
      input: 'abc',
      result: { text: 'abc', changes: Array.from({ length: 30 }, (_, k) => ({ ...rich.result!.changes[0], rule: `rule-${k}` })), flags: [] },
    };
    const page = batchHtml([many], 't');
    const colours = Array.from({ length: 30 }, (_, k) => colourOf(page, `rule-${k}`));
    expect(colours.every(Boolean)).toBe(true);
    expect(new Set(colours).size).toBe(30);
  });

  test('flags: listed at the top with links, marked in place with the message as title', () => {
    const top = html.slice(html.indexOf('<section id="flags">'), html.indexOf('</section>', html.indexOf('<section id="flags">')));
    const links = [...top.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]).filter((id) => id.includes('flag'));
    expect(links).toHaveLength(rich.result!.flags.length);
    for (const id of links) expect(html.match(new RegExp(`id="${id}"`, 'g'))).toHaveLength(1);
    const point = html.match(/<span id="file0-flag0" class="flag pt"[^>]*>/)![0];
    expect(point).toContain('title="flag-dropped-digits/year-after-aam: a year was dropped after عام"');
  });

  test('text is escaped and invisibles are shown by name', () => {
    expect(html).not.toContain('<odd>');
    expect(html).toContain('dir/&#60;odd&#62; &#38; &#34;name&#34;.txt');
    expect(html).toContain('&#60;b&#62;.'); // input text, not markup
    expect(html).toContain('no &#60;such&#62; file');
    expect(html).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\ue000-\uf8ff]/);
    expect(html).toContain('>RLE</span>');
    expect(html).toContain('title="U+E012">U+E012</span>');
  });

  test('a joined line appears once, beside the first of its input lines', () => {
    expect(html).toContain('سطر أول من فقرة مكسورة على سطرين.');
    expect(html.match(/class="joined"/g)).toHaveLength(1);
  });

  test('a clean file is folded away but still there', () => {
    expect(html).toMatch(/<details class="clean"><summary>[^<]*<\/summary><table class="sbs">/);
  });

  test('an input the rules cannot see (a stray </script>) cannot break the page', () => {
    const evil: FileReport = { path: '</script><script>alert(1)</script>', input: '</script>', result: { text: '</script>', changes: [], flags: [] } };
    const page = batchHtml([evil], 't');
    expect(page.match(/<script>/g)).toHaveLength(1);
  });
});
