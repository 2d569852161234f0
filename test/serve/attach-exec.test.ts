/**
 * `kubectl exec` and `kubectl run -it --rm` from the real kubectl v1.32.4 against
 * `kubelab serve` (WebSocket v5.channel.k8s.io): commands run in the container's shell, exit
 * codes come back as kubectl prints them, and a tty session gets echo and prompts. The tty
 * cases run kubectl under `script` (a pty) and type only after kubectl asks for input.
 * Skipped, with a message, where kubectl or script is missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallClockNow } from '../../src/cluster/clock.js';
import { Cluster } from '../../src/cluster/cluster.js';
import { serve, writeKubeconfig, type Serving } from '../../src/serve/server.js';

const HAS_KUBECTL = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
if (!HAS_KUBECTL) console.warn('test/serve: no kubectl on PATH; the attach/exec tests are skipped');

describe.runIf(HAS_KUBECTL)('kubelab serve: exec and attach for the real kubectl', () => {
  let serving: Serving;
  let pod = '';
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-attach-'));
  const kubeconfig = join(dir, 'config');
  const base = ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache')];

  /** Runs kubectl with optional stdin; resolves with its exit code and output. */
  const kubectl = (args: string[], input?: string) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const p = spawn('kubectl', [...base, ...args], { cwd: dir });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (out += d));
      p.stdin.end(input ?? '');
      p.on('close', (code) => resolve({ code, out }));
    });

  /** Runs kubectl in a pty; types each `[waitFor, keys]` pair once the output contains waitFor. */
  const inPty = (args: string[], script: [string, string][]) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const p = spawn('script', ['-qec', ['kubectl', ...base, ...args].join(' '), '/dev/null'], { cwd: dir });
      let out = '';
      let next = 0;
      const feed = () => {
        while (next < script.length && out.includes(script[next][0])) p.stdin.write(script[next++][1]);
      };
      p.stdout.on('data', (d) => {
        out += d;
        feed();
      });
      p.on('close', (code) => resolve({ code, out }));
    });

  beforeAll(async () => {
    serving = await serve({ cluster: new Cluster({ seed: 5, startMs: Math.floor(wallClockNow() / 1000) * 1000 }), realTime: true });
    writeKubeconfig(kubeconfig, serving);
    writeFileSync(join(dir, 'stable.yaml'), readFileSync(join(import.meta.dirname, '../cluster/admission/fixtures/stable-env.yaml'), 'utf8'));
    expect((await kubectl(['apply', '-f', 'stable.yaml'])).code).toBe(0);
    serving.cluster.runUntilIdle(120_000);
    pod = serving.cluster.store.list('Pod')[0].metadata.name!;
  });
  afterAll(async () => serving?.close());

  it('runs a command and passes its output and exit code back', async () => {
    expect(await kubectl(['exec', pod, '--', 'cat', '/usr/share/nginx/html/index.html'])).toEqual({ code: 0, out: '<h1>Hello from Stable v1.14</h1>' });
    const failed = await kubectl(['exec', pod, '--', 'ls', '/nope']);
    expect(failed.code).toBe(2);
    expect(failed.out).toBe("ls: cannot access '/nope': No such file or directory\ncommand terminated with exit code 2\n");
  }, 60_000);

  it('feeds stdin to a shell without a tty', async () => {
    const r = await kubectl(['exec', '-i', pod, '--', 'sh'], 'echo hi from $HOSTNAME\nexit 3\n');
    expect(r).toEqual({ code: 3, out: `hi from ${pod}\ncommand terminated with exit code 3\n` });
  }, 60_000);

  it.runIf(HAS_SCRIPT)('gives a tty shell with echo and prompts', async () => {
    const r = await inPty(['exec', '-it', pod, '--', 'sh'], [['# ', 'echo $((6*7))\r'], ['42', 'exit\r']]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('# echo $((6*7))\r\n42\r\n# exit\r\n');
  }, 60_000);

  it.runIf(HAS_SCRIPT)('runs the lesson pod: run --rm -it busybox, wget the Service, exit, pod deleted', async () => {
    const r = await inPty(['run', 'tmp', '--rm', '-it', '--image=busybox', '--restart=Never', '--', 'sh'], [
      ['try pressing enter', '\r'],
      ['/ # ', 'for i in 1 2 3; do wget -qO- http://nginx-service; echo; sleep 1; done\r'],
      ['</h1>\r\n<h1>Hello from Stable v1.14</h1>\r\n<h1>', 'exit\r'],
    ]);
    expect(r.out.match(/<h1>Hello from Stable v1.14<\/h1>/g)).toHaveLength(3);
    expect(r.out.endsWith('pod "tmp" deleted\r\n')).toBe(true);
    expect(r.code).toBe(0);
  }, 90_000);
});
