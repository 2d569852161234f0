import { describe, expect, test } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.js';
import type { Service } from '../../../src/cluster/types.js';
import { containerCommandSet } from '../../../src/shell/images.js';
import { canaryCluster, containerPlace, runNet, startPod } from './helpers.js';

const WS = { kind: 'workstation' } as const;

/** The blue/green lesson's Service: port 80 → targetPort 8080, while nginx listens on 80. */
function blueGreen(): Cluster {
  const c = new Cluster({ seed: 11 });
  c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'test-service', namespace: 'default' }, spec: { selector: { app: 'test-pod', color: 'blue' }, ports: [{ port: 80, targetPort: 8080 }] } });
  for (let i = 0; i < 2; i++) startPod(c, `blue-${i}`, 'nginx:1.14', { app: 'test-pod', color: 'blue' }, { ports: [{ containerPort: 8080 }] });
  startPod(c, 'client', 'curlimages/curl', {}, { stdin: true, tty: true });
  startPod(c, 'bb', 'busybox', {}, { stdin: true, tty: true });
  c.advance(120_000);
  return c;
}

describe('curl', () => {
  test('blue/green targetPort 8080 is refused as on a real cluster; targetPort 80 answers', async () => {
    const c = blueGreen();
    const curl = containerPlace(c, 'client');
    let r = await runNet(c, curl, 'curl http://test-service');
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/^curl: \(7\) Failed to connect to test-service port 80 after \d+ ms: Couldn't connect to server\n$/);
    expect((await runNet(c, curl, 'curl -s http://test-service')).stderr).toBe('');
    expect((await runNet(c, curl, 'curl -sS http://test-service')).stderr).toContain('curl: (7)');
    const ip = c.store.get<Service>('Service', 'default', 'test-service').spec.clusterIP;
    r = await runNet(c, containerPlace(c, 'bb'), 'wget -qO- http://test-service');
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: `wget: can't connect to remote host (${ip}): Connection refused\n` });
    c.api.patch('Service', 'default', 'test-service', 'merge', { spec: { ports: [{ port: 80, targetPort: 80 }] } });
    c.advance(1000);
    r = await runNet(c, curl, 'curl -s http://test-service');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
  });

  test('headers, -I, -w, -f, -o', async () => {
    const c = canaryCluster(2);
    const place = containerPlace(c, 'client');
    const head = await runNet(c, place, 'curl -sI http://nginx-service');
    expect(head.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.1[45]\.\d+\r\nDate: Tue, 19 Aug 2025 09:0\d:\d\d GMT\r\nContent-Type: text\/html\r\nContent-Length: 3[23]\r\n/);
    expect(head.stdout.endsWith('\r\n\r\n')).toBe(true);
    const code = await runNet(c, place, "curl -s -o /dev/null -w '%{http_code}\\n' http://nginx-service/nope");
    expect(code.stdout).toBe('404\n');
    const fail = await runNet(c, place, 'curl -sSf http://nginx-service/nope');
    expect(fail).toMatchObject({ code: 22, stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n' });
    const saved = await runNet(c, place, 'curl -s -o page.html http://nginx-service/');
    expect(saved.code).toBe(0);
    const unknown = await runNet(c, place, 'curl --bogus x');
    expect(unknown).toMatchObject({ code: 2, stderr: "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n" });
    const nohost = await runNet(c, place, 'curl -s http://nope-service');
    expect(nohost.code).toBe(6);
    expect((await runNet(c, place, 'curl http://nope-service')).stderr).toBe('curl: (6) Could not resolve host: nope-service\n');
  });

  test('a ClusterIP port the Service does not have times out on the virtual clock', async () => {
    const c = canaryCluster(2);
    const place = containerPlace(c, 'client');
    const t0 = c.clock.now();
    const r = await runNet(c, place, 'curl -m 3 http://nginx-service:8080');
    expect(r).toMatchObject({ code: 28, stderr: 'curl: (28) Connection timed out after 3001 milliseconds\n' });
    expect(c.clock.now() - t0).toBe(3000);
    const ct = await runNet(c, place, 'curl --connect-timeout 2 http://nginx-service:8080');
    expect(ct.stderr).toBe('curl: (28) Failed to connect to nginx-service port 8080 after 2001 ms: Timeout was reached\n');
  });

  test('from the workstation cluster names do not resolve and ClusterIPs are not routed', async () => {
    const c = canaryCluster(2);
    const r = await runNet(c, WS, 'curl http://nginx-service');
    expect(r).toMatchObject({ code: 6, stderr: 'curl: (6) Could not resolve host: nginx-service\n' });
    const ip = c.store.get<Service>('Service', 'default', 'nginx-service').spec.clusterIP;
    const t0 = c.clock.now();
    const t = await runNet(c, WS, `curl -sS http://${ip}`);
    expect(t.code).toBe(28);
    expect(t.stderr).toBe(`curl: (28) Failed to connect to ${ip} port 80 after 127001 ms: Couldn't connect to server\n`);
    expect(c.clock.now() - t0).toBe(127_000);
  });

  test('an old Debian nginx curl words refusals the 7.64 way', async () => {
    const c = blueGreen();
    startPod(c, 'web', 'nginx:1.19');
    c.advance(60_000);
    const r = await runNet(c, containerPlace(c, 'web'), 'curl http://test-service');
    expect(r.stderr).toBe('curl: (7) Failed to connect to test-service port 80: Connection refused\n');
  });
});

