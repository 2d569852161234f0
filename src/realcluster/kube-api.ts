/**
 * A small JSON client for a real cluster's Kubernetes API, reached through a kubeconfig context.
 * `@kubernetes/client-node` reads the kubeconfig and applies its credentials (certificates,
 * tokens, exec and auth-provider plugins); requests are sent with node:https and the answers kept
 * as plain JSON, exactly as the API server wrote them (client-node's typed models would turn
 * timestamps into Date objects, and checks compare the API's own values). client-node is loaded
 * only here, with a dynamic import, so commands without `--context` never load it.
 */
import { writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { Writable } from 'node:stream';
import type { KubeConfig } from '@kubernetes/client-node';

/** Where to find the cluster: a context of a kubeconfig file (default: $KUBECONFIG or ~/.kube/config). */
export interface ContextOptions {
  context: string;
  kubeconfig?: string;
}

/** A failure to reach or use the cluster, with a sentence for the user (no stack trace). */
export class RealClusterError extends Error {}

/** What a command run in a container printed, and its exit status. */
export interface ExecResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** One answer of the API. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** Requests to one cluster's API, as the context's user. */
export class KubeApi {
  private constructor(
    /** The API server's URL, e.g. `https://127.0.0.1:6443`. */
    readonly server: string,
    /** The context's namespace, when it names one. */
    readonly contextNamespace: string | undefined,
    readonly context: string,
    private readonly kc: KubeConfig,
  ) {}

  /** Reads the kubeconfig and selects the context; throws RealClusterError when it cannot. */
  static async connect(opts: ContextOptions): Promise<KubeApi> {
    const { KubeConfig } = await import('@kubernetes/client-node');
    const kc = new KubeConfig();
    try {
      if (opts.kubeconfig !== undefined) kc.loadFromFile(opts.kubeconfig);
      else kc.loadFromDefault();
    } catch (e) {
      throw new RealClusterError(`cannot read the kubeconfig${opts.kubeconfig ? ` ${opts.kubeconfig}` : ''}: ${(e as Error).message}`);
    }
    const names = kc.getContexts().map((c) => c.name);
    if (!names.includes(opts.context)) {
      const known = names.length > 0 ? `; the kubeconfig has ${names.map((n) => `"${n}"`).join(', ')}` : '; the kubeconfig has no contexts';
      throw new RealClusterError(`context "${opts.context}" not found${known}`);
    }
    kc.setCurrentContext(opts.context);
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new RealClusterError(`context "${opts.context}" names no cluster`);
    const ctx = kc.getContextObject(opts.context);
    return new KubeApi(cluster.server.replace(/\/+$/, ''), ctx?.namespace, opts.context, kc);
  }

  /**
   * Writes a kubeconfig (owner-only) whose current context is this one's cluster and user in
   * `namespace`, so that every kubectl a lesson runs lands in the lesson's namespace.
   */
  async writeKubeconfigFor(path: string, namespace: string): Promise<void> {
    const { KubeConfig } = await import('@kubernetes/client-node');
    const ctx = this.kc.getContextObject(this.context)!;
    const name = `kubelab-${namespace}`;
    const copy = new KubeConfig();
    copy.loadFromString(this.kc.exportConfig());
    copy.contexts = copy.contexts.filter((c) => c.name !== name);
    copy.addContext({ name, cluster: ctx.cluster, user: ctx.user, namespace });
    copy.setCurrentContext(name);
    writeFileSync(path, copy.exportConfig(), { mode: 0o600 });
  }

  /** GET `path` (e.g. `/api/v1/namespaces/x/pods`). */
  get(path: string): Promise<ApiAnswer> {
    return this.request('GET', path);
  }

  /** Sends a request with an optional JSON body; resolves with any HTTP status, rejects only when the server cannot be reached. */
  async request(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<ApiAnswer> {
    const url = new URL(this.server + path);
    const opts: RequestOptions = { method, headers: { Accept: 'application/json' } };
    await this.kc.applyToHTTPSOptions(opts);
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    if (payload !== undefined) opts.headers = { ...opts.headers, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) };
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
    return new Promise((resolve, reject) => {
      const req = send(url, opts, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON (a proxy's error page): kept as text for the message.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on('error', (e) => reject(new RealClusterError(`${method} ${path}: ${e.message}`)));
      });
      req.on('error', (e) => reject(new RealClusterError(`cannot reach the API server ${this.server} (context "${this.context}"): ${e.message}`)));
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /**
   * Streams a watch (`path` with `watch=1`): `onEvent` gets each event until it returns true, or
   * until the server ends the watch (its `timeoutSeconds`); resolves with whether `onEvent` stopped it.
   */
  async watch(path: string, onEvent: (event: { type: string; object: unknown }) => boolean): Promise<boolean> {
    const url = new URL(this.server + path);
    const opts: RequestOptions = { method: 'GET', headers: { Accept: 'application/json' } };
    await this.kc.applyToHTTPSOptions(opts);
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
    return new Promise((resolve, reject) => {
      let stopped = false;
      let req: ClientRequest | undefined = undefined;
      req = send(url, opts, (res) => {
        if ((res.statusCode ?? 0) >= 300) {
          res.resume();
          return reject(new RealClusterError(`watch ${path}: HTTP ${res.statusCode}`));
        }
        let buffered = '';
        res.on('data', (c: Buffer) => {
          buffered += c.toString('utf8');
          let nl: number;
          while (!stopped && (nl = buffered.indexOf('\n')) >= 0) {
            const line = buffered.slice(0, nl).trim();
            buffered = buffered.slice(nl + 1);
            if (line !== '' && onEvent(JSON.parse(line))) {
              stopped = true;
              req?.destroy();
              resolve(true);
            }
          }
        });
        res.on('end', () => resolve(stopped));
        res.on('error', () => resolve(stopped));
      });
      req.on('error', (e) => (stopped ? undefined : reject(new RealClusterError(`cannot reach the API server ${this.server} (context "${this.context}"): ${e.message}`))));
      req.end();
    });
  }

  /** Runs `argv` in a container (the API's exec over WebSocket) and collects what it printed. */
  async exec(namespace: string, pod: string, container: string, argv: string[]): Promise<ExecResult> {
    const { Exec } = await import('@kubernetes/client-node');
    let stdout = '';
    let stderr = '';
    const sink = (add: (t: string) => void) =>
      new Writable({
        write(chunk: Buffer, _enc, done) {
          add(chunk.toString('utf8'));
          done();
        },
      });
    return new Promise((resolve, reject) => {
      new Exec(this.kc)
        .exec(namespace, pod, container, argv, sink((t) => (stdout += t)), sink((t) => (stderr += t)), null, false, (st) => {
          const cause = st.details?.causes?.find((c) => c.reason === 'ExitCode');
          resolve({ stdout, stderr, status: st.status === 'Success' ? 0 : Number(cause?.message ?? 1) });
        })
        .catch((e: Error) => reject(new RealClusterError(`exec in pod ${pod}: ${e.message}`)));
    });
  }

  /** GET that must succeed (2xx), else a RealClusterError with the API's own message. */
  async getOk(path: string): Promise<unknown> {
    const r = await this.get(path);
    if (r.status < 200 || r.status >= 300) throw new RealClusterError(`GET ${path}: ${apiMessage(r)}`);
    return r.body;
  }
}

/** The API's message of a failed answer (a Status object's `message`), or the HTTP status. */
export function apiMessage(r: ApiAnswer): string {
  const m = (r.body as { message?: unknown } | undefined)?.message;
  return typeof m === 'string' ? `${m} (HTTP ${r.status})` : `HTTP ${r.status}`;
}
