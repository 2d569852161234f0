/**
 * The service network as a client in a pod sees it: DNS, kube-proxy's choice of endpoint,
 * and the container that answers on the chosen pod IP and port. `request` returns a
 * structured result; curl and wget emulations format it.
 */
import type { VirtualClock } from '../clock.js';
import type { Rng } from '../rng.js';
import type { Store } from '../store.js';
import type { Pod, Service } from '../types.js';
import { lookupImage, parseImage } from '../kubelet/images.js';
import { resolveName, type DnsAnswer } from './dns.js';
import { containerFilesystem } from './filesystem.js';
import { pickEndpointIndex, serviceEndpoints, type ProxyEndpoint } from './kube-proxy.js';
import { accessLogLine, serveNginx, type HttpResponse } from './nginx.js';

/** Why a request got no HTTP answer. */
export type RequestErrorKind =
  /** The host name did not resolve (busybox wget: `bad address 'x'`; curl exit 6). */
  | 'bad-address'
  /** TCP RST: no listener on the target port, or a Service without ready endpoints (kube-proxy REJECT). */
  | 'connection-refused'
  /** Nothing answers at all: a ClusterIP port that is not a service port, an IP nobody has. */
  | 'timeout'
  /** A URL the emulated clients cannot speak (not http). */
  | 'unsupported-protocol';

/** A parsed request target. */
export interface RequestTarget {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

/** The answer to one request. */
export type RequestResult =
  | ({ ok: true; target: RequestTarget; resolvedIp: string; pod: { namespace: string; name: string }; podIp: string; podPort: number; container: string } & HttpResponse)
  | { ok: false; error: RequestErrorKind; target?: RequestTarget; resolvedIp?: string; message: string };

/** Parses `http://host[:port]/path` (scheme optional, as curl and wget accept). */
export function parseUrl(url: string): RequestTarget | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(url.trim());
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const path = m[4] ? (m[4].startsWith('/') ? m[4] : `/${m[4]}`) : '/';
  return { scheme, host: m[2], port, path };
}

/** Who sends a request, for the server's access log (nginx `log_format main`). */
export interface RequestClient {
  /** The client's address as the server sees it (a pod IP; kube-proxy does not SNAT pod traffic). */
  ip: string;
  /** The User-Agent header (`curl/8.15.0`, busybox wget's `Wget`), or undefined for none. */
  userAgent?: string;
  /** The HTTP version of the request line, `HTTP/1.1` by default. */
  httpVersion?: string;
}

/** A request's route: a failure, or where it goes (through a Service's endpoints, or straight to an IP). */
type Route =
  | { error: RequestResult }
  | { target: RequestTarget; resolvedIp: string; service?: Service; endpoints?: ProxyEndpoint[]; answersAt?: number; answers?: Map<string, RequestResult[]> };

/** One request a Service's endpoint answered: when, through which Service, and the pod (a read-only store object). */
export interface AnsweredRequest {
  at: number;
  service: { namespace: string; name: string };
  pod: Pod;
}

/** Told of every request answered through a Service (the traffic panel listens; nothing else pays). */
export type TrafficObserver = (answered: AnsweredRequest) => void;

/** The service network of one cluster. */
export class ServiceNetwork {
  private podsByIp = new Map<string, Pod>();
  private podsByIpVersion = '';
  private memo: { version: string; now: number; routes: Map<string, Route>; answers: Map<string, RequestResult> } = { version: '', now: -1, routes: new Map(), answers: new Map() };
  /** Access log lines per container, keyed by pod uid and container name. */
  private readonly accessLogs = new Map<string, string[]>();
  private readonly observers = new Set<TrafficObserver>();

  constructor(
    private readonly store: Store,
    private readonly clock: VirtualClock,
    /** kube-proxy's seeded stream: one draw sequence per connection, fixed by the seed. */
    readonly kubeProxyRng: Rng,
  ) {}

