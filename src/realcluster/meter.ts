/**
 * The zero-downtime meter on a real cluster: the simulator's meter (src/lesson/downtime-meter.ts)
 * with real requests. A busybox probe pod of its own in the lesson's namespace sends one request
 * a second with `wget` to the watched Service by its DNS name (`http://NAME.NAMESPACE:PORT/PATH`),
 * through the cluster's own DNS and kube-proxy, from the moment the Service first exists; every
 * one that gets no good answer is recorded with its wall-clock time and the step that was
 * current when it was sent, as the simulator books it.
 *
 * One exec a second, each sending a single request (simpler and more robust than one long exec
 * streaming a loop: a dropped exec costs one request, not a run of them). Before each request
 * the Service is read through the API: until it first exists nothing is sent; after that its
 * absence counts as a failure (`no-service`) as in the simulator. wget's exit status and
 * message tell the failure kinds apart (see `failureOf`). A request still out when the next
 * second comes does not hold it up; at most MAX_IN_FLIGHT are out at once, and a second when
 * that many are out sends nothing. If the probe pod goes away (a student's `kubectl delete pods
 * --all`), a new one is started and the seconds in between send nothing; `lostSeconds` counts
 * them. Time is the wall clock, read only through src/cluster/clock.ts.
 */
import { RealTimeDriver, wallClockNow } from '../cluster/clock.js';
import type { DowntimeFailure, MeterView } from '../lesson/check-context.js';
import type { WatchSpec } from '../lesson/scenario-types.js';
import type { KubeApi } from './kube-api.js';
import { parseWgetLoop, startProbePod, wgetLoop } from './traffic-pods.js';

/** Real ms between two meter requests. */
export const REAL_METER_INTERVAL_MS = 1000;
/** Requests that may be out at once. */
export const MAX_IN_FLIGHT = 3;
/** wget's own timeout per request, seconds. */
export const METER_WGET_TIMEOUT_SECONDS = 2;
/** The probe pod's longest life (it is deleted when the lesson ends). */
const METER_POD_LIFETIME_SECONDS = 8 * 3600;

interface ServiceLike {
  spec?: { ports?: { port: number }[] };
}

/** The failure kind and detail of a wget message, or undefined when the answer counts as good (4xx is an answer). */
export function failureOf(message: string): { kind: string; detail: string } | undefined {
  const http = /server returned error: HTTP\/[\d.]+ (\d{3})\b(.*)/.exec(message);
  if (http) return Number(http[1]) >= 500 ? { kind: 'http-5xx', detail: `HTTP ${http[1]}` } : undefined;
  if (/Connection refused/i.test(message)) return { kind: 'connection-refused', detail: 'Connection refused' };
  if (/timed out/i.test(message)) return { kind: 'timeout', detail: message };
  if (/bad address/i.test(message)) return { kind: 'no-dns', detail: message };
  return { kind: 'error', detail: message };
}

/** Counts failed requests to one Service on a real cluster, one a second. */
export class RealDowntimeMeter implements MeterView {
  readonly service: string;
  /** The namespace as the lesson names it (`default` is the lesson's own). */
  readonly namespace: string;
  readonly startedAt: number;
  private readonly failed: DowntimeFailure[] = [];
  private count = 0;
  private seen = false;
  private inFlight = new Set<Promise<void>>();
  private pod: string | undefined;
  private restarting: Promise<void> | undefined;
  private lost = 0;
  private readonly driver: RealTimeDriver;
  private stopped = false;

  private constructor(
    private readonly api: KubeApi,
    /** The cluster namespace the probe pod runs in (the lesson's). */
    private readonly realNamespace: string,
    /** The cluster namespace of the watched Service. */
    private readonly serviceNamespace: string,
    private readonly watch: WatchSpec,
    private readonly currentStep: () => string,
  ) {
    this.service = watch.service;
    this.namespace = watch.namespace ?? 'default';
    this.startedAt = wallClockNow();
    this.driver = new RealTimeDriver(() => this.tick(), REAL_METER_INTERVAL_MS);
  }

  /** Starts the probe pod (waits until it runs) and the ticks. */
  static async start(api: KubeApi, realNamespace: string, serviceNamespace: string, watch: WatchSpec, currentStep: () => string): Promise<RealDowntimeMeter> {
    const meter = new RealDowntimeMeter(api, realNamespace, serviceNamespace, watch, currentStep);
    meter.pod = await startProbePod(api, realNamespace, 'kubelab-meter-', 'downtime-meter', METER_POD_LIFETIME_SECONDS);
    meter.driver.start();
    return meter;
  }

