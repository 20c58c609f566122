import { diffArrays } from 'diff';
import type { Change, Flag, Line } from '../core/types.js';
import { splitLines } from '../core/tracked-text.js';
import { RULES } from '../rules/index.js';
import { countBy, type FileReport } from './model.js';
import { invisibleName, codePointLabel, visibleControls, visibleParts } from './visible.js';

/**
 * report.html: one self-contained page (no network: inline CSS and JS, and a
 * Content-Security-Policy that forbids fetching anything). Per file, the input
 * and the cleaned text side by side, one row per input line; every change is
 * highlighted on the input side in its rule's colour (before → after and the
 * reason on hover), every flag is marked in place and listed at the top with a
 * link to it. Checkboxes hide or show the highlights of each rule.
 */

const BOM = '\ufeff';

/** Light backgrounds that keep dark Arabic text readable; the first rules of the registry get these. */
const PALETTE = [
  '#ffe08a',
  '#a8e6a1',
  '#9fd3ff',
  '#ffb3c7',
  '#d7b8ff',
  '#ffc999',
  '#8fe3d6',
  '#e3e38a',
  '#c4c9ff',
  '#f5a3a3',
  '#b9e4c9',
  '#f0c0ec',
];

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Escaped text with every invisible character replaced by a visible, named token. */
function textHtml(s: string): string {
  let out = '';
  for (const part of visibleParts(s)) {
    if (part.invisible === undefined) out += escapeHtml(part.text);
    else {
      const cp = part.invisible;
      out += `<span class="inv" dir="ltr" title="${codePointLabel(cp)}">${escapeHtml(invisibleName(cp))}</span>`;
    }
  }
  return out;
}

/** Text for a title attribute: tooltips cannot hold markup, so invisibles become ⟨U+XXXX⟩. */
function attr(s: string): string {
  return escapeHtml(visibleControls(s));
}