describe('wget, nslookup, nc (busybox)', () => {
  test('wget prints busybox messages and saves index.html once', async () => {
    const c = canaryCluster(4);
    const bb = containerPlace(c, 'bb');
    const ip = c.store.get<Service>('Service', 'default', 'nginx-service').spec.clusterIP!;
    const { ContainerFs } = await import('../../../src/shell/container-fs.js');
    const fs = new ContainerFs(c, bb as never);
    const r = await runNet(c, bb, 'wget http://nginx-service', fs);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^Connecting to nginx-service \\(${ip.replace(/\./g, '\\.')}:80\\)\\nsaving to 'index.html'\\nindex.html           100% \\|\\*{32}\\|    3[23]  0:00:00 ETA\\n'index.html' saved\\n$`));
    expect(new TextDecoder().decode(fs.readFile('/index.html'))).toContain('Hello from');
    const again = await runNet(c, bb, 'wget http://nginx-service', fs);
    expect(again.stderr.endsWith("wget: can't open 'index.html': File exists\n")).toBe(true);
    const out = await runNet(c, bb, 'wget -O - http://nginx-service/missing');
    expect(out.stderr).toBe(`Connecting to nginx-service (${ip}:80)\nwget: server returned error: HTTP/1.1 404 Not Found\n`);
    expect(out.code).toBe(1);
    expect((await runNet(c, bb, 'wget -q http://nope')).stderr).toBe("wget: bad address 'nope'\n");
    const stdout = await runNet(c, bb, 'wget -O- http://nginx-service');
    expect(stdout.stderr).toContain('writing to stdout\n-                    100% |');
    expect(stdout.stderr.endsWith('written to stdout\n')).toBe(true);
  });

  test('nslookup answers from cluster DNS in the busybox format', async () => {
    const c = canaryCluster(4);
    const ip = c.store.get<Service>('Service', 'default', 'nginx-service').spec.clusterIP;
    const r = await runNet(c, containerPlace(c, 'bb'), 'nslookup nginx-service');
    expect(r.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tnginx-service.default.svc.cluster.local\nAddress: ${ip}\n\n`);
    const missing = await runNet(c, containerPlace(c, 'bb'), 'nslookup nope');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("** server can't find nope.default.svc.cluster.local: NXDOMAIN\n");
  });

  test('nc -zv checks a port', async () => {
    const c = canaryCluster(4);
    const ip = c.store.get<Service>('Service', 'default', 'nginx-service').spec.clusterIP;
    const bb = containerPlace(c, 'bb');
    expect(await runNet(c, bb, 'nc -zv nginx-service 80')).toMatchObject({ code: 0, stderr: `nginx-service (${ip}:80) open\n` });
  });

  test('busybox has no curl; curlimages/curl and Debian nginx 1.19+ do; nginx 1.14 does not', () => {
    const base = { builtins: {}, utilities: {} };
    const place = (image: string) => ({ kind: 'container' as const, namespace: 'default', pod: 'tmp', container: 'tmp', image });
    const bb = containerCommandSet(place('busybox'), base);
    expect(bb.commands.get('curl')).toBeUndefined();
    expect(bb.notFound('curl')).toBe('sh: curl: not found\n');
    expect(bb.commands.get('wget')).toBeDefined();
    expect(bb.prompt).toBe('/ # ');
    expect(containerCommandSet(place('curlimages/curl'), base).prompt).toBe('~ $ ');
    expect(containerCommandSet(place('curlimages/curl'), base).commands.get('curl')).toBeDefined();
    expect(containerCommandSet(place('nginx:1.14'), base, 'bash').commands.get('curl')).toBeUndefined();
    expect(containerCommandSet(place('nginx:1.14'), base, 'bash').notFound('curl')).toBe('bash: curl: command not found\n');
    expect(containerCommandSet(place('nginx:1.14'), base, 'bash').prompt).toBe('root@tmp:/# ');
    expect(containerCommandSet(place('nginx:1.25'), base, 'bash').commands.get('curl')).toBeDefined();
    expect(containerCommandSet(place('nicolaka/netshoot'), base, 'bash').prompt).toBe('tmp:~# ');
  });
});
