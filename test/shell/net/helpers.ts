/** Test helpers: a cluster with the lesson's Services and pods, command contexts for places, a fake session. */
import { Cluster } from '../../../src/cluster/cluster.js';
import type { Pod } from '../../../src/cluster/types.js';
import { splitWords } from '../../../src/cli/split-words.js';
import type { ContainerIO, ContainerTarget } from '../../../src/kubectl/context.js';
import { runKubectl } from '../../../src/kubectl/kubectl.js';
import { runInContainer } from '../../../src/shell/container-exec.js';
import { NETWORK_COMMANDS } from '../../../src/shell/net/index.js';
import type { CommandContext, ShellPlace, ShellSession } from '../../../src/shell/types.js';
import { MemoryFs } from '../../../src/workspace/memory-fs.js';
import type { WorkspaceFs } from '../../../src/workspace/workspace-fs.js';
import { ContainerFs } from '../../../src/shell/container-fs.js';

/** What a command printed. */
export interface Printed {
  stdout: string;
  stderr: string;
  output: string;
  code: number;
}

const LIMITS = { maxCommands: 100_000, maxIterationsWithoutTime: 10_000, maxOutputBytes: 10_000_000, maxDepth: 50, maxFileBytes: 1_000_000 };

/** A fake session: records entered containers, runs one-shot commands with the network clients only. */
export function fakeSession(cluster: Cluster) {
  const entered: { target: ContainerTarget; shell: string; onExit(code: number): void | Promise<void> }[] = [];
  const session: ShellSession = {
    enterContainer(target, opts) {
      entered.push({ target, ...opts });
    },
    prompt: () => '$ ',
    runInContainer(target: ContainerTarget, argv: string[], io: ContainerIO) {
      return runInContainer({ cluster, builtins: {}, utilities: {}, time: virtualTime(cluster), session, limits: LIMITS }, target, argv, io);
    },
  };
  return { session, entered };
}

/** ShellTime over the cluster clock, as `run` does it. */
export function virtualTime(cluster: Cluster) {
  return {
    now: () => cluster.clock.now(),
    sleep: async (ms: number) => {
      cluster.advance(ms);
    },
  };
}

/** A container place for a running pod's first container. */
export function containerPlace(cluster: Cluster, pod: string, namespace = 'default'): ShellPlace {
  const p = cluster.store.get<Pod>('Pod', namespace, pod);
  const c = p.spec.containers[0];
  return { kind: 'container', namespace, pod, container: c.name, image: c.image ?? '' };
}

/** Runs one network command (`curl -s http://x`) at a place; returns what it printed. */
export async function runNet(cluster: Cluster, place: ShellPlace, line: string, fs?: WorkspaceFs): Promise<Printed> {
  const [name, ...args] = splitWords(line);
  let stdout = '';
  let stderr = '';
  let output = '';
  const ctx: CommandContext = {
    name,
    args,
    stdin: '',
    stdout: (t) => {
      stdout += t;
      output += t;
    },
    stderr: (t) => {
      stderr += t;
      output += t;
    },
    env: new Map(),
    fs: fs ?? (place.kind === 'container' ? new ContainerFs(cluster, place) : new MemoryFs()),
    cluster,
    place,
    time: virtualTime(cluster),
    signal: new AbortController().signal,
    session: fakeSession(cluster).session,
    limits: LIMITS,
  };
  const code = await NETWORK_COMMANDS[name](ctx);
  return { stdout, stderr, output, code };
}

/** Runs one kubectl line with a session. */
export async function kubectl(cluster: Cluster, line: string, session?: ShellSession): Promise<Printed> {
  const words = splitWords(line);
  if (words[0] === 'kubectl') words.shift();
  let stdout = '';
  let stderr = '';
  let output = '';
  const code = await runKubectl(words, {
    cluster,
    fs: new MemoryFs(),
    stdout: (t) => {
      stdout += t;
      output += t;
    },
    stderr: (t) => {
      stderr += t;
      output += t;
    },
    session,
  });
  return { stdout, stderr, output, code };
}

/** Creates a pod directly and lets it start. */
export function startPod(cluster: Cluster, name: string, image: string, labels: Record<string, string> = {}, extra: Record<string, unknown> = {}): void {
  cluster.api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name: name.replace(/-\d+$/, ''), image, ...extra }], restartPolicy: 'Always' },
  });
}

/** The canary lesson's cluster: stable (4, nginx:1.14) and canary (1, nginx:1.15) pods behind nginx-service, plus a curl pod. */
export function canaryCluster(seed: number | string): Cluster {
  const c = new Cluster({ seed });
  for (const [name, html] of [['stable-html', '<h1>Hello from Stable v1.14</h1>'], ['canary-html', '<h1>Hello from Canary v1.15</h1>']]) {
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { 'index.html': html } });
  }
  c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx-service', namespace: 'default' }, spec: { selector: { app: 'nginx' }, ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }] } });
  const mount = (cm: string) => ({ volumeMounts: [{ name: 'html', mountPath: '/usr/share/nginx/html' }] , _cm: cm });
  const pod = (name: string, image: string, labels: Record<string, string>, cm: string) =>
    c.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels },
      spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80 }], volumeMounts: mount(cm).volumeMounts }], volumes: [{ name: 'html', configMap: { name: cm } }] },
    });
  for (let i = 0; i < 4; i++) pod(`stable-${i}`, 'nginx:1.14', { app: 'nginx', version: '1.14' }, 'stable-html');
  pod('canary-0', 'nginx:1.15', { app: 'nginx', version: 'canary' }, 'canary-html');
  startPod(c, 'client', 'curlimages/curl', {}, { stdin: true, tty: true });
  startPod(c, 'bb', 'busybox', {}, { stdin: true, tty: true });
  c.advance(120_000);
  return c;
}