function ruleClass(rule: string): string {
  return `r-${rule.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** A highlighted input range: a change or a flag, clipped to one line when drawn. */
interface Mark {
  kind: 'change' | 'flag';
  start: number;
  end: number;
  /** Input line (1-based) that holds a zero-width mark. */
  line: number;
  open: string;
  /** For a flag: the id of its first piece, which the flag list links to. */
  id?: string;
}

function changeTitle(c: Change): string {
  return `${c.rule}: «${c.before}» → «${c.after}» — ${c.reason} (confidence ${c.confidence.toFixed(2)})`;
}

function flagTitle(x: Flag): string {
  const sugg = x.suggestions?.length ? ` — suggestions: ${x.suggestions.slice(0, 3).map((s) => `«${s}»`).join(', ')}` : '';
  return `${x.rule}/${x.kind}: ${x.message}${sugg}`;
}

/**
 * Which output lines sit beside which input line. Changes say where line breaks
 * were removed or added (their input lines, and the breaks in before/after), so
 * an unwrap that joins lines 4–6 puts the joined output line beside input line 4
 * and leaves rows 5–6 empty on the output side. Returns, per input line, the
 * output lines beside it; together they cover every output line once, in order.
 */
export function alignLines(inputLineCount: number, outputLineCount: number, changes: readonly Change[]): OutputSpan[] {
  const breaks = (s: string) => (s.match(/\r\n|\n|\r/g) ?? []).length;
  // gap[j]: output line breaks between the starts of input lines j and j+1 (0-based).
  const gap = new Array<number>(Math.max(0, inputLineCount - 1)).fill(1);
  // Replayed in the order the changes were applied, so a break that one rule
  // inserted and a later rule removed comes out even.
  for (const c of changes) {
    const removed = breaks(c.before);
    const added = breaks(c.after);
    if (removed === added) continue;
    const first = c.line - 1;
    if (first >= gap.length) continue; // on the last row: it shows every output line left
    let toRemove = removed - Math.min(removed, added);
    for (let j = first; j < c.endLine - 1 && j < gap.length && toRemove > 0; j++) {
      const d = Math.min(gap[j], toRemove);
      gap[j] -= d;
      toRemove -= d;
    }
    // Breaks `before` held that the input span does not (an earlier change put them there).
    if (toRemove > 0) gap[first] = Math.max(0, gap[first] - toRemove);
    gap[first] += added - Math.min(removed, added);
  }
  const starts: number[] = [];
  let at = 0;
  for (let j = 0; j < inputLineCount; j++) {
    starts.push(Math.min(at, outputLineCount));
    if (j < gap.length) at += gap[j];
  }
  // Input lines that share an output line: the first of them shows it, the rest are "joined".
  const rows: OutputSpan[] = [];
  for (let j = 0; j < inputLineCount; j++) {
    if (j > 0 && starts[j] === starts[j - 1]) {
      rows.push({ from: starts[j], to: starts[j] });
      continue;
    }
    let k = j + 1;
    while (k < inputLineCount && starts[k] === starts[j]) k++;
    rows.push({ from: starts[j], to: k < inputLineCount ? starts[k] : outputLineCount });
  }
  return rows;
}

/** Output lines [from, to) (0-based) shown beside one input line; empty when it was joined to the line above. */
export interface OutputSpan {
  from: number;
  to: number;
}

interface Piece {
  mark: Mark;
  start: number;
  end: number;
}

/**
 * One input line as HTML: the text cut at every mark boundary, each segment
 * wrapped in the marks that cover it (longest outermost), zero-width marks drawn
 * as points. A mark that covers the line break shows it as ↵.
 */
function renderLine(text: string, lineStart: number, lineEnd: number, nextStart: number, pieces: Piece[], points: Mark[], usedIds: Set<string>): string {
  // Never cut a surrogate pair in two: a cut inside one moves to the pair's start.
  const snap = (o: number): number =>
    o > lineStart && o < lineEnd && isLowSurrogate(text.charCodeAt(o)) && isHighSurrogate(text.charCodeAt(o - 1)) ? o - 1 : o;
  const pointAt = (m: Mark): number => snap(Math.min(Math.max(m.start, lineStart), lineEnd));
  const cuts = new Set<number>([lineStart, lineEnd, nextStart]);
  for (const p of pieces) {
    cuts.add(snap(p.start));
    cuts.add(snap(p.end));
  }
  for (const m of points) cuts.add(pointAt(m));
  const sorted = [...cuts].sort((a, b) => a - b);
  let html = '';
  const openMark = (m: Mark): string => {
    if (m.id && !usedIds.has(m.id)) {
      usedIds.add(m.id);
      return m.open.replace(/^<span /, `<span id="${m.id}" `);
    }
    return m.open;
  };
  for (let i = 0; i < sorted.length; i++) {
    const at = sorted[i];
    for (const m of points) {
      if (pointAt(m) === at) html += `${openMark(m)}</span>`;
    }
    if (i + 1 >= sorted.length) break;
    const end = sorted[i + 1];
    const active = pieces
      .filter((p) => snap(p.start) <= at && snap(p.end) >= end)
      .sort((a, b) => b.end - b.start - (a.end - a.start) || (a.mark.kind === b.mark.kind ? 0 : a.mark.kind === 'change' ? -1 : 1));
    let inner: string;
    if (at >= lineEnd) {
      if (active.length === 0) continue;
      inner = '<span class="eol">↵</span>';
    } else {
      inner = textHtml(text.slice(at, end));
    }
    html += active.map((p) => openMark(p.mark)).join('') + inner + '</span>'.repeat(active.length);
  }
  return html;
}

function isHighSurrogate(u: number): boolean {
  return u >= 0xd800 && u <= 0xdbff;
}
function isLowSurrogate(u: number): boolean {
  return u >= 0xdc00 && u <= 0xdfff;
}

function rulesInOrder(files: readonly FileReport[]): string[] {
  const seen = new Set<string>();
  for (const f of files) for (const c of f.result?.changes ?? []) seen.add(c.rule);
  const order = RULES.map((r) => r.id);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...seen].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The side-by-side table of one file. */
function fileTable(f: FileReport, fileIndex: number): string {
  const r = f.result!;
  const input = f.input.startsWith(BOM) ? f.input.slice(1) : f.input;
  const output = r.text.startsWith(BOM) ? r.text.slice(1) : r.text;
  const inLines = splitLines(input);
  const outLines = splitLines(output);
  const align = alignLines(inLines.length, outLines.length, r.changes);

  const marks: Mark[] = [];
  r.changes.forEach((c, k) => {
    const cls = c.offset === c.endOffset ? 'chg pt' : 'chg';
    marks.push({
      kind: 'change',
      start: c.offset,
      end: c.endOffset,
      line: c.line,
      open: `<span class="${cls} ${ruleClass(c.rule)}" data-change="${k}" data-rule="${escapeHtml(c.rule)}" title="${attr(changeTitle(c))}">`,
    });
  });
  r.flags.forEach((x, k) => {
    const cls = x.offset === x.endOffset ? 'flag pt' : 'flag';
    marks.push({
      kind: 'flag',
      start: x.offset,
      end: x.endOffset,
      line: x.line,
      id: flagId(fileIndex, k),
      open: `<span class="${cls}" data-flag="${k}" title="${attr(flagTitle(x))}">`,
    });
  });

  // Bucket marks by line once, so a long file with many changes stays linear.
  const piecesByLine = new Map<number, Piece[]>();
  const pointsByLine = new Map<number, Mark[]>();
  for (const m of marks) {
    if (m.start === m.end) {
      const li = Math.min(Math.max(m.line - 1, 0), inLines.length - 1);
      if (!pointsByLine.has(li)) pointsByLine.set(li, []);
      pointsByLine.get(li)!.push(m);
      continue;
    }
    for (let li = lineOf(inLines, m.start); li < inLines.length; li++) {
      const line = inLines[li];
      const next = li + 1 < inLines.length ? inLines[li + 1].start : input.length;
      if (line.start >= m.end) break;
      const s = Math.max(m.start, line.start);
      const e = Math.min(m.end, next);
      if (s < e) {
        if (!piecesByLine.has(li)) piecesByLine.set(li, []);
        piecesByLine.get(li)!.push({ mark: m, start: s, end: e });
      }
    }
  }

  const usedIds = new Set<string>();
  const rows: string[] = [];
  const lastRow = inLines.length - 1;
  for (let li = 0; li < inLines.length; li++) {
    const line = inLines[li];
    const next = li + 1 < inLines.length ? inLines[li + 1].start : input.length;
    const pieces = piecesByLine.get(li) ?? [];
    const points = pointsByLine.get(li) ?? [];
    const outs = outLines.slice(align[li].from, align[li].to);
    // A text that ends with a line break has an empty last line: nothing to show.
    if (li === lastRow && li > 0 && line.text === '' && !pieces.length && !points.length && outs.every((o) => o.text === '')) continue;
    const changed = pieces.some((p) => p.mark.kind === 'change') || points.some((p) => p.kind === 'change');
    const flagged = pieces.some((p) => p.mark.kind === 'flag') || points.some((p) => p.kind === 'flag');
    const srcHtml = renderLine(input, line.start, line.end, next, pieces, points, usedIds);
    let joinedEnd = li + 1;
    while (joinedEnd < inLines.length && align[joinedEnd].from === align[joinedEnd].to && outs.length) joinedEnd++;
    const sourceOfOuts = inLines.slice(li, joinedEnd).map((l) => l.text).join('\n');
    const outHtml = outs.length
      ? outputLinesHtml(sourceOfOuts, outs, changed)
      : '<div class="joined" title="joined to the line above · مدموج مع السطر السابق">↑</div>';
    const outNums = outs.map((o) => o.index + 1).join('<br>');
    const cls = [changed ? 'changed' : '', flagged ? 'flagged' : '', !changed && !flagged ? 'same' : ''].filter(Boolean).join(' ');
    rows.push(
      `<tr id="${lineId(fileIndex, li + 1)}" class="${cls}"><td class="ln">${li + 1}</td><td class="txt src">${srcHtml}</td>` +
        `<td class="ln">${outNums}</td><td class="txt out">${outHtml}</td></tr>`,
    );
  }
  return (
    `<table class="sbs"><colgroup><col class="c-ln"><col class="c-txt"><col class="c-ln"><col class="c-txt"></colgroup>` +
    `<thead><tr><th>#</th><th>الأصل · input</th><th>#</th><th>بعد الإصلاح · cleaned</th></tr></thead><tbody>` +
    rows.join('\n') +
    `</tbody></table>`
  );
}

