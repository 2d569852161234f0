/**
 * The Service `kubectl expose` builds (kubectl v1.32 pkg/cmd/expose/expose.go createService,
 * the former ServiceGeneratorV2), with keys in k8s.io/api struct order so `-o json` and
 * `-o yaml` print as the real kubectl does (`creationTimestamp: null`, `status.loadBalancer: {}`).
 */
import { KubectlError } from '../errors.js';

/**
 * The options as RunExpose leaves them for one object. kubectl keeps them on one struct for
 * the whole run, so a selector, port, protocol map or labels found on the first object stay
 * for the next ones (`expose pod a b` gives b a's selector).
 */
export interface ExposeOptions {
  name: string;
  defaultName: string;
  selector: string;
  /** --port, or the exposed object's only port. */
  port: string;
  /** The exposed object's ports when it has several and --port was not given. */
  ports: string;
  labels: string;
  externalIP: string;
  loadBalancerIP: string;
  type: string;
  protocol: string;
  /** `port/PROTO,...` derived from the exposed object. */
  protocols: string;
  targetPort: string;
  sessionAffinity: string;
  clusterIP: string;
}

/** parseLabels of expose.go: `k=v,k2=v2` into a map, with its errors. */
export function parseExposeLabels(spec: string): Record<string, string> {
  if (spec === '') throw new KubectlError('no label spec passed');
  const out: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const kv = pair.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${pair}`);
    if (kv[0] === '') throw new KubectlError('unexpected empty label key');
    out[kv[0]] = kv[1];
  }
  return out;
}

/** makeProtocols: `80/TCP,53/UDP,53/TCP`. */
export function makeProtocols(protocols: Map<string, string[]>): string {
  return [...protocols].flatMap(([port, list]) => list.map((p) => `${port}/${p}`)).join(',');
}

function parseProtocols(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of text.split(',')) {
    const pp = item.split('/');
    if (pp.length !== 2) throw new KubectlError(`unexpected port protocol mapping: ${item}`);
    if (pp[0] === '') throw new KubectlError('unexpected empty port');
    if (pp[1] === '') throw new KubectlError('unexpected empty protocol');
    out.set(pp[0], [...(out.get(pp[0]) ?? []), pp[1]]);
  }
  return out;
}

/** strconv.Atoi with Go's error text (`strconv.Atoi: parsing "http": invalid syntax`). */
export function goAtoi(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63 - 1) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`);
  return n;
}

/** Go's int32() conversion: wraps around outside ±2^31. */
function int32(n: number): number {
  return Number(BigInt.asIntN(32, BigInt(n)));
}

/** intstr.Parse: a number when Atoi succeeds, else the name. */
function parseIntOrString(text: string): number | string {
  return /^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? int32(Number(text)) : text;
}

type ServicePort = { name?: string; protocol: string; port: number; targetPort?: number | string };

/** createService: the Service for one exposed object. */
export function createService(o: ExposeOptions): Record<string, unknown> {
  if (o.selector === '') throw new KubectlError('selector must be specified');
  const selector = parseExposeLabels(o.selector);
  const labels = o.labels !== '' ? parseExposeLabels(o.labels) : undefined;
  const name = o.name || o.defaultName;
  if (name === '') throw new KubectlError('name must be specified');
  const portProtocols = o.protocols !== '' ? parseProtocols(o.protocols) : new Map<string, string[]>();
  const portString = o.ports !== '' ? o.ports : o.port;
  const ports: ServicePort[] = [];
  if (portString !== '') {
    const list = portString.split(',');
    list.forEach((text, i) => {
      const port = int32(goAtoi(text));
      const portName = list.length > 1 ? `port-${i + 1}` : '';
      let protocol = o.protocol;
      if (protocol === '' && portProtocols.size === 0) protocol = 'TCP';
      else if (protocol === '' && portProtocols.size > 0) {
        protocol = 'TCP';
        const found = portProtocols.get(text);
        if (found && found.length === 1) protocol = found[0];
        else if (found) {
          for (const p of found) ports.push(servicePort(`port-${i + 1}-${p.toLowerCase()}`, p, port));
          return;
        }
      }
      ports.push(servicePort(portName, protocol, port));
    });
  }
  for (const p of ports) p.targetPort = o.targetPort !== '' ? parseIntOrString(o.targetPort) : p.port;
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec.ports = ports;
  if (Object.keys(selector).length > 0) spec.selector = selector;
  if (o.clusterIP !== '') spec.clusterIP = o.clusterIP;
  if (o.type !== '') spec.type = o.type;
  if (o.externalIP !== '') spec.externalIPs = [o.externalIP];
  if (o.sessionAffinity !== '') {
    if (o.sessionAffinity !== 'None' && o.sessionAffinity !== 'ClientIP') throw new KubectlError(`unknown session affinity: ${o.sessionAffinity}`);
    spec.sessionAffinity = o.sessionAffinity;
  }
  if (o.type === 'LoadBalancer' && o.loadBalancerIP !== '') spec.loadBalancerIP = o.loadBalancerIP;
  const metadata: Record<string, unknown> = { name, creationTimestamp: null };
  if (labels && Object.keys(labels).length > 0) metadata.labels = labels;
  return { kind: 'Service', apiVersion: 'v1', metadata, spec, status: { loadBalancer: {} } };
}

function servicePort(name: string, protocol: string, port: number): ServicePort {
  return name ? { name, protocol, port } : { protocol, port };
}
