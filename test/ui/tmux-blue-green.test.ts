/**
 * End to end, the whole blue/green lesson: the built `kubelab lesson blue-green` in a real
 * terminal (tmux), the seed's commands typed as a student types them (plus the lesson's port
 * fix), the completed steps read off the screen, and the session file the TUI recorded graded
 * by `kubelab grade` for the same lesson. Timed waits are bounded polls of the screen (this
 * test only). Skipped, saying why, without tmux.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tmuxDriver } from './tmux-driver.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOCKET = `kubelab-bg-${process.pid}`;
const SESSION = 'bluegreen';
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('tmux-blue-green: tmux is not installed, so this end-to-end test is skipped');

const driver = tmuxDriver(SOCKET);
const tmux = driver.tmux;
const waitFor = (text: string, timeoutMs = 30_000) => driver.waitForScreen(SESSION, text, timeoutMs, true);

function type(line: string): void {
  tmux('send-keys', '-t', SESSION, '-l', line);
  tmux('send-keys', '-t', SESSION, 'Enter');
}

describe.skipIf(!hasTmux)('the blue/green lesson in a real terminal', () => {
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelab-bg-'));

  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist/ui/run-tui.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const command = `cd ${JSON.stringify(ROOT)} && env -u EDITOR LANG=C.UTF-8 node dist/cli/main.js lesson blue-green --lang en --workdir ${JSON.stringify(workdir)}; sleep 60`;
    tmux('new-session', '-d', '-s', SESSION, '-x', '120', '-y', '50', command);
  });
  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  });

  test('a student follows it to the end, and the recorded session passes grading', async () => {
    await waitFor('blue-green · step 1/');
    type('kubectl apply -f blue-env.yaml');
    type('kubectl rollout status deployment/test-deployment-blue');
    type('kubectl describe service test-service');
    await waitFor('✓ Done: Deploy blue');
    type('kubectl run tmp --rm -it --image=busybox --restart=Never -- sh');
    await waitFor('/ # ');
    type('wget -qO- http://test-service');
    await waitFor('Connection refused');
    type('exit');
    await waitFor('pod "tmp" deleted');
    type(`kubectl patch service test-service -p '{"spec":{"ports":[{"port":80,"targetPort":80}]}}'`);
    type('kubectl describe service test-service');
    type('kubectl run tmp2 --rm -it --image=busybox --restart=Never -- sh');
    await waitFor('pod "tmp" deleted');
    type('wget -qO- http://test-service | grep title');
    await waitFor('<title>Welcome to nginx!</title>');
    type('exit');
    await waitFor('✓ Done: Is blue really answering');
    type('kubectl apply -f green-env.yaml');
    type('kubectl rollout status deployment/test-deployment-green');
    type('kubectl get pods --show-labels');
    await waitFor('✓ Done: Deploy green');
    type('kubectl patch service test-service --patch-file patch-green.yaml');
    type('kubectl describe service test-service');
    await waitFor('✓ Done: Switch the traffic');
    type('kubectl delete deployment test-deployment-blue');
    await waitFor('✓ Done: Remove blue');
    type('kubectl delete deployment test-deployment-green');
    type('kubectl delete service test-service');
    await waitFor('Lesson complete!', 60_000);
    tmux('send-keys', '-t', SESSION, 'C-d');
    await waitFor('Your session is saved');

    const graded = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'grade', '--scenario', 'blue-green', path.join(workdir, 'session.jsonl')], { encoding: 'utf8' });
    expect(graded.stdout).toContain('PASS');
    expect(graded.status).toBe(0);
  }, 180_000);
});
