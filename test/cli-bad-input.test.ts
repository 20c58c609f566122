/**
 * Bad input, end to end through the built CLI: each case must give one clear
 * line on stderr (file and reason), the documented exit code, no stack trace,
 * and never a lost or half-written file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixText } from '../src/index.js';
import { CLI, requireBuild, runCli, seed, STACK_TRACE, tempDir, type Run } from './helpers/cli.js';

beforeAll(requireBuild);

const damaged = seed('000');
const clean = seed('001');
const isRoot = process.geteuid?.() === 0;
const setpriv = spawnSync('setpriv', ['--version']).status === 0;

/** stderr is exactly one line, naming the file and the reason. */
function expectOneLine(r: Run, file: string, reason: RegExp): void {
  expect(r.stderr).not.toMatch(STACK_TRACE);
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(reason);
}

function expectNoTemps(dir: string): void {
  expect(readdirSync(dir).filter((f) => f.includes('.fix-arabic-'))).toEqual([]);
}

describe('files that cannot be read', () => {
  it('a missing file: exit 2, one line, and the rest of the batch is still processed', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), damaged);
    const r = runCli(['-q', '-o', join(dir, 'out'), join(dir, 'missing.txt'), join(dir, 'good.txt')]);
    expect(r.status).toBe(2);
    expectOneLine(r, 'missing.txt', /no such file/);
    expect(readFileSync(join(dir, 'out', 'good.txt'), 'utf8')).toBe(fixText(damaged).text);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
    expect(report.files.map((f: { error?: string }) => f.error ?? null)).toEqual(['no such file', null]);
  });

  it('stdin that is a directory', () => {
    const dir = tempDir();
    const fd = openSync(dir, 'r');
    try {
      const r = runCli([], { stdio: [fd, 'pipe', 'pipe'] });
      expect(r.status).toBe(2);
      expectOneLine(r, 'stdin', /is a directory/);
    } finally {
      closeSync(fd);
    }
  });

  it('a directory', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const r = runCli(['-q', '--check', join(dir, 'sub')]);
    expect(r.status).toBe(2);
    expectOneLine(r, 'sub', /is a directory/);
  });

  it.skipIf(isRoot && !setpriv)('a file without read permission (as an unprivileged user when run as root)', () => {
    const dir = tempDir();
    const file = join(dir, 'secret.txt');
    writeFileSync(file, damaged);
    chmodSync(file, 0o000);
    chmodSync(dir, 0o777);
    // root reads anything: drop to nobody so that the permission bits count.
    const prefix = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
    const [cmd, ...rest] = [...prefix, process.execPath, CLI, '-q', '--check', file];
    const r = spawnSync(cmd, rest, { env: { ...process.env, HOME: dir, NO_COLOR: '1' } });
    const run: Run = { status: r.status, signal: r.signal, stdout: r.stdout, stderr: String(r.stderr) };
    expect(run.status).toBe(2);
    expectOneLine(run, 'secret.txt', /permission denied/);
  });

  it('invalid UTF-8: says at which byte; --encoding windows-1256 reads it on purpose', () => {
    const dir = tempDir();
    const file = join(dir, 'cp1256.txt');
    // "سلام" in windows-1256 after 6 ASCII bytes: the first byte that is not UTF-8 is byte 6.
    writeFileSync(file, Buffer.concat([Buffer.from('hello '), Buffer.from([0xd3, 0xe1, 0xc7, 0xe3])]));
    const r = runCli(['-q', '--check', file]);
    expect(r.status).toBe(2);
    expectOneLine(r, 'cp1256.txt', /invalid UTF-8 at byte 6\b/);
    const ok = runCli(['--encoding', 'windows-1256'], { input: readFileSync(file) });
    expect(ok.status).toBe(0);
    expect(ok.stdout.toString('utf8')).toBe('hello سلام');
  });

  it('a UTF-8 file cut in the middle of a character', () => {
    const bytes = Buffer.from('سلام', 'utf8');
    const r = runCli([], { input: bytes.subarray(0, bytes.length - 1) });
    expect(r.status).toBe(2);
    expectOneLine(r, 'stdin', /cut off .*byte 6/);
  });

  it('binary files (NUL bytes) are skipped with a message; the batch goes on', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'image.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0xff]));
    writeFileSync(join(dir, 'text.txt'), damaged);
    const r = runCli(['-q', '-o', join(dir, 'out'), join(dir, 'image.bin'), join(dir, 'text.txt')]);
    expect(r.status).toBe(2);
    expectOneLine(r, 'image.bin', /binary file \(NUL byte at offset 4\), skipped/);
    expect(existsSync(join(dir, 'out', 'image.bin'))).toBe(false);
    expect(readFileSync(join(dir, 'out', 'text.txt'), 'utf8')).toBe(fixText(damaged).text);
  });

  it('-a reads a file with NUL bytes as text (pdf.js writes unmapped glyphs as control codes), in a batch and a pipe', () => {
    const dir = tempDir();
    // Three justification kashidas pdf.js could not map, one of them as NUL; and a NUL between words, which stays.
    const pdfjs = 'تقع المدين\u0000ة في جن\u0008وب البلاد\nوق\u0002\u0002د نحتها الأنباط \u0000 في الصخر\n';
    writeFileSync(join(dir, 'page.txt'), pdfjs);
    const refused = runCli(['-q', '-o', join(dir, 'out'), join(dir, 'page.txt')]);
    expect(refused.status).toBe(2);
    expectOneLine(refused, 'page.txt', /binary file .*-a reads it as text/);
    const r = runCli(['-q', '-a', '-o', join(dir, 'out'), join(dir, 'page.txt')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const expected = 'تقع المدينة في جنوب البلاد\nوقد نحتها الأنباط \u0000 في الصخر\n';
    expect(readFileSync(join(dir, 'out', 'page.txt'), 'utf8')).toBe(expected);
    const piped = runCli(['-a'], { input: Buffer.from(pdfjs) });
    expect(piped.status).toBe(0);
    expect(String(piped.stdout)).toBe(expected);
  });

  it('UTF-16 without a BOM is recognised as such in the message, and read with --encoding', () => {
    const dir = tempDir();
    const file = join(dir, 'u16.txt');
    writeFileSync(file, Buffer.from(damaged, 'utf16le'));
    const r = runCli(['-q', '--check', file]);
    expect(r.status).toBe(2);
    expectOneLine(r, 'u16.txt', /looks like UTF-16LE .*--encoding utf-16le/);
    const out = join(dir, 'out');
    const ok = runCli(['-q', '--encoding', 'utf-16le', '-o', out, file]);
    expect(ok.status).toBe(0);
    expect(readFileSync(join(out, 'u16.txt'))).toEqual(Buffer.from(fixText(damaged).text, 'utf16le'));
  });
});

