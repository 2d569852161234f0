/**
 * What every controller is: a level-triggered reconcile function (kubernetes
 * `pkg/controller`). `sync` reads current state, makes the writes that move it toward the
 * desired state, skips writes that change nothing, and never depends on having seen an event.
 */
import type { ApiServer } from '../api-server.js';
import type { VirtualClock } from '../clock.js';
import type { EventRecorder } from '../events.js';
import type { Rng } from '../rng.js';
import type { Store } from '../store.js';

/** What a controller may use. */
export interface ControllerContext {
  api: ApiServer;
  store: Store;
  clock: VirtualClock;
  /** The cluster's random tree; fork a named stream of your own. */
  rng: Rng;
  events: EventRecorder;
}

/** A reconcile loop. */
export interface Controller {
  readonly name: string;
  /** One pass over everything this controller owns; returns true if it wrote anything. */
  sync(): boolean;
}
