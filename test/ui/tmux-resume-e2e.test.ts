/**
 * End to end, nothing lost (issue 8): the built `kubelab lesson hello-pods` in tmux; the student
 * completes two commands and is typing a third when the node process gets SIGKILL. Restarted on
 * the same workspace, the lesson replays the journal: the screen shows the earlier commands and
 * the step reached, the journal is valid JSONL with every completed command, and the lesson goes
 * on from there. Skipped, saying why, without tmux.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSessionFile } from '../../src/ui/session-recorder.js';
import { tmuxDriver } from './tmux-driver.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOCKET = `kubelab-resume-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('tmux-resume-e2e: tmux is not installed, so the kill -9 and resume test is skipped');

const driver = tmuxDriver(SOCKET);
const tmux = driver.tmux;
const waitForScreen = (session: string, text: string, timeoutMs = 20_000) => driver.waitForScreen(session, text, timeoutMs);

/** The pid of the node process the pane's shell started. */
function lessonPid(session: string): number {
  const shell = tmux('display-message', '-p', '-t', session, '#{pane_pid}').trim();
  const child = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', shell], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find(([, comm]) => comm === 'node');
  if (!child) throw new Error(`no node process under pane shell ${shell}`);
  return Number(child[0]);
}

describe.skipIf(!hasTmux)('kill -9 while typing, then resume', () => {
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelab-resume-'));
  const journal = path.join(workdir, 'session.jsonl');
  const start = (session: string) => {
    const command = `cd ${JSON.stringify(ROOT)} && env -u EDITOR LANG=C.UTF-8 node dist/cli/main.js lesson hello-pods --lang en --workdir ${JSON.stringify(workdir)}; echo LESSON-ENDED; sleep 60`;
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '50', command);
  };

  beforeAll(() => {
    try {
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
    } catch {
      // Type errors in files being edited elsewhere still emit JavaScript.
    }
  }, 180_000);

  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  });

  test('every completed command is there after the restart', async () => {
    start('first');
    await waitForScreen('first', 'hello-pods · step 1/2');
    tmux('send-keys', '-t', 'first', 'kubectl apply -f hello.yaml', 'Enter');
    await waitForScreen('first', 'service/hello created');
    tmux('send-keys', '-t', 'first', 'kubectl rollout status deployment/hello', 'Enter');
    await waitForScreen('first', 'hello-pods · step 2/2');
    // Half a command typed, not entered, when the process is killed.
    tmux('send-keys', '-t', 'first', 'kubectl get po');
    await waitForScreen('first', '$ kubectl get po');
    process.kill(lessonPid('first'), 'SIGKILL');
    await waitForScreen('first', 'LESSON-ENDED');

    const text = fs.readFileSync(journal, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    for (const line of text.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(readSessionFile(journal).map((r) => r.line)).toEqual(['kubectl apply -f hello.yaml', 'kubectl rollout status deployment/hello']);

    tmux('kill-session', '-t', 'first');
    start('second');
    let shown = await waitForScreen('second', 'Resumed: 2 recorded entries');
    expect(shown).toContain('$ kubectl apply -f hello.yaml');
    expect(shown).toContain('deployment "hello" successfully rolled out');
    expect(shown).toContain('hello-pods · step 2/2');
    tmux('send-keys', '-t', 'second', 'kubectl get pods --show-labels', 'Enter');
    shown = await waitForScreen('second', 'Lesson complete!');
    expect(shown).toMatch(/hello-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/);
    expect(readSessionFile(journal).map((r) => r.line)).toEqual([
      'kubectl apply -f hello.yaml',
      'kubectl rollout status deployment/hello',
      'kubectl get pods --show-labels',
    ]);
    tmux('send-keys', '-t', 'second', 'C-d');
    await waitForScreen('second', 'LESSON-ENDED');
  }, 120_000);
});
