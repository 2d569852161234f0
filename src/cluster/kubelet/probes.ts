/**
 * Readiness probes (`pkg/kubelet/prober`): httpGet against the container model (success is
 * a status in 200..399), tcpSocket as a connect, exec assumed to succeed. Failure messages
 * are the prober's: `HTTP probe failed with statuscode: 404`, or the Go dial error text.
 */
import type { ControllerContext } from '../controllers/controller.js';
import { ServiceNetwork } from '../network/service-network.js';
import type { Pod, Probe } from '../types.js';

/** The outcome of one probe. */
export interface ProbeResult {
  ok: boolean;
  message: string;
}

const networks = new WeakMap<ControllerContext, ServiceNetwork>();

function resolvePort(pod: Pod, port: number | string): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.name === port) return p.containerPort;
  return undefined;
}

/** Runs one readiness probe of `pod` now. */
export function runReadinessProbe(ctx: ControllerContext, pod: Pod, probe: Probe): ProbeResult {
  let net = networks.get(ctx);
  if (!net) networks.set(ctx, (net = new ServiceNetwork(ctx.store, ctx.clock, ctx.rng.fork('probe-unused'))));
  const ip = pod.status?.podIP ?? '';
  const spec = probe.httpGet ?? probe.tcpSocket;
  if (!spec) return { ok: true, message: '' };
  const port = resolvePort(pod, spec.port);
  if (port === undefined) return { ok: false, message: `strconv.Atoi: parsing "${spec.port}": invalid syntax` };
  const path = probe.httpGet ? (probe.httpGet.path ?? '/') : '/';
  const url = `http://${ip}:${port}${path}`;
  const result = net.connect({ scheme: 'http', host: ip, port, path }, ip, ip, port);
  if (!result.ok) {
    const dial = result.error === 'timeout' ? `dial tcp ${ip}:${port}: i/o timeout` : `dial tcp ${ip}:${port}: connect: connection refused`;
    return { ok: false, message: probe.httpGet ? `Get "${url}": ${dial}` : dial };
  }
  if (probe.tcpSocket) return { ok: true, message: '' };
  if (result.status >= 200 && result.status < 400) return { ok: true, message: '' };
  return { ok: false, message: `HTTP probe failed with statuscode: ${result.status}` };
}
