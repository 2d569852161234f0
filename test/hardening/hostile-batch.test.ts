/**
 * Hostile submissions graded in ONE batch with good ones (issue 8): each hostile one is stopped
 * within its documented limits (docs/grading.md "Safety": ShellLimits per line, the wall-clock
 * budget per worker, the folder walk) and reported with a reason; the good ones pass. A scenario
 * that does not exist is its own invocation: a clear message and exit status 2. The workers run
 * the built grader (dist/), built here first.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { gradeCommand } from '../../src/cli/grade-command.js';
import type { SubmissionReport } from '../../src/lesson/grade/report-types.js';
import { gradeInWorkers } from '../../src/lesson/grade/worker-pool.js';
import { builtin, referenceScript, tempDir, writeTree } from '../grade/helpers.js';

beforeAll(() => {
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'ignore' });
  } catch {
    // Type errors in files being edited elsewhere still emit JavaScript.
  }
}, 180_000);

const HOSTILE: Record<string, string> = {
  'busy-loop.sh': 'while true; do :; done\n',
  'sleep-loop.sh': 'while true; do sleep 1; done\n',
  'fork-bomb.sh': 'f(){ f|f& }; f\n',
  'named-bomb.sh': ':(){ :|:& };:\n',
  'deep-recursion.sh': 'r(){ r; }; r\nn(){ echo $(n); }; n\n',
  'gigabytes.sh': 'while true; do echo yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy; done\n',
  'fill-memory.sh': 'echo 0123456789abcdef > big\nwhile true; do cat big big > big2; mv big2 big; done\nls -l big | wc -l\n',
  'many-files.sh': 'head -c 1000000 /dev/zero > f 2>/dev/null || printf "%01000000d" 0 > f\ni=0; while true; do cp f f$i; i=$((i+1)); done\n',
  'paths.sh': 'cat ../../../../etc/passwd\ncat /etc/passwd\ncd /; ls\ncd ../../..; pwd\necho pwned > /tmp/kubelab-hostile-write\necho pwned > ../../escaped.txt\n',
};

describe('a hostile batch with good submissions, graded at once', () => {
  let by: Record<string, SubmissionReport>;
  let dir: string;
  const names: string[] = [];
  beforeAll(async () => {
    const sc = builtin('blue-green');
    const good = await referenceScript(sc);
    dir = tempDir('kubelab-hostile-');
    writeTree(dir, {
      ...HOSTILE,
      'good.sh': good,
      'good-folder/commands.sh': good,
      'good-session/session.jsonl': good.trimEnd().split('\n').map((line) => JSON.stringify({ line })).join('\n') + '\n',
      'symlink-out/commands.sh': good,
      'torn-session/session.jsonl': '{"line": "kubectl get pods"}\n{"line": "kubectl get',
      'not-json/session.jsonl': 'kubectl get pods\n',
      'wrong-shape/session.jsonl': '[1, 2]\n',
      'both/session.jsonl': '{"line": "kubectl get pods", "event": "hint"}\n',
    });
    symlinkSync('/etc/passwd', join(dir, 'symlink-out', 'passwd'));
    symlinkSync('/etc', join(dir, 'symlink-out', 'etc'));
    mkdirSync(join(dir, 'linked-commands'));
    symlinkSync('/etc/hostname', join(dir, 'linked-commands', 'commands.sh'));
    // A name with control characters (ESC [2J clears a terminal; BEL; a newline).
    const controlName = 'ctl-\x1b[2J-\x07-\n-name.sh';
    writeFileSync(join(dir, controlName), good);
    names.push(...Object.keys(HOSTILE), 'good.sh', 'good-folder', 'good-session', 'symlink-out', 'linked-commands', 'torn-session', 'not-json', 'wrong-shape', 'both', controlName);
    const reports = await gradeInWorkers(sc, names.map((n) => join(dir, n)), names, { jobs: 4 });
    by = Object.fromEntries(reports.map((r) => [r.name, r]));
  }, 600_000);

  test('the good submissions pass in the same batch', () => {
    for (const n of ['good.sh', 'good-folder', 'good-session']) expect(by[n].status, n).toBe('passed');
  });

  test('loops, bombs, recursion, floods and memory fillers are stopped by a limit and reported', () => {
    for (const n of ['busy-loop.sh', 'fork-bomb.sh', 'named-bomb.sh', 'deep-recursion.sh', 'gigabytes.sh', 'fill-memory.sh', 'many-files.sh']) {
      const r = by[n];
      expect(r.status, n).not.toBe('passed');
      expect(r.error?.code ?? 'graded', n).not.toBe('timed-out');
      expect(r.notes.map((x) => x.en).join('\n'), n).toMatch(/kubelab limit|interrupted/);
    }
    expect(by['sleep-loop.sh'].notes[0].en).toContain('interrupted as if by Ctrl-C');
  });

  test('paths outside the workspace see only the workspace; nothing is written outside', async () => {
    const { existsSync } = await import('node:fs');
    expect(by['paths.sh'].status).toBe('failed');
    expect(existsSync('/tmp/kubelab-hostile-write')).toBe(false);
    expect(existsSync(join(dir, '..', 'escaped.txt'))).toBe(false);
  });

  test('symbolic links are never followed', () => {
    expect(by['symlink-out'].status).toBe('passed');
    expect(by['symlink-out'].notes.map((n) => n.en)).toEqual(expect.arrayContaining(['passwd is a symbolic link and was left out.']));
    expect(by['linked-commands'].error?.code).toBe('unsafe-path');
  });

  test('malformed session files are reported with their line', () => {
    for (const n of ['torn-session', 'not-json', 'wrong-shape', 'both']) {
      expect(by[n].error?.code, n).toBe('malformed');
      expect(by[n].error?.message.en, n).toMatch(/session\.jsonl line \d+/);
    }
  });

  test('a name with control characters is graded and reported under its name', () => {
    const ctl = Object.keys(by).find((k) => k.startsWith('ctl-'))!;
    expect(by[ctl].status).toBe('passed');
  });
});

test('a scenario id that does not exist: a clear error and exit status 2', async () => {
  const dir = writeTree(tempDir(), { 'a.sh': 'kubectl get pods\n' });
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) };
  expect(await gradeCommand(['--scenario', 'no-such-lesson', join(dir, 'a.sh')], io)).toBe(2);
  expect(out.join('')).toBe('');
  expect(err.join('')).toMatch(/no-such-lesson/);
}, 60_000);