  /** Requests sent so far. */
  sent(): number {
    return this.count;
  }

  /** Failed requests so far, in the order their answers came. */
  failures(): readonly DowntimeFailure[] {
    return this.failed;
  }

  /** Seconds that sent nothing because the probe pod was being replaced or too many requests were out. */
  lostSeconds(): number {
    return this.lost;
  }

  /** Waits for the requests still out, so that a check sees every request sent before it. */
  async settle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  /** Stops the ticks, waits for the requests out and deletes the probe pod (the record stays). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.driver.stop();
    await this.settle();
    await this.restarting?.catch(() => undefined);
    if (this.pod) await this.api.request('DELETE', `/api/v1/namespaces/${this.realNamespace}/pods/${this.pod}?gracePeriodSeconds=0`).catch(() => undefined);
    this.pod = undefined;
  }

  private tick(): void {
    if (this.stopped) return;
    if (!this.pod || this.inFlight.size >= MAX_IN_FLIGHT) {
      this.lost++;
      return;
    }
    const p = this.probe(this.pod).finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Sends one request from `pod` (nothing before the Service first exists) and records it. */
  private async probe(pod: string): Promise<void> {
    const step = this.currentStep();
    const at = wallClockNow();
    const got = await this.api.get(`/api/v1/namespaces/${this.serviceNamespace}/services/${this.service}`).catch(() => undefined);
    if (!got || (got.status >= 300 && got.status !== 404)) return; // The API itself did not answer: no request was sent.
    const svc = got.status === 404 ? undefined : (got.body as ServiceLike);
    if (svc) this.seen = true;
    if (!this.seen || this.stopped) return;
    this.count++;
    const fail = (kind: string, detail: string): void => void this.failed.push({ at, step, kind, detail });
    if (!svc) return fail('no-service', `Service "${this.service}" does not exist`);
    const port = this.watch.port ?? svc.spec?.ports?.[0]?.port;
    if (port === undefined) return fail('no-port', `Service "${this.service}" has no ports`);
    const path = this.watch.path ?? '/';
    const url = `http://${this.service}.${this.serviceNamespace}:${port}${path.startsWith('/') ? path : `/${path}`}`;
    const script = wgetLoop(url, 1).replace('wget -q -T 5', `wget -q -T ${METER_WGET_TIMEOUT_SECONDS}`);
    let answer;
    try {
      const r = await this.api.exec(this.realNamespace, pod, 'wget', ['sh', '-c', script]);
      answer = parseWgetLoop(r.stdout)[0];
    } catch {
      // The exec did not run (the pod is gone or the API dropped it): this second is not counted.
      this.count--;
      this.lost++;
      this.replacePod(pod);
      return;
    }
    if (!answer) return fail('error', 'no answer from the probe pod');
    if (answer.ok) return;
    const f = failureOf(answer.message);
    if (f?.kind === 'connection-refused' && (await this.noEndpoints())) return fail('no-endpoints', 'no ready endpoint');
    if (f) fail(f.kind, f.detail);
  }

  /** Whether the Service's Endpoints hold no ready address (false when they cannot be read). */
  private async noEndpoints(): Promise<boolean> {
    const r = await this.api.get(`/api/v1/namespaces/${this.serviceNamespace}/endpoints/${this.service}`).catch(() => undefined);
    if (!r || r.status >= 300) return false;
    const subsets = (r.body as { subsets?: { addresses?: unknown[] }[] }).subsets ?? [];
    return subsets.every((s) => (s.addresses ?? []).length === 0);
  }

  /** Starts a new probe pod in place of `gone` (once, however many requests noticed). */
  private replacePod(gone: string): void {
    if (this.pod !== gone || this.restarting || this.stopped) return;
    this.pod = undefined;
    this.restarting = startProbePod(this.api, this.realNamespace, 'kubelab-meter-', 'downtime-meter', METER_POD_LIFETIME_SECONDS)
      .then((name) => {
        if (this.stopped) void this.api.request('DELETE', `/api/v1/namespaces/${this.realNamespace}/pods/${name}?gracePeriodSeconds=0`).catch(() => undefined);
        else this.pod = name;
      })
      .catch(() => undefined)
      .finally(() => (this.restarting = undefined));
  }
}