describe('encodings and line endings come back as they were', () => {
  for (const [name, bom, encode] of [
    ['UTF-16LE', Buffer.from([0xff, 0xfe]), (s: string) => Buffer.from(s, 'utf16le')],
    ['UTF-16BE', Buffer.from([0xfe, 0xff]), (s: string) => Buffer.from(s, 'utf16le').swap16()],
  ] as const) {
    it(`${name} with a BOM is detected, fixed and written back in ${name}`, () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'in.txt'), Buffer.concat([bom, encode(damaged)]));
      const r = runCli(['-q', '-o', join(dir, 'out'), join(dir, 'in.txt')]);
      expect(r.status).toBe(0);
      expect(readFileSync(join(dir, 'out', 'in.txt'))).toEqual(Buffer.concat([bom, encode(fixText(damaged).text)]));
      // and through a pipe
      const p = runCli([], { input: Buffer.concat([bom, encode(damaged)]) });
      expect(p.stdout).toEqual(Buffer.concat([bom, encode(fixText(damaged).text)]));
    });
  }

  it('a UTF-8 BOM is kept', () => {
    const r = runCli([], { input: '\ufeff' + damaged });
    expect(r.stdout.toString('utf8')).toBe('\ufeff' + fixText(damaged).text);
  });

  it('an empty file gives an empty output file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = runCli(['-q', '-o', join(dir, 'out'), join(dir, 'empty.txt')]);
    expect(r.status).toBe(0);
    expect(statSync(join(dir, 'out', 'empty.txt')).size).toBe(0);
    const p = runCli([], { input: '' });
    expect(p.status).toBe(0);
    expect(p.stdout.length).toBe(0);
  });

  it('no trailing newline: none is added', () => {
    const text = damaged.trimEnd();
    const r = runCli([], { input: text });
    expect(r.stdout.toString('utf8')).toBe(fixText(text).text);
    expect(r.stdout.toString('utf8').endsWith('\n')).toBe(false);
  });

  for (const [name, eol] of [
    ['CRLF', (s: string) => s.replace(/\n/g, '\r\n')],
    ['CR only', (s: string) => s.replace(/\n/g, '\r')],
    ['mixed', (s: string) => s.replace(/\n/g, (_m: string, i: number) => ['\n', '\r\n', '\r'][i % 3])],
  ] as const) {
    it(`${name} line endings: clean text byte-identical, damaged text fixed with its endings kept`, () => {
      const c = eol(clean);
      expect(runCli([], { input: c }).stdout.toString('utf8')).toBe(c);
      const d = eol(damaged);
      const out = runCli([], { input: d }).stdout.toString('utf8');
      expect(out).toBe(fixText(d).text);
      expect(out.match(/\r\n|\r|\n/g)).toEqual(d.match(/\r\n|\r|\n/g));
    });
  }
});