const TOKEN = /\s+|\S+/gu;

/**
 * The cleaned lines of one row. On a changed row, words that are not in the
 * input beside it are underlined, so the eye finds the repair on both sides
 * (a word-level diff: the change itself is highlighted on the input side).
 */
function outputLinesHtml(source: string, outs: readonly Line[], changed: boolean): string {
  const wrap = (o: Line, html: string) => `<div class="ol" data-out-line="${o.index + 1}">${html}</div>`;
  if (!changed) return outs.map((o) => wrap(o, textHtml(o.text))).join('');
  const target = outs.map((o) => o.text).join('\n');
  const tokens = (t: string) => t.split(/(\n)/).flatMap((part) => (part === '\n' ? ['\n'] : (part.match(TOKEN) ?? [])));
  // A row whose words mostly moved (a reordered line) is not worth a long diff.
  const parts = diffArrays(tokens(source), tokens(target), { maxEditLength: 400 });
  if (!parts) return outs.map((o) => wrap(o, textHtml(o.text))).join('');
  const htmlLines: string[] = [''];
  for (const part of parts) {
    if (part.removed) continue;
    for (const tok of part.value) {
      if (tok === '\n') htmlLines.push('');
      else if (part.added && /\S/.test(tok)) htmlLines[htmlLines.length - 1] += `<span class="d">${textHtml(tok)}</span>`;
      else htmlLines[htmlLines.length - 1] += textHtml(tok);
    }
  }
  return outs.map((o, i) => wrap(o, htmlLines[i] ?? '')).join('');
}

