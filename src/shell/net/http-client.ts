/**
 * One HTTP exchange as a client program in a shell sees it, on top of the cluster's service
 * network: from a container, names resolve through cluster DNS in the pod's namespace and the
 * server logs the request with the pod's IP; from the workstation (the student's laptop),
 * cluster names do not resolve and cluster IPs are not routed, so a connection hangs until a
 * timeout. Time that passes (timeouts) passes on the virtual clock through `ctx.time.sleep`.
 */
import { networkOf, parseUrl, type RequestResult, type RequestTarget } from '../../cluster/network/index.js';
import type { Pod } from '../../cluster/types.js';
import type { CommandContext } from '../types.js';

/** Linux gives up a TCP connect after 6 SYN retries (1+2+4+8+16+32+64 s) with ETIMEDOUT. */
export const KERNEL_CONNECT_TIMEOUT_MS = 127_000;

/** What a client asks for. */
export interface HttpRequest {
  url: string;
  method: string;
  /** Sent as User-Agent and logged by the server; undefined sends none. */
  userAgent?: string;
  /** The client's own limit on the connect phase, in ms (curl --connect-timeout, wget -T). */
  connectTimeoutMs?: number;
  /** The client's limit on the whole exchange, in ms (curl -m). */
  totalTimeoutMs?: number;
  /** Only open the TCP connection (nc -z): the server logs nothing. */
  connectOnly?: boolean;
}

/** How an exchange ended. */
export type HttpOutcome =
  | { kind: 'response'; result: Extract<RequestResult, { ok: true }>; remoteIp: string; remotePort: number; elapsedMs: number }
  | { kind: 'unresolved'; target: RequestTarget; elapsedMs: number }
  | { kind: 'refused'; target: RequestTarget; remoteIp: string; elapsedMs: number }
  /** `by`: the client's own limit (`connect` or `total`) or the kernel's ETIMEDOUT. */
  | { kind: 'timeout'; target: RequestTarget; remoteIp: string; elapsedMs: number; by: 'connect' | 'total' | 'kernel' }
  | { kind: 'unsupported'; target?: RequestTarget; scheme: string; elapsedMs: number }
  /** The user pressed Ctrl-C (or a limit stopped the line) while waiting. */
  | { kind: 'interrupted'; elapsedMs: number };

/** The IP of the pod a container shell runs in, if it has one. */
export function clientPodIp(ctx: CommandContext): string | undefined {
  if (ctx.place.kind !== 'container') return undefined;
  const pod = ctx.cluster.store.peek<Pod>('Pod', ctx.place.namespace, ctx.place.pod);
  return pod?.status?.podIP;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Resolves a host as the place would: cluster DNS in a pod, nothing but literals on the workstation. */
export function resolveFromPlace(ctx: CommandContext, host: string): string | undefined {
  if (ctx.place.kind === 'workstation') {
    if (host === 'localhost') return '127.0.0.1';
    return IPV4.test(host) ? host : undefined;
  }
  if (host === 'localhost') return '127.0.0.1';
  return networkOf(ctx.cluster).resolve(host, ctx.place.namespace)?.ip;
}

async function waitTimeout(ctx: CommandContext, req: HttpRequest, target: RequestTarget, remoteIp: string): Promise<HttpOutcome> {
  const limits: { ms: number; by: 'connect' | 'total' | 'kernel' }[] = [{ ms: KERNEL_CONNECT_TIMEOUT_MS, by: 'kernel' }];
  if (req.connectTimeoutMs !== undefined && req.connectTimeoutMs > 0) limits.push({ ms: req.connectTimeoutMs, by: 'connect' });
  if (req.totalTimeoutMs !== undefined && req.totalTimeoutMs > 0) limits.push({ ms: req.totalTimeoutMs, by: 'total' });
  // The earliest limit wins; on a tie curl's overall timer is checked first.
  limits.sort((a, b) => a.ms - b.ms || rank(a.by) - rank(b.by));
  const first = limits[0];
  const start = ctx.time.now();
  await ctx.time.sleep(first.ms, ctx.signal);
  const elapsedMs = ctx.time.now() - start;
  if (ctx.signal.aborted) return { kind: 'interrupted', elapsedMs };
  return { kind: 'timeout', target, remoteIp, elapsedMs: Math.max(elapsedMs, first.ms), by: first.by };
}

function rank(by: 'connect' | 'total' | 'kernel'): number {
  return by === 'total' ? 0 : by === 'connect' ? 1 : 2;
}

/** Performs one request from the place of `ctx`. Never throws for network failures. */
export async function exchange(ctx: CommandContext, req: HttpRequest): Promise<HttpOutcome> {
  const target = parseUrl(req.url);
  if (!target) return { kind: 'unresolved', target: { scheme: 'http', host: req.url, port: 80, path: '/' }, elapsedMs: 0 };
  if (target.scheme !== 'http' && target.scheme !== 'https') return { kind: 'unsupported', target, scheme: target.scheme, elapsedMs: 0 };
  if (ctx.place.kind === 'workstation') {
    const ip = resolveFromPlace(ctx, target.host);
    if (!ip) return { kind: 'unresolved', target, elapsedMs: 0 };
    // Nothing listens on the laptop; anything else is not routed from it.
    if (ip.startsWith('127.')) return { kind: 'refused', target, remoteIp: ip, elapsedMs: 0 };
    return waitTimeout(ctx, req, target, ip);
  }
  const clientIp = clientPodIp(ctx) ?? '127.0.0.1';
  if (target.host === 'localhost' || target.host.startsWith('127.')) {
    // The pod's own loopback: only the pod's own containers could answer.
    const pod = ctx.cluster.store.peek<Pod>('Pod', ctx.place.namespace, ctx.place.pod);
    const podIp = pod?.status?.podIP;
    if (!podIp) return { kind: 'refused', target, remoteIp: '127.0.0.1', elapsedMs: 0 };
    const r = networkOf(ctx.cluster).connect(target, '127.0.0.1', podIp, target.port, req.method, req.connectOnly ? undefined : { ip: '127.0.0.1', userAgent: req.userAgent });
    if (r.ok) return { kind: 'response', result: r, remoteIp: '127.0.0.1', remotePort: target.port, elapsedMs: 0 };
    return { kind: 'refused', target, remoteIp: '127.0.0.1', elapsedMs: 0 };
  }
  const r = networkOf(ctx.cluster).request(req.url, ctx.place.namespace, req.method, req.connectOnly ? undefined : { ip: clientIp, userAgent: req.userAgent });
  if (r.ok) return { kind: 'response', result: r, remoteIp: r.resolvedIp, remotePort: target.port, elapsedMs: 0 };
  switch (r.error) {
    case 'bad-address':
      return { kind: 'unresolved', target, elapsedMs: 0 };
    case 'connection-refused':
      return { kind: 'refused', target, remoteIp: r.resolvedIp ?? target.host, elapsedMs: 0 };
    case 'timeout':
      return waitTimeout(ctx, req, target, r.resolvedIp ?? target.host);
    case 'unsupported-protocol':
      return { kind: 'unsupported', target, scheme: target.scheme, elapsedMs: 0 };
  }
}

/** The status line and headers as they come over the wire, each line ending in CRLF. */
export function headerBlock(result: Extract<RequestResult, { ok: true }>, connection?: string): string {
  const lines = [`HTTP/1.1 ${result.status} ${result.statusText}`];
  for (const [name, value] of result.headers) lines.push(`${name}: ${name === 'Connection' && connection ? connection : value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}
