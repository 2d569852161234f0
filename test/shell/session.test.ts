/** The session: continuation lines, heredoc then kubectl apply, container shells, run-session's echo and think time. */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { runSession, scriptLines } from '../../src/session/run-session.js';
import { formatTranscript, parseTranscript } from '../../src/transcript/transcript.js';
import { MemoryFs } from '../../src/workspace/memory-fs.js';
import { makeSession } from './harness.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.14
`;

describe('terminal session', () => {
  it('waits for more lines while a heredoc or a loop is open', async () => {
    const s = makeSession();
    expect((await s.session.feed('cat <<EOF > f.txt')).kind).toBe('more');
    expect(s.session.pending()).toBe(true);
    expect((await s.session.feed('hello')).kind).toBe('more');
    expect(await s.session.feed('EOF')).toEqual({ kind: 'ran', status: 0, command: 'cat <<EOF > f.txt\nhello\nEOF' });
    expect((await s.session.feed('for i in 1 2')).kind).toBe('more');
    expect((await s.session.feed('do echo $i')).kind).toBe('more');
    expect((await s.session.feed('done')).kind).toBe('ran');
    expect(s.out()).toBe('1\n2\n');
  });

  it('writes a manifest with a heredoc and applies it', async () => {
    const s = makeSession();
    const status = await s.run(`cat <<'EOF' > web.yaml\n${DEPLOYMENT}EOF\nkubectl apply -f web.yaml\nkubectl get deploy web -o name`);
    expect(status).toBe(0);
    expect(s.out()).toBe('deployment.apps/web created\ndeployment.apps/web\n');
  });

  it('pipes a heredoc into kubectl apply -f -', async () => {
    const s = makeSession();
    expect(await s.run(`kubectl apply -f - <<EOF\n${DEPLOYMENT}EOF`)).toBe(0);
    expect(s.out()).toBe('deployment.apps/web created\n');
  });

  it('enters a container shell and comes back on exit', async () => {
    const s = makeSession();
    expect(s.session.prompt()).toBe('$ ');
    await s.run('kubectl run tmp --rm -it --image=busybox --restart=Never -- sh');
    await s.session.ready();
    expect(s.session.depth()).toBe(1);
    expect(s.session.prompt()).toBe('/ # ');
    await s.run('echo inside; curl http://x');
    expect(s.err()).toContain('sh: curl: not found');
    await s.run('exit 3');
    expect(s.session.depth()).toBe(0);
    expect(s.session.prompt()).toBe('$ ');
    await s.run('echo $?');
    expect(s.out()).toContain('inside\n');
    expect(s.out().endsWith('3\n')).toBe(true);
  });

  it('ends the run when the workstation shell exits', async () => {
    const s = makeSession();
    await s.run('exit 4');
    expect(s.session.exited).toBe(true);
  });
});

describe('runSession', () => {
  it('echoes prompts and continuation lines, and advances think time only before commands', async () => {
    const cluster = new Cluster({ seed: 1 });
    const t0 = cluster.clock.now();
    let out = '';
    const starts: number[] = [];
    const status = await runSession(scriptLines('echo a\n\n# comment\nfor i in 1 2; do\n  echo $i\ndone\n'), {
      cluster,
      fs: new MemoryFs(),
      echo: true,
      thinkMs: 10_000,
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
      onCommand: (i) => starts.push(i),
    });
    expect(status).toBe(0);
    expect(out).toBe('$ echo a\na\n$ for i in 1 2; do\n>   echo $i\n> done\n1\n2\n');
    expect(starts).toEqual([0, 1]);
    expect(cluster.clock.now() - t0).toBe(20_000);
  });

  it('reports an unfinished command at the end of input as a syntax error', async () => {
    let err = '';
    const status = await runSession(['while true; do'], { fs: new MemoryFs(), stdout: () => {}, stderr: (t) => (err += t) });
    expect(status).toBe(2);
    expect(err).toBe('sh: syntax error: unexpected end of file\n');
  });
});

describe('transcript format', () => {
  it('reads prompts and continuation lines and writes them back', () => {
    const text = [
      '$ cat <<EOF > a.txt',
      '> one',
      '>',
      '> EOF',
      '$ kubectl run tmp --rm -it --image=busybox --restart=Never -- sh',
      'If you don\'t see a command prompt, try pressing enter.',
      '/ # echo hi',
      'hi',
      '/ # exit',
      '$ echo done',
      'done',
      '',
    ].join('\n');
    const t = parseTranscript(text);
    expect(t.steps.map((s) => [s.prompt ?? '$ ', s.command])).toEqual([
      ['$ ', 'cat <<EOF > a.txt\none\n\nEOF'],
      ['$ ', 'kubectl run tmp --rm -it --image=busybox --restart=Never -- sh'],
      ['/ # ', 'echo hi'],
      ['/ # ', 'exit'],
      ['$ ', 'echo done'],
    ]);
    expect(formatTranscript(t)).toBe(text);
  });
});