function lineOf(lines: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function flagId(fileIndex: number, k: number): string {
  return `file${fileIndex}-flag${k}`;
}
function lineId(fileIndex: number, line: number): string {
  return `file${fileIndex}-L${line}`;
}

/**
 * A rule's colour follows its place in the registry, so remove-kashida has the
 * same colour in every report; past the hand-picked palette, hues step by the
 * golden angle, which keeps any number of them apart.
 */
function ruleColour(rule: string, unknownRank: number): string {
  const known = RULES.findIndex((r) => r.id === rule);
  const i = known >= 0 ? known : RULES.length + unknownRank;
  if (i < PALETTE.length) return PALETTE[i];
  const hue = Math.round((i * 137.508) % 360);
  return `hsl(${hue} 80% 82%)`;
}

function css(rules: readonly string[]): string {
  let unknown = 0;
  const perRule = rules
    .map((id) => {
      const c = ruleClass(id);
      const colour = ruleColour(id, RULES.some((r) => r.id === id) ? 0 : unknown++);
      return `.${c}{--mark:${colour}}body.hide-${c} .chg.${c}{background:none;box-shadow:none}body.hide-${c} .chg.pt.${c}{display:none}`;
    })
    .join('\n');
  return `
:root{--line:#e2e2e2;--muted:#6b6b6b;--flag:#c62828}
*{box-sizing:border-box}
body{margin:0;padding:0 1.2rem 3rem;font-family:"Amiri","Noto Naskh Arabic","KacstOne","Geeza Pro","Traditional Arabic",serif;font-size:18px;line-height:1.9;color:#1d1d1d;background:#fafafa}
header{padding:1rem 0 .5rem;border-bottom:1px solid var(--line)}
h1{font-size:1.5rem;margin:0}
h2{font-size:1.2rem;margin:2rem 0 .4rem}
h3{font-size:1.05rem;margin:1rem 0 .3rem}
.meta{color:var(--muted);font-size:.85rem}
.ltr{direction:ltr;unicode-bidi:isolate}
table{border-collapse:collapse}
.overview td,.overview th{border:1px solid var(--line);padding:.1rem .6rem;font-size:.9rem;text-align:start}
.overview td.n{text-align:end;font-variant-numeric:tabular-nums}
.controls{position:sticky;top:0;z-index:2;background:#fafafa;border-bottom:1px solid var(--line);padding:.4rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;align-items:center;font-size:.9rem}
.controls label{white-space:nowrap;cursor:pointer}
.swatch{display:inline-block;width:1.1em;height:1.1em;vertical-align:middle;border-radius:3px;background:var(--mark);border:1px solid rgba(0,0,0,.2)}
.swatch.flag-swatch{background:none;border:0;border-bottom:2px wavy var(--flag)}
.flags-list{margin:.3rem 0;font-size:.9rem;background:#fff}
.flags-list td,.flags-list th{border:1px solid var(--line);padding:.1rem .5rem;text-align:start;vertical-align:top}
.flags-list th{font-weight:normal;background:#f0f0f0}
.flags-list a,.overview a{color:#0b57d0}
.auto{unicode-bidi:plaintext}
.sugg{display:inline-block;border:1px solid var(--line);border-radius:3px;padding:0 .3em;margin-inline-end:.3em;background:#f6fff0}
.ctx{color:var(--muted)}
.stat{display:inline-block;margin-left:1.4em}
.sbs{width:100%;table-layout:fixed;background:#fff;border:1px solid var(--line)}
.sbs col.c-ln{width:3.2em}
.sbs col.c-txt{width:calc(50% - 3.2em)}
.sbs th{background:#f0f0f0;font-weight:normal;font-size:.85rem;padding:.1rem .5rem;text-align:start;border-bottom:1px solid var(--line)}
.sbs td{vertical-align:top;border-top:1px solid #f0f0f0;padding:0 .5rem}
.sbs td.ln{font:12px/2.9 ui-monospace,"DejaVu Sans Mono",monospace;color:var(--muted);text-align:center;direction:ltr;background:#f7f7f7;user-select:none}
.sbs td.txt{white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext}
.sbs td.out{border-inline-start:1px solid var(--line)}
.sbs .ol{unicode-bidi:plaintext}
.sbs tr.changed td.src{box-shadow:inset -3px 0 0 #d9a400}
.sbs tr.flagged td.src{box-shadow:inset -3px 0 0 var(--flag)}
.sbs tr:target td{background:#fff6d6}
.joined{color:var(--muted);font-family:sans-serif}
body.only-changed .sbs tr.same{display:none}
.chg{background:var(--mark);border-radius:2px}
.chg.pt{display:inline-block;width:.35em;height:1.2em;vertical-align:middle;box-shadow:0 0 0 1px rgba(0,0,0,.45)}
.eol{color:#444;font-family:"DejaVu Sans",sans-serif;padding:0 .15em}
.flag{text-decoration:underline wavy var(--flag);text-decoration-skip-ink:none;text-underline-offset:.35em}
.flag.pt{display:inline-block;width:1.05em;height:1.05em;border-radius:50%;background:var(--flag);vertical-align:middle;margin:0 .1em;text-decoration:none;color:#fff;font:bold 11px/1.05em sans-serif;text-align:center}
.flag.pt::before{content:"!"}
.flag,.chg{scroll-margin-top:6rem}
.flag:target{outline:2px solid var(--flag);outline-offset:2px}
body.hide-flags .flag{text-decoration:none}
.flag .inv{outline:2px solid var(--flag)}
body.hide-flags .flag .inv{outline:none}
.sbs .d{text-decoration:underline 2px #8c8c8c;text-underline-offset:.4em}
body.hide-flags .flag.pt{display:none}
.inv{display:inline-block;font:10px/1.4 ui-monospace,"DejaVu Sans Mono",monospace;color:#444;background:#eee;border:1px solid #999;border-radius:3px;padding:0 .2em;margin:0 1px;vertical-align:middle}
details.clean summary{cursor:pointer;color:var(--muted)}
.error{color:var(--flag)}
${perRule}
`;
}

/** Each checkbox names a body class: set while unchecked (hide-…) or, with data-when-checked, while checked. */
const SCRIPT = `
document.querySelectorAll('input[data-toggle]').forEach(function (box) {
  var name = box.getAttribute('data-toggle');
  var whenChecked = box.hasAttribute('data-when-checked');
  var apply = function () { document.body.classList.toggle(name, whenChecked ? box.checked : !box.checked); };
  box.addEventListener('change', apply);
  apply();
});
`;

export function batchHtml(files: readonly FileReport[], tool: string): string {
  const rules = rulesInOrder(files);
  const ruleCounts = countBy(
    files.flatMap((f) => f.result?.changes ?? []),
    (c) => c.rule,
  );
  const totalFlags = files.reduce((n, f) => n + (f.result?.flags.length ?? 0), 0);
  const totalChanges = files.reduce((n, f) => n + (f.result?.changes.length ?? 0), 0);

  const overview = files
    .map((f, i) => {
      const name = `<a href="#file${i}" class="ltr">${textHtml(f.path)}</a>`;
      if (f.error !== undefined) return `<tr><td>${name}</td><td colspan="3" class="error">${textHtml(f.error)}</td></tr>`;
      const r = f.result!;
      const byRule = Object.entries(countBy(r.changes, (c) => c.rule))
        .map(([k, v]) => `${escapeHtml(k)} ${v}`)
        .join(', ');
      return `<tr><td>${name}</td><td class="n">${r.changes.length}</td><td class="ltr">${byRule}</td><td class="n">${r.flags.length}</td></tr>`;
    })
    .join('\n');

  const legend = rules
    .map(
      (id) =>
        `<label><input type="checkbox" checked data-toggle="hide-${ruleClass(id)}" data-rule="${escapeHtml(id)}"> <span class="swatch ${ruleClass(id)}"></span> <span class="ltr">${escapeHtml(id)}</span> (${ruleCounts[id]})</label>`,
    )
    .join('\n');

  const flagTables = files
    .map((f, i) => {
      if (!f.result?.flags.length) return '';
      const rows = f.result.flags
        .map((x, k) => {
          const sugg = x.suggestions?.length ? x.suggestions.slice(0, 3).map((s) => `<span class="sugg">${textHtml(s)}</span>`).join(' ') : '';
          return (
            `<tr><td><a href="#${flagId(i, k)}" class="ltr">${x.line}:${x.column}</a></td><td class="ltr">${escapeHtml(x.rule)}/${escapeHtml(x.kind)}</td>` +
            `<td class="auto">${textHtml(x.message)}</td><td class="auto">${sugg}</td><td class="auto ctx">${textHtml(x.context)}</td></tr>`
          );
        })
        .join('\n');
      return (
        `<h3><a href="#file${i}" class="ltr">${textHtml(f.path)}</a></h3><table class="flags-list"><thead><tr><th>الموضع · at</th><th>القاعدة · rule/kind</th>` +
        `<th>الرسالة · message</th><th>اقتراحات · suggestions</th><th>السياق · context</th></tr></thead><tbody>${rows}</tbody></table>`
      );
    })
    .join('\n');

  const sections = files
    .map((f, i) => {
      const head = `<h2 id="file${i}"><span class="ltr">${textHtml(f.path)}</span></h2>`;
      if (f.error !== undefined) return `<section class="file">${head}<p class="error">${textHtml(f.error)}</p></section>`;
      const r = f.result!;
      const dest = f.output ? `<span class="stat">الناتج · output: <span class="ltr">${textHtml(f.output)}</span></span>` : '';
      const meta = `<p class="meta"><span class="stat">تغييرات · changes: ${r.changes.length}</span><span class="stat">تنبيهات · flags: ${r.flags.length}</span>${dest}</p>`;
      const table = fileTable(f, i);
      if (!r.changes.length && !r.flags.length) {
        return `<section class="file">${head}<details class="clean"><summary>لم يتغير شيء · clean: nothing changed, nothing flagged (show text)</summary>${table}</details></section>`;
      }
      return `<section class="file">${head}${meta}${table}</section>`;
    })
    .join('\n');

  return `<!doctype html>
<html dir="rtl" lang="ar">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(tool)}">
<title>تقرير fix-arabic</title>
<style>${css(rules)}</style>
</head>
<body>
<header>
<h1>تقرير إصلاح النص · fix-arabic report</h1>
<p class="meta"><span class="stat ltr">${escapeHtml(tool)}</span><span class="stat">ملفات · files: ${files.length}</span><span class="stat">تغييرات · changes: ${totalChanges}</span><span class="stat">تنبيهات · flags: ${totalFlags}</span><span class="stat">المواضع سطر:عمود في الملف الأصلي · positions are line:column in the input</span></p>
<table class="overview"><thead><tr><th>الملف · file</th><th>تغييرات · changes</th><th>حسب القاعدة · by rule</th><th>تنبيهات · flags</th></tr></thead><tbody>
${overview}
</tbody></table>
</header>
<div class="controls">
${legend}
<label><input type="checkbox" checked data-toggle="hide-flags"> <span class="swatch flag-swatch"></span> تنبيهات · flags (${totalFlags})</label>
<label><input type="checkbox" data-toggle="only-changed" data-when-checked> الأسطر المعدلة فقط · changed lines only</label>
</div>
<section id="flags">
<h2>التنبيهات · flags</h2>
${totalFlags ? flagTables : '<p class="meta">لا تنبيهات · no flags.</p>'}
</section>
${sections}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