describe('outputs that cannot be written', () => {
  it('-o pointing at a regular file: one line, exit 2, the file untouched', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.txt'), damaged);
    writeFileSync(join(dir, 'taken'), 'keep me');
    const r = runCli(['-q', '-o', join(dir, 'taken'), join(dir, 'in.txt')]);
    expect(r.status).toBe(2);
    expectOneLine(r, 'taken', /is a file, not a directory/);
    expect(readFileSync(join(dir, 'taken'), 'utf8')).toBe('keep me');
  });

  it('stdout on a full device (/dev/full): one line, exit 2', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = runCli([], { input: damaged, stdio: ['pipe', fd, 'pipe'] });
      expect(r.status).toBe(2);
      expectOneLine(r, 'stdout', /no space left on device/);
    } finally {
      closeSync(fd);
    }
  });

  // A 64 KiB file system, mounted in a private mount namespace that ends with the command.
  const canMount = isRoot && spawnSync('unshare', ['--mount', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt']).status === 0;
  it.skipIf(!canMount)('a full output file system: one line per file that does not fit, no temp file left', () => {
    const dir = tempDir();
    const inputs = ['a', 'b', 'c'].map((n) => {
      const p = join(dir, `${n}.txt`);
      writeFileSync(p, damaged.repeat(4)); // about 40 KB of output each: only the first fits
      return p;
    });
    const out = join(dir, 'full');
    mkdirSync(out);
    const script = `mount -t tmpfs -o size=64k tmpfs '${out}' && '${process.execPath}' '${CLI}' -q --no-report --jobs 1 -o '${out}' ${inputs.map((p) => `'${p}'`).join(' ')}; s=$?; ls -A '${out}' >&2; exit $s`;
    const r = spawnSync('unshare', ['--mount', 'sh', '-c', script], { env: { ...process.env, NO_COLOR: '1' } });
    const stderr = String(r.stderr);
    expect(r.status).toBe(2);
    expect(stderr).not.toMatch(STACK_TRACE);
    const errors = stderr.split('\n').filter((l) => l.startsWith('fix-arabic:'));
    expect(errors.length).toBeGreaterThanOrEqual(1);
    for (const e of errors) expect(e).toMatch(/^fix-arabic: .*\/[bc]\.txt: cannot write: no space left on device$/);
    // What the file system held at the end: complete outputs only, no temp file.
    const listed = stderr.split('\n').filter((l) => l && !l.startsWith('fix-arabic:'));
    expect(listed.filter((f) => f.includes('.fix-arabic-'))).toEqual([]);
    expect(listed).toContain('a.txt');
  });

  it('an output that would overwrite its input is refused and the input kept', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.txt'), damaged);
    const r = runCli(['-q', '-o', '.', 'in.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expectOneLine(r, 'in.txt', /would overwrite an input/);
    expect(readFileSync(join(dir, 'in.txt'), 'utf8')).toBe(damaged);
  });

  it.skipIf(isRoot && !setpriv)('--write in a directory the user cannot write: input intact, no temp file', () => {
    const dir = tempDir();
    const file = join(dir, 'in.txt');
    writeFileSync(file, damaged);
    chmodSync(file, 0o666);
    chmodSync(dir, 0o555);
    const prefix = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
    const [cmd, ...rest] = [...prefix, process.execPath, CLI, '-q', '--write', file];
    const r = spawnSync(cmd, rest, { env: { ...process.env, HOME: dir, NO_COLOR: '1' } });
    chmodSync(dir, 0o755);
    expect(r.status).toBe(2);
    expectOneLine({ status: r.status, signal: r.signal, stdout: r.stdout, stderr: String(r.stderr) }, 'in.txt', /cannot write: permission denied/);
    expect(readFileSync(file, 'utf8')).toBe(damaged);
    expectNoTemps(dir);
  });

  it('--write replaces a file through its symlink, keeping the link', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.txt'), damaged);
    spawnSync('ln', ['-s', 'real.txt', join(dir, 'link.txt')]);
    const r = runCli(['-q', '--write', join(dir, 'link.txt')]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe(fixText(damaged).text);
    expect(spawnSync('readlink', [join(dir, 'link.txt')]).stdout.toString().trim()).toBe('real.txt');
  });
});

describe('size', () => {
  it('a single line of 50 MB', { timeout: 180_000 }, () => {
    const unit = clean.replace(/[\r\n]+/g, ' ') + ' ';
    const line = unit.repeat(Math.ceil(50e6 / Buffer.byteLength(unit)));
    const r = runCli([], { input: line });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.equals(Buffer.from(line))).toBe(true);
  });

  it('lines of 100,000 words', { timeout: 180_000 }, () => {
    const words = damaged.split(/\s+/).filter(Boolean);
    const line = Array.from({ length: 100_000 }, (_, i) => words[i % words.length]).join(' ');
    const text = [line, line, line].join('\n');
    const r = runCli([], { input: text });
    expect(r.status).toBe(0);
    expect(r.stdout.toString('utf8')).toBe(fixText(text).text);
  });
});

