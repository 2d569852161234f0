/**
 * `kubelab serve`: the Kubernetes HTTP API of a simulated cluster on 127.0.0.1, for the real
 * kubectl or any client. The cluster's clock follows the wall clock (so kubectl's own age
 * computations agree with the server's), writes a kubeconfig, and streams watches with their
 * headers flushed at once (kubectl's informers wait for them).
 */
import { writeFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { generate } from 'selfsigned';
import type { AddressInfo } from 'node:net';
import { MAX_REQUEST_BODY_BYTES } from '../cluster/api-server.js';
import { Cluster } from '../cluster/cluster.js';
import { RealTimeDriver, wallClockNow } from '../cluster/clock.js';
import { secretToken } from '../cluster/rng.js';
import type { KubeObject } from '../cluster/types.js';
import { parseLabelSelector } from '../kubectl/describe/label-selector.js';
import { parseFieldSelector } from '../kubectl/get/field-selector.js';
import { handleUpgrade } from './attach.js';
import { handle, status, type ApiResponse, type WatchRequest } from './handler.js';
import { WatchHub } from './watch-stream.js';

/** A running server. */
export interface Serving {
  cluster: Cluster;
  url: string;
  port: number;
  /** The bearer token every request must carry (written into the kubeconfig). */
  token: string;
  /** The server's self-signed certificate (PEM), which clients trust as their CA. */
  ca: string;
  close(): Promise<void>;
}

/** Options of `kubelab serve`. */
export interface ServeOptions {
  port?: number;
  seed?: string | number;
  /** A cluster to serve (tests, the TUI); a fresh real-time one otherwise. */
  cluster?: Cluster;
  /** Whether this server drives the cluster's clock in real time (default: when it made the cluster). */
  realTime?: boolean;
  /** The bearer token to require (default: a new random one). */
  token?: string;
}

/** The real API server's limit on a request body (3 MiB), as the in-process API server applies it. */
export const MAX_REQUEST_BYTES = MAX_REQUEST_BODY_BYTES;

/** Starts serving; resolves once listening. */
export async function serve(opts: ServeOptions = {}): Promise<Serving> {
  const cluster = opts.cluster ?? new Cluster({ seed: opts.seed ?? 1, startMs: Math.floor(wallClockNow() / 1000) * 1000 });
  const driver = (opts.realTime ?? !opts.cluster) ? new RealTimeDriver((ms) => cluster.advance(ms)) : undefined;
  const hub = new WatchHub(cluster);
  const token = opts.token ?? secretToken();
  const authorized = (req: IncomingMessage) => req.headers.authorization === `Bearer ${token}`;
  // kubectl sends a bearer token only over TLS: a certificate for 127.0.0.1, made for this run.
  const tls = await generate([{ name: 'commonName', value: 'kubelab' }], {
    keyType: 'ec',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const server: Server = createServer({ key: tls.private, cert: tls.cert }, (req, res) => {
    driver?.tick();
    if (!authorized(req)) return send(res, { status: 401, body: status(401, 'Unauthorized', 'Unauthorized') });
    void onRequest(cluster, hub, req, res);
  });
  server.on('upgrade', (req, socket, head) => {
    if (!authorized(req) || !handleUpgrade(cluster, driver ?? { tick() {} }, req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  driver?.start();
  const port = (server.address() as AddressInfo).port;
  return {
    cluster,
    port,
    token,
    ca: tls.cert,
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        driver?.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A kubeconfig for the server (loopback, its certificate as CA, the bearer token, namespace default). */
export function kubeconfigFor(url: string, token: string, ca: string): string {
  const caData = Buffer.from(ca).toString('base64');
  return `apiVersion: v1\nkind: Config\nclusters:\n- name: kubelab\n  cluster:\n    server: ${url}\n    certificate-authority-data: ${caData}\ncontexts:\n- name: kubelab\n  context:\n    cluster: kubelab\n    namespace: default\n    user: kubelab\ncurrent-context: kubelab\nusers:\n- name: kubelab\n  user:\n    token: ${token}\n`;
}

/** Writes the kubeconfig file (readable by its owner only: it holds the token). */
export function writeKubeconfig(path: string, serving: Pick<Serving, 'url' | 'token' | 'ca'>): void {
  writeFileSync(path, kubeconfigFor(serving.url, serving.token, serving.ca), { mode: 0o600 });
}


async function onRequest(cluster: Cluster, hub: WatchHub, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_REQUEST_BYTES) {
      send(res, { status: 413, body: status(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${MAX_REQUEST_BYTES}`) });
      req.destroy();
      return;
    }
    chunks.push(c as Buffer);
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const result = handle(cluster, {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    accept: String(req.headers.accept ?? ''),
    contentType: String(req.headers['content-type'] ?? ''),
    body: Buffer.concat(chunks).toString('utf8'),
  });
  if ('watch' in result) return streamWatch(cluster, hub, result, res);
  send(res, result);
}

function send(res: ServerResponse, r: ApiResponse): void {
  const headers: Record<string, string | string[]> = { 'Content-Type': r.contentType ?? 'application/json' };
  if (r.warnings && r.warnings.length > 0) headers.Warning = r.warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(r.status, headers);
  res.end(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
}

function streamWatch(cluster: Cluster, hub: WatchHub, w: WatchRequest, res: ServerResponse): void {
  let matches: (o: KubeObject) => boolean;
  try {
    const labels = w.labelSelector ? parseLabelSelector(w.labelSelector) : undefined;
    const fields = w.fieldSelector ? parseFieldSelector(w.fieldSelector, w.watch.type) : undefined;
    matches = (o) => (!labels || labels(o.metadata.labels ?? {})) && (!fields || fields(o));
  } catch (err) {
    send(res, { status: 400, body: status(400, 'BadRequest', (err as Error).message) });
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  const stop = hub.subscribe(w.watch, w.sinceResourceVersion, w.asTable, matches, (line) => res.write(line));
  const timer = cluster.clock.setTimeout(() => res.end(), w.timeoutSeconds * 1000, 'serve watch timeout');
  res.on('close', () => {
    stop();
    cluster.clock.clearTimeout(timer);
  });
}
