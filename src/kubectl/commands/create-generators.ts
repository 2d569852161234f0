/**
 * The objects `kubectl create deployment|service|configmap|namespace` build (kubectl
 * `cmd/create/create_*.go`), in the shape Go's encoder gives them: `creationTimestamp: null`,
 * `strategy: {}`, `resources: {}`, `status: {}`, as the real `--dry-run=client -o yaml` prints.
 */
import { decodeText } from '../../workspace/workspace-fs.js';
import type { Invocation } from '../command.js';
import { flagInt, flagList, flagString } from '../command.js';
import { KubectlError } from '../errors.js';
import { requireFlags } from '../rollout/klog.js';

/** A generated object. */
export type Generated = Record<string, unknown> & { kind: string; metadata: Record<string, unknown> };

/** `create deployment NAME --image=... [--replicas=N] [--port=P]`. */
export function generateDeployment(inv: Invocation, name: string): Generated {
  const images = flagList(inv, 'image');
  // cobra's required-flag check: the klog line of cli.Run.
  if (images.length === 0) requireFlags(inv, ['image']);
  const port = inv.changed.has('port') ? flagInt(inv, 'port') : -1;
  const used = new Set<string>();
  const containers = images.map((image) => {
    let n = image.split('/').pop()!;
    n = n.split('@')[0].split(':')[0];
    if (n.includes('_')) n = n.replace(/_/g, '-');
    while (used.has(n)) n = `${n}-x`;
    used.add(n);
    const c: Record<string, unknown> = { image, name: n };
    if (port >= 0) c.ports = [{ containerPort: port }];
    c.resources = {};
    return c;
  });
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: null, labels, name },
    spec: {
      replicas: inv.changed.has('replicas') ? flagInt(inv, 'replicas') : 1,
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
    },
    status: {},
  };
}

/** `create service clusterip|nodeport NAME --tcp=port[:targetPort]`. */
export function generateService(inv: Invocation, type: 'ClusterIP' | 'NodePort', name: string): Generated {
  const tcp = flagList(inv, 'tcp');
  const clusterIP = flagString(inv, 'clusterip');
  if (tcp.length === 0 && clusterIP !== 'None') throw new KubectlError('at least one tcp port specifier must be provided');
  const ports = tcp.map((spec) => {
    const [portText, targetText] = spec.split(':');
    const port = Number(portText);
    if (!/^\d+$/.test(portText)) throw new KubectlError(`strconv.Atoi: parsing "${portText}": invalid syntax`);
    const target = targetText === undefined ? port : /^\d+$/.test(targetText) ? Number(targetText) : targetText;
    const p: Record<string, unknown> = { name: spec.replace(':', '-'), port, protocol: 'TCP', targetPort: target };
    if (type === 'NodePort' && inv.changed.has('node-port')) p.nodePort = flagInt(inv, 'node-port');
    return p;
  });
  const spec: Record<string, unknown> = { ports, selector: { app: name }, type };
  if (clusterIP) spec.clusterIP = clusterIP;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { creationTimestamp: null, labels: { app: name }, name },
    spec,
    status: { loadBalancer: {} },
  };
}

/** `create configmap NAME --from-literal=k=v --from-file=[k=]path`. */
export function generateConfigMap(inv: Invocation, name: string): Generated {
  const data: Record<string, string> = {};
  for (const lit of flagList(inv, 'from-literal')) {
    const eq = lit.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid literal source ${lit}, expected key=value`);
    const key = lit.slice(0, eq);
    if (key in data) throw new KubectlError(`cannot add key ${key}, another key by that name already exists in Data for ConfigMap "${name}"`);
    data[key] = stripQuotes(lit.slice(eq + 1));
  }
  for (const src of flagList(inv, 'from-file')) {
    const eq = src.indexOf('=');
    const path = eq >= 0 ? src.slice(eq + 1) : src;
    const key = eq >= 0 ? src.slice(0, eq) : path.split('/').pop()!;
    if (!inv.ctx.fs.stat(path)) throw new KubectlError(`error reading ${path}: no such file or directory`);
    data[key] = decodeText(inv.ctx.fs.readFile(path));
  }
  const out: Generated = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { creationTimestamp: null, name } };
  if (Object.keys(data).length > 0) out.data = data;
  return out;
}

/** `create namespace NAME`. */
export function generateNamespace(name: string): Generated {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null, name }, spec: {}, status: {} };
}

/** kubectl strips one pair of surrounding quotes from a literal value. */
function stripQuotes(v: string): string {
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}
