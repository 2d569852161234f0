import { describe, expect, test } from 'vitest';
import type { Pod } from '../../../src/cluster/types.js';
import { canaryCluster, fakeSession, kubectl } from './helpers.js';

describe('kubectl run -it', () => {
  test('waits for Running, prints the hint, enters the shell; --rm deletes the pod on exit', async () => {
    const c = canaryCluster(1);
    const { session, entered } = fakeSession(c);
    const r = await kubectl(c, 'kubectl run tmp --rm -it --image=busybox --restart=Never -- sh', session);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: "If you don't see a command prompt, try pressing enter.\n" });
    expect(entered).toHaveLength(1);
    expect(entered[0]).toMatchObject({ target: { namespace: 'default', pod: 'tmp', container: 'tmp', image: 'busybox' }, shell: 'sh' });
    const pod = c.store.get<Pod>('Pod', 'default', 'tmp');
    expect(pod.status?.phase).toBe('Running');
    expect(pod.spec.containers[0]).toMatchObject({ stdin: true, stdinOnce: true, tty: true, args: ['sh'] });
    await entered[0].onExit(0);
    const after = c.store.peek<Pod>('Pod', 'default', 'tmp');
    expect(after === undefined || after.metadata.deletionTimestamp !== undefined).toBe(true);
  });

  test('exit status under --restart=Never: pod "tmp" deleted, then pod default/tmp terminated (Error)', async () => {
    const c = canaryCluster(1);
    const { session, entered } = fakeSession(c);
    let stdout = '';
    let stderr = '';
    const { runKubectl } = await import('../../../src/kubectl/kubectl.js');
    const { MemoryFs } = await import('../../../src/workspace/memory-fs.js');
    await runKubectl(['run', 'tmp', '--rm', '-it', '--image=busybox', '--restart=Never', '--', 'sh'], { cluster: c, fs: new MemoryFs(), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), session });
    stdout = '';
    stderr = '';
    await entered[0].onExit(1);
    expect(stdout).toBe('pod "tmp" deleted\n');
    expect(stderr).toBe('pod default/tmp terminated (Error)\n');
  });

  test('restart Always: the session-ended hint, then the deletion', async () => {
    const c = canaryCluster(1);
    const { session, entered } = fakeSession(c);
    let stdout = '';
    const { runKubectl } = await import('../../../src/kubectl/kubectl.js');
    const { MemoryFs } = await import('../../../src/workspace/memory-fs.js');
    await runKubectl(['run', 'tmp', '--rm', '-it', '--image=busybox', '--', 'sh'], { cluster: c, fs: new MemoryFs(), stdout: (t) => (stdout += t), stderr: () => {}, session });
    await entered[0].onExit(0);
    expect(stdout).toBe("Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running\npod \"tmp\" deleted\n");
  });

  test('a one-shot command runs in the pod and --rm deletes it after', async () => {
    const c = canaryCluster(1);
    const { session } = fakeSession(c);
    const r = await kubectl(c, 'kubectl run tmp --rm -i --image=busybox --restart=Never -- wget -qO- http://nginx-service', session);
    expect(r.stdout).toMatch(/^<h1>Hello from (Stable v1\.14|Canary v1\.15)<\/h1>pod "tmp" deleted\n$/);
    expect(r.code).toBe(0);
  });

  test('an image that cannot be pulled: timed out after the pod-running timeout', async () => {
    const c = canaryCluster(1);
    const { session, entered } = fakeSession(c);
    const t0 = c.clock.now();
    const r = await kubectl(c, 'kubectl run tmp --rm -it --image=busyboxx --restart=Never -- sh', session);
    expect(r).toMatchObject({ code: 1, stdout: 'pod "tmp" deleted\n', stderr: 'error: timed out waiting for the condition\n' });
    expect(c.clock.now() - t0).toBeGreaterThanOrEqual(60_000);
    expect(entered).toHaveLength(0);
  });

  test('without a shell session kubectl says plainly what is missing; -t needs -i', async () => {
    const c = canaryCluster(1);
    const r = await kubectl(c, 'kubectl run tmp --rm -it --image=busybox --restart=Never -- sh');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("needs kubelab's shell");
    expect(c.store.find('Pod', 'default', 'tmp')).toBeUndefined();
    const t = await kubectl(c, 'kubectl run tmp2 -t --image=busybox -- sh');
    expect(t.stderr).toBe("error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n");
  });
});

describe('kubectl exec', () => {
  test('-it sh enters; one-shot commands run; errors as kubectl prints them', async () => {
    const c = canaryCluster(1);
    const { session, entered } = fakeSession(c);
    expect((await kubectl(c, 'kubectl exec -it bb -- sh', session)).code).toBe(0);
    expect(entered[0]).toMatchObject({ target: { pod: 'bb', container: 'bb' }, shell: 'sh' });
    const ok = await kubectl(c, 'kubectl exec client -- curl -s http://nginx-service', session);
    expect(ok.stdout).toMatch(/Hello from/);
    const missing = await kubectl(c, 'kubectl exec bb -- curl -s http://nginx-service', session);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in \$PATH: unknown\n$/);
    const failing = await kubectl(c, 'kubectl exec bb -- wget -q http://nope', session);
    expect(failing).toMatchObject({ code: 1, stderr: "wget: bad address 'nope'\ncommand terminated with exit code 1\n" });
    expect((await kubectl(c, 'kubectl exec nope -- sh', session)).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect((await kubectl(c, 'kubectl exec bb -c other -- sh', session)).stderr).toBe('error: unable to upgrade connection: container not found ("other")\n');
    expect((await kubectl(c, 'kubectl exec bb', session)).stderr).toBe("error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples\n");
  });

  test('kubectl logs shows the access lines of the pod that served', async () => {
    const c = canaryCluster(1);
    const { session } = fakeSession(c);
    for (let i = 0; i < 10; i++) await kubectl(c, 'kubectl exec bb -- wget -qO- http://nginx-service', session);
    const logs = await Promise.all(['stable-0', 'stable-1', 'stable-2', 'stable-3', 'canary-0'].map((p) => kubectl(c, `kubectl logs ${p}`)));
    const lines = logs.flatMap((l) => l.stdout.split('\n').filter((x) => x.includes('"GET / HTTP/1.1"')));
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/ - - \[19\/Aug\/2025:\d\d:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 3[23] "-" "Wget" "-"$/);
  });
});