  /** Resolves a name (or IP literal) as a pod in `fromNamespace` would. */
  resolve(name: string, fromNamespace = 'default'): DnsAnswer | undefined {
    return resolveName(this.store, name, fromNamespace);
  }

  /**
   * Calls `observer` for each request answered through a Service from now on; returns the
   * unsubscribe function. Observing draws nothing from the seeded streams.
   */
  observe(observer: TrafficObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** Sends one HTTP request from a pod in `fromNamespace` and returns what came back. */
  request(url: string, fromNamespace = 'default', method = 'GET', client?: RequestClient): RequestResult {
    // Everything but kube-proxy's draw depends only on the stored objects: one lookup per URL
    // and resourceVersion (1,000,000 requests in a loop route once).
    this.refreshMemo();
    const routeKey = `${fromNamespace}\u0000${url}`;
    let route = this.memo.routes.get(routeKey);
    if (!route) {
      route = this.route(url, fromNamespace);
      this.memo.routes.set(routeKey, route);
    }
    if ('error' in route) return { ...route.error };
    let podIp = route.resolvedIp;
    let podPort = route.target.port;
    let index = 0;
    if (route.endpoints) {
      index = pickEndpointIndex(this.kubeProxyRng, route.endpoints.length);
      const chosen = route.endpoints[index];
      podIp = chosen.ip;
      podPort = chosen.port;
    }
    if (client) return this.told(route.service, this.connect(route.target, route.resolvedIp, podIp, podPort, method, client));
    // The answer of each endpoint, per method, for this instant.
    if (route.answersAt !== this.memo.now) {
      route.answersAt = this.memo.now;
      route.answers = new Map();
    }
    let perEndpoint = route.answers!.get(method);
    if (!perEndpoint) route.answers!.set(method, (perEndpoint = []));
    const answer = (perEndpoint[index] ??= this.connect(route.target, route.resolvedIp, podIp, podPort, method));
    return this.told(route.service, { ...answer });
  }

  /** Tells the observers of an answer that came through a Service; returns the result. */
  private told(svc: Service | undefined, result: RequestResult): RequestResult {
    if (this.observers.size === 0 || !svc || !result.ok) return result;
    const pod = this.podByIp(result.podIp);
    if (!pod) return result;
    const answered: AnsweredRequest = { at: this.clock.now(), service: { namespace: svc.metadata.namespace ?? 'default', name: svc.metadata.name ?? '' }, pod };
    for (const observe of this.observers) observe(answered);
    return result;
  }

  /** The part of a request that does not draw: URL, DNS, Service port and its endpoints. */
  private route(url: string, fromNamespace: string): Route {
    const target = parseUrl(url);
    if (!target) return { error: { ok: false, error: 'bad-address', message: `bad address '${url}'` } };
    if (target.scheme !== 'http' && target.scheme !== 'https') {
      return { error: { ok: false, error: 'unsupported-protocol', target, message: `Protocol "${target.scheme}" not supported` } };
    }
    const answer = this.resolve(target.host, fromNamespace);
    if (!answer) return { error: { ok: false, error: 'bad-address', target, message: `bad address '${target.host}'` } };
    const resolvedIp = answer.ip;
    const svc = this.serviceByClusterIp(resolvedIp);
    if (!svc) return { target, resolvedIp };
    const port = (svc.spec.ports ?? []).find((p) => p.port === target.port && (p.protocol ?? 'TCP') === 'TCP');
    if (!port) return { error: { ok: false, error: 'timeout', target, resolvedIp, message: `connection to ${resolvedIp}:${target.port} timed out` } };
    const endpoints = serviceEndpoints(this.store, svc, port);
    // kube-proxy REJECTs traffic to a service without endpoints: the client sees a refusal.
    if (endpoints.length === 0) return { error: { ok: false, error: 'connection-refused', target, resolvedIp, message: 'Connection refused' } };
    return { target, resolvedIp, service: svc, endpoints };
  }

  /** Drops memoized routes and answers when the store or the clock moved. */
  private refreshMemo(): void {
    const version = this.store.resourceVersion();
    const now = this.clock.now();
    if (version !== this.memo.version) this.memo = { version, now, routes: new Map(), answers: new Map() };
    else if (now !== this.memo.now) this.memo = { version, now, routes: this.memo.routes, answers: new Map() };
  }

  /** Sends a request straight to a pod IP and port (what probes and the kubelet do). */
  connect(target: RequestTarget, resolvedIp: string, podIp: string, podPort: number, method = 'GET', client?: RequestClient): RequestResult {
    // Without a client (no access log line to write) the answer depends only on the stored
    // objects and the instant: the same request in a loop is answered once.
    if (client) return this.answer(target, resolvedIp, podIp, podPort, method, client);
    this.refreshMemo();
    const key = `${podIp}\u0000${podPort}\u0000${method}\u0000${resolvedIp}\u0000${target.scheme}\u0000${target.host}\u0000${target.port}\u0000${target.path}`;
    let answer = this.memo.answers.get(key);
    if (!answer) {
      answer = this.answer(target, resolvedIp, podIp, podPort, method, undefined);
      this.memo.answers.set(key, answer);
    }
    return { ...answer, target };
  }

  private answer(target: RequestTarget, resolvedIp: string, podIp: string, podPort: number, method: string, client: RequestClient | undefined): RequestResult {
    const pod = this.podByIp(podIp);
    if (!pod) return { ok: false, error: 'timeout', target, resolvedIp, message: `connection to ${podIp}:${podPort} timed out` };
    for (const c of pod.spec.containers) {
      const status = pod.status?.containerStatuses?.find((s) => s.name === c.name);
      if (!status?.state?.running) continue;
      const image = c.image ? lookupImage(parseImage(c.image)) : undefined;
      if (!image || !image.behaviour.listens.includes(podPort)) continue;
      if (image.behaviour.kind === 'nginx') {
        const fs = containerFilesystem(this.store, pod, c);
        const host = target.port === 80 ? target.host : `${target.host}:${target.port}`;
        const response = serveNginx(image.behaviour.serverVersion!, fs, method, target.path, host, this.clock.now());
        if (client) {
          const line = accessLogLine(client, method, target.path, client.httpVersion ?? 'HTTP/1.1', response, this.clock.now());
          const key = `${pod.metadata.uid}/${c.name}`;
          const log = this.accessLogs.get(key) ?? [];
          log.push(line);
          this.accessLogs.set(key, log);
        }
        return { ok: true, target, resolvedIp, pod: { namespace: pod.metadata.namespace!, name: pod.metadata.name! }, podIp, podPort, container: c.name, ...response };
      }
    }
    return { ok: false, error: 'connection-refused', target, resolvedIp, message: 'Connection refused' };
  }

  /** The access log lines a container has written to stdout so far (each ends with a newline). */
  containerLog(podUid: string, container: string): readonly string[] {
    return this.accessLogs.get(`${podUid}/${container}`) ?? [];
  }

  /** The pod that currently holds `ip` (not terminal), or undefined. */
  podByIp(ip: string): Pod | undefined {
    const version = this.store.resourceVersion();
    if (version !== this.podsByIpVersion) {
      this.podsByIp = new Map();
      for (const p of this.store.view<Pod>('Pod')) {
        const phase = p.status?.phase;
        if (p.status?.podIP && phase !== 'Succeeded' && phase !== 'Failed') this.podsByIp.set(p.status.podIP, p);
      }
      this.podsByIpVersion = version;
    }
    return this.podsByIp.get(ip);
  }

  /** The Service whose ClusterIP is `ip`, or undefined. */
  serviceByClusterIp(ip: string): Service | undefined {
    return this.store.view<Service>('Service').find((s) => s.spec?.clusterIP === ip || s.spec?.clusterIPs?.includes(ip));
  }
}