describe('interrupted runs', () => {
  /** A batch big enough to be interrupted in the middle. */
  function bigBatch(dir: string, files = 24): string[] {
    const body = Array(30).fill(damaged).join('\n\n');
    return Array.from({ length: files }, (_, i) => {
      const p = join(dir, `f${String(i).padStart(2, '0')}.txt`);
      writeFileSync(p, body);
      return p;
    });
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} mid-batch: no half-written output, only complete files`, { timeout: 120_000 }, async () => {
      const dir = tempDir();
      const inputs = bigBatch(dir);
      const out = join(dir, 'out');
      const expected = fixText(readFileSync(inputs[0], 'utf8')).text;
      const child = spawn(process.execPath, [CLI, '-q', '--jobs', '2', '-o', out, ...inputs], { stdio: 'ignore' });
      // Wait until some output exists, then interrupt.
      await new Promise<void>((resolve) => {
        const t = setInterval(() => {
          if (existsSync(out) && readdirSync(out).some((f) => f.endsWith('.txt'))) {
            clearInterval(t);
            resolve();
          }
        }, 5);
      });
      child.kill(signal);
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
      expectNoTemps(out);
      for (const f of readdirSync(out).filter((f) => f.endsWith('.txt'))) {
        expect(readFileSync(join(out, f), 'utf8')).toBe(expected);
      }
    });
  }

  it('SIGTERM during --write: every input is either as it was or fully fixed', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const inputs = bigBatch(dir);
    const original = readFileSync(inputs[0], 'utf8');
    const fixed = fixText(original).text;
    const child = spawn(process.execPath, [CLI, '-q', '--jobs', '2', '--write', ...inputs], { stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (inputs.some((p) => readFileSync(p, 'utf8') !== original)) {
          clearInterval(t);
          resolve();
        }
      }, 5);
    });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
    expectNoTemps(dir);
    for (const p of inputs) expect([original, fixed]).toContain(readFileSync(p, 'utf8'));
  });

  it('a closed pipe (| head -1) ends quietly with status 0', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const big = join(dir, 'big.txt');
    writeFileSync(big, Array(400).fill(damaged).join('\n\n'));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" < "${big}" | head -1 > /dev/null; echo "status=\${PIPESTATUS[0]}"`]);
    expect(String(r.stderr)).toBe('');
    expect(String(r.stdout).trim()).toBe('status=0');
  });
});

describe('no stack traces', () => {
  it('usage errors are one line too', () => {
    for (const args of [['--jobs', '0'], ['--min-confidence', '2'], ['--enable', 'no-such-rule'], ['--write', '--check', 'x']]) {
      const r = runCli(args, { input: '' });
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });
});
