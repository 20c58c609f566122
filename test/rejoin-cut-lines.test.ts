import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { charDistance, normalize } from '../scripts/metrics.mjs';
import { fixText } from '../src/index.js';
import { getLexicon } from '../src/knowledge/lexicon.js';

beforeAll(() => {
  getLexicon();
}, 120_000);

const changesOf = (text: string) => fixText(text).changes.filter((c) => c.rule === 'rejoin-cut-lines');

/** A narrow justified column, every line about as wide (the width a line's halves add up to). */
const column = [
  'أعلن البنك المركزي صباح اليوم عن قراره الجديد بشأن',
  'أسعار الفائدة بعد اجتماع استمر يومين كاملين في مقره',
  'وقال المحافظ في مؤتمر صحفي إن الاقتصاد يمر بمرحلة',
  'صعبة تتطلب الحذر الشديد في اتخاذ القرارات المالية',
  'وأضاف أن التضخم تراجع خلال الأشهر الأخيرة بشكل واضح',
  'وهو ما يمنح السياسة النقدية مساحة أكبر للتحرك الآن',
  'ويتوقع المحللون أن تستمر هذه الوتيرة حتى نهاية العام',
];
const whole = 'وقد منح هذا التراجع البنك المركزي هامشًا أوسع للمناورة';
const firstHalf = 'وقد منح هذا التراجع البنك المركزي';
const secondHalf = 'هامشا أوسع للمناورة';
const around = (...middle: string[]) => [...column.slice(0, 4), ...middle, ...column.slice(4)].join('\n');

describe('rejoin-cut-lines: a line pdftotext cut at a raised mark', () => {
  it('joins the halves, first half first, and puts the tanween back on its word', () => {
    const damaged = around(secondHalf, firstHalf, '\u064b');
    const r = fixText(damaged);
    expect(r.text).toBe(around(whole));
    const [c] = changesOf(damaged);
    expect(c.reason).toMatch(/one line of the column/);
    expect(c.confidence).toBeGreaterThanOrEqual(0.75);
  });

  it('also when the mark was left at the end of the first half', () => {
    expect(fixText(around(secondHalf, `${firstHalf} \u064b`)).text).toBe(around(whole));
  });

  it('also when the mark stands before the first half, set apart by spaces (pdftotext -layout)', () => {
    expect(fixText(around(secondHalf, `        \u064b    ${firstHalf}`)).text).toBe(around(whole));
  });

  it('puts a -layout mark it cannot place (a shadda) on a line of its own before the joined line', () => {
    const damaged = around(secondHalf, `        \u0651    ${firstHalf}`);
    const r = fixText(damaged);
    expect(r.text).toBe(around('\u0651', `${firstHalf} ${secondHalf}`));
    expect(fixText(r.text).text).toBe(r.text);
  });

  it('keeps a mark it cannot place (a shadda) on its own line, and every character', () => {
    const damaged = around(secondHalf, firstHalf, '\u0651');
    expect(fixText(damaged).text).toBe(around(`${firstHalf} ${secondHalf}`, '\u0651'));
  });

  it('also when the mark stands alone before the halves, if the word model prefers them swapped (the mark stays)', () => {
    const [first, second] = ['وقال الوزير إن الحكومة ستعمل على', 'رفع الحد الأدنى للأجور'];
    const damaged = around('\u0651', second, first);
    expect(fixText(damaged).text).toBe(around('\u0651', `${first} ${second}`));
    expect(changesOf(damaged)[0].reason).toMatch(/word model \+/);
  });

  it('is a fixed point: the repaired text does not change again', () => {
    for (const damaged of [around(secondHalf, firstHalf, '\u064b'), around(secondHalf, firstHalf, '\u0651')]) {
      const once = fixText(damaged).text;
      expect(fixText(once).text).toBe(once);
    }
  });
});

describe('rejoin-cut-lines: what it leaves alone', () => {
  it('two whole lines before a stray mark (together two lines wide)', () => {
    const text = around(column[5], column[6], '\u064b');
    expect(changesOf(text)).toEqual([]);
  });

  it('two short lines in their right order after a mark alone (the mark shows a cut, not the order)', () => {
    const damaged = around('\u0651', 'وقال الوزير إن الحكومة ستعمل على', 'رفع الحد الأدنى للأجور');
    expect(fixText(damaged).text).toBe(damaged);
  });

  it('a short document, whose column width it cannot know', () => {
    const text = [secondHalf, firstHalf, '\u064b'].join('\n');
    expect(changesOf(text)).toEqual([]);
  });

  it('a document whose words run right to left (pdftotext -raw), as long as its words do', () => {
    const backwards = (l: string) => l.split(' ').reverse().join(' ');
    const text = [...column.slice(0, 4), secondHalf, firstHalf, '\u064b', ...column.slice(4)].map(backwards).join('\n');
    // (reversed-words, which runs before, would put the words back first.)
    expect(fixText(text, { disable: ['reversed-words'] }).changes.filter((c) => c.rule === 'rejoin-cut-lines')).toEqual([]);
  });

  it('text with no mark standing alone', () => {
    const text = around(secondHalf, firstHalf);
    expect(changesOf(text)).toEqual([]);
  });
});

describe('rejoin-cut-lines on the PDF corpus (pdftotext, every file with a mark alone on a line)', () => {
  const PDF = 'fixtures/pdf';
  const docs = fs.existsSync(PDF) ? fs.readdirSync(PDF).filter((d) => fs.existsSync(path.join(PDF, d, 'pdftotext.txt'))) : [];
  it('brings the output nearer the truth overall, and no file farther', () => {
    let files = 0;
    let withRule = 0;
    let without = 0;
    const worse: string[] = [];
    for (const d of docs) {
      const input = fs.readFileSync(path.join(PDF, d, 'pdftotext.txt'), 'utf8');
      if (!/^\s*[\u064b-\u0652]+\s*$/mu.test(input.replace(/[\u202a-\u202e]/g, ''))) continue;
      files++;
      const truth = normalize(fs.readFileSync(path.join(PDF, d, 'truth.txt'), 'utf8'));
      const on = charDistance(normalize(fixText(input).text), truth);
      const off = charDistance(normalize(fixText(input, { disable: ['rejoin-cut-lines'] }).text), truth);
      withRule += on;
      without += off;
      if (on > off) worse.push(`${d}: ${off} → ${on}`);
    }
    expect(files).toBeGreaterThan(10);
    expect(worse).toEqual([]);
    // Measured when the rule was written: 3,247 → 1,736 characters of difference over these 27 files.
    expect(withRule).toBeLessThan(without * 0.8);
  }, 120_000);
});
