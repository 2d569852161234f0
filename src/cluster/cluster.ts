/**
 * One simulated cluster: clock, random tree, store, API server, event recorder and the
 * controllers, run in a fixed order until nothing changes (`settle`). Time moves only through
 * `advance`; each timer that fires (a kubelet stage, a grace period) is followed by a settle.
 */
import { ApiServer } from './api-server.js';
import { bootstrapCluster } from './bootstrap.js';
import { DEFAULT_START_MS, VirtualClock } from './clock.js';
import type { Controller, ControllerContext } from './controllers/controller.js';
import { createControllers } from './controllers/index.js';
import { podWorkersOf } from './controllers/kubelet.js';
import { installDeletion } from './deletion.js';
import { installNetwork } from './network/index.js';
import { EventRecorder } from './events.js';
import { Rng } from './rng.js';
import { Store } from './store.js';

/** Options of a new cluster. */
export interface ClusterOptions {
  seed?: string | number;
  startMs?: number;
  /** Worker nodes (default 2, as `kind` with two workers); each takes 110 pods. */
  workers?: number;
  /** Pods the cluster holds at most (default DEFAULT_MAX_PODS in api-server.ts). */
  maxPods?: number;
}

/** Settling stops after this many rounds; more means two controllers fight (a bug). */
const MAX_SETTLE_ROUNDS = 10_000;

/** The simulated cluster. */
export class Cluster {
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly store: Store;
  readonly api: ApiServer;
  readonly events: EventRecorder;
  readonly controllers: Controller[];
  readonly seed: string | number;
  private settledAt = -1;
  /** The context the controllers were made with (the kubelet's pod workers are keyed by it). */
  private readonly controllerContext: ControllerContext;
  private settling = false;

  constructor(opts: ClusterOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.clock = new VirtualClock(opts.startMs ?? DEFAULT_START_MS);
    this.rng = new Rng(this.seed);
    this.store = new Store(this.clock, this.rng);
    this.api = new ApiServer(this.store, this.clock);
    if (opts.maxPods !== undefined) this.api.maxPods = opts.maxPods;
    this.events = new EventRecorder(this.store, this.clock);
    this.controllerContext = this.context();
    this.controllers = createControllers(this.controllerContext);
    installDeletion(this);
    installNetwork(this);
    bootstrapCluster(this, opts.workers);
    this.settle();
  }

  /** The context handed to controllers. */
  context(): ControllerContext {
    return { api: this.api, store: this.store, clock: this.clock, rng: this.rng, events: this.events };
  }

  /** Runs the controllers in order until a whole round writes nothing. */
  settle(): void {
    if (this.settling) return;
    if (this.store.resourceVersion() === String(this.settledAt)) return;
    this.settling = true;
    try {
      for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
        let wrote = false;
        for (const c of this.controllers) wrote = c.sync() || wrote;
        if (!wrote) {
          this.settledAt = Number(this.store.resourceVersion());
          return;
        }
      }
      throw new Error(`controllers did not settle after ${MAX_SETTLE_ROUNDS} rounds`);
    } finally {
      this.settling = false;
    }
  }

  /**
   * Ends a running container's main process with an exit code, as when the shell a user was
   * attached to (`kubectl run -it ... -- sh`) exits: the kubelet then restarts it or lets the
   * pod finish, by its restartPolicy. False when the container is not running.
   */
  endMainProcess(pod: { metadata: { uid?: string } }, container: string, exitCode: number): boolean {
    const ended = podWorkersOf(this.controllerContext)?.endMainProcess(pod.metadata.uid ?? '', container, exitCode) ?? false;
    this.settle();
    return ended;
  }

  /** Moves virtual time forward by `ms`, settling after every timer. */
  advance(ms: number): void {
    this.settle();
    this.clock.advance(ms, () => this.settle());
    this.settle();
  }

  /** Runs timers until none is left (or `limitMs` passed); returns the virtual ms elapsed. */
  runUntilIdle(limitMs?: number): number {
    this.settle();
    const spent = this.clock.runUntilIdle(limitMs, () => this.settle());
    this.settle();
    return spent;
  }
}
