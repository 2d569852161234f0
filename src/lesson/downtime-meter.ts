/**
 * The zero-downtime meter: while a lesson runs, one synthetic request a virtual second goes to
 * the watched Service from a pod in its namespace, and every one that gets no good answer (no
 * such Service, no ready endpoint, connection refused, timeout, HTTP 5xx) is recorded with its
 * time and the step that was current. Switching a selector to pods that are not ready yet, or
 * deleting the old pods before switching, shows up here as it would for real users.
 * Users arrive with the Service: until the watched Service first exists no request is sent
 * (a lesson whose student creates it in step 2 does not start with failures), and from then
 * on its absence counts as a failure.
 *
 * Determinism: ticks are a `cluster.clock.setTimeout` chain (1000 virtual ms apart), and
 * requests go through a side network whose kube-proxy stream is forked as `lesson-meter`, so
 * the meter never draws from the student's streams and the same session gives the same record.
 */
import type { Cluster } from '../cluster/cluster.js';
import { serviceEndpoints } from '../cluster/network/kube-proxy.js';
import type { ServiceNetwork } from '../cluster/network/index.js';
import type { Service } from '../cluster/types.js';
import { DEFAULT_NAMESPACE, type DowntimeFailure, type MeterView } from './check-context.js';
import type { WatchSpec } from './scenario-types.js';
import { serviceUrl, sideNetwork } from './service-checks.js';

/** Virtual ms between two meter requests. */
export const METER_INTERVAL_MS = 1000;

/** The label of the meter's clock timers. */
export const METER_TIMER_LABEL = 'lesson-meter';

/** Counts failed requests to one Service, one a virtual second. */
export class DowntimeMeter implements MeterView {
  readonly service: string;
  readonly namespace: string;
  readonly startedAt: number;
  private readonly network: ServiceNetwork;
  private readonly failed: DowntimeFailure[] = [];
  private count = 0;
  /** Whether the watched Service has existed at some tick. */
  private seen = false;
  private timer: number | undefined;

  /** Starts ticking at once; `currentStep` names the step each request is booked to. */
  constructor(
    private readonly cluster: Cluster,
    private readonly watch: WatchSpec,
    private readonly currentStep: () => string,
  ) {
    this.service = watch.service;
    this.namespace = watch.namespace ?? DEFAULT_NAMESPACE;
    this.startedAt = cluster.clock.now();
    this.network = sideNetwork(cluster, 'lesson-meter');
    this.schedule();
  }

  /** Requests sent so far. */
  sent(): number {
    return this.count;
  }

  /** Failed requests so far, oldest first. */
  failures(): readonly DowntimeFailure[] {
    return this.failed;
  }

  /** Stops the ticks (the record stays). */
  stop(): void {
    if (this.timer !== undefined) this.cluster.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Sends one request now and records it (nothing before the Service first exists); the clock chain calls this every second. */
  probe(): void {
    const svc = this.cluster.store.peek<Service>('Service', this.namespace, this.service);
    if (svc) this.seen = true;
    if (!this.seen) return;
    this.count++;
    const at = this.cluster.clock.now();
    const step = this.currentStep();
    const fail = (kind: string, detail: string): void => {
      this.failed.push({ at, step, kind, detail });
    };
    if (!svc) return fail('no-service', `Service "${this.service}" does not exist`);
    const url = serviceUrl(svc, this.watch.port, this.watch.path);
    if (!url) return fail('no-port', `Service "${this.service}" has no ports`);
    const r = this.network.request(url, this.namespace);
    if (!r.ok) {
      const port = (svc.spec.ports ?? []).find((p) => p.port === (this.watch.port ?? svc.spec.ports?.[0]?.port));
      if (r.error === 'connection-refused' && port && serviceEndpoints(this.cluster.store, svc, port).length === 0) {
        return fail('no-endpoints', 'no ready endpoint');
      }
      return fail(r.error, r.message);
    }
    if (r.status >= 500) fail('http-5xx', `HTTP ${r.status}`);
  }

  private schedule(): void {
    this.timer = this.cluster.clock.setTimeout(
      () => {
        this.probe();
        this.schedule();
      },
      METER_INTERVAL_MS,
      METER_TIMER_LABEL,
    );
  }
}
