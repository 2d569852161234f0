/**
 * End to end: the built `kubelab lesson hello-pods` in a real terminal (a detached tmux
 * session on a private socket). Keys are sent with `tmux send-keys` and the screen is read
 * with `capture-pane`, polled with a bounded wait. Skipped, saying why, without tmux.
 * CI=true is set on purpose: ink would draw only the last frame there, and the lesson must not.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSessionFile } from '../../src/ui/session-recorder.js';
import { tmuxDriver } from './tmux-driver.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/main.js');
const SOCKET = `kubelab-e2e-${process.pid}`;
const SESSION = 'lesson';
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('tmux-e2e: tmux is not installed, so the end-to-end terminal test is skipped');

const driver = tmuxDriver(SOCKET);
const tmux = driver.tmux;
const waitForScreen = (text: string) => driver.waitForScreen(SESSION, text, 15_000);

describe.skipIf(!hasTmux)('kubelab lesson in tmux', () => {
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelab-e2e-'));

  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist/ui/run-tui.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const command = `cd ${JSON.stringify(ROOT)} && env -u EDITOR LANG=C.UTF-8 CI=true node dist/cli/main.js lesson hello-pods --lang en --workdir ${JSON.stringify(workdir)}; sleep 60`;
    tmux('new-session', '-d', '-s', SESSION, '-x', '100', '-y', '40', command);
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  });

  test('a student applies, waits for the rollout, looks at the pods and finishes', async () => {
    expect(fs.existsSync(CLI)).toBe(true);
    await waitForScreen('hello-pods · step 1/2');
    tmux('send-keys', '-t', SESSION, 'kubectl apply -f hello.yaml', 'Enter');
    await waitForScreen('service/hello created');
    tmux('send-keys', '-t', SESSION, 'kubectl rollout status deployment/hello', 'Enter');
    let shown = await waitForScreen('✓ Done: Create the Deployment and the Service');
    expect(shown).toContain('deployment "hello" successfully rolled out');
    expect(shown).toContain('hello-pods · step 2/2');
    tmux('send-keys', '-t', SESSION, 'kubectl get pods --show-labels', 'Enter');
    shown = await waitForScreen('Lesson complete!');
    expect(shown).toMatch(/hello-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/);
    expect(readSessionFile(path.join(workdir, 'session.jsonl')).map((r) => r.line)).toEqual([
      'kubectl apply -f hello.yaml',
      'kubectl rollout status deployment/hello',
      'kubectl get pods --show-labels',
    ]);
    tmux('send-keys', '-t', SESSION, 'C-d');
    await waitForScreen(`Your session is saved in ${fs.realpathSync(workdir)}/session.jsonl`);
  }, 60_000);
});
