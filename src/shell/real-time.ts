/**
 * Time for the TUI: the cluster's virtual clock is moved by a RealTimeDriver (wall time times
 * a speed factor, nothing while paused), and `sleep` waits until that clock gets there. The
 * wait is a timer on the virtual clock itself, so it fires exactly when the driver advances
 * past it: no polling, and a paused clock keeps a `sleep 1` waiting.
 */
import type { Cluster } from '../cluster/cluster.js';
import type { RealTimeDriver } from '../cluster/clock.js';
import type { ShellTime } from './types.js';

/** The label of the shell's sleep timers on the virtual clock. */
export const REAL_TIME_SLEEP_LABEL = 'shell-sleep';

/**
 * ShellTime over a clock driven in real time. `now()` first lets the driver catch up with
 * the wall clock (at most one tick behind otherwise; pass a started driver, or `{ tick() {} }`
 * when a test moves the clock by hand); `sleep(ms)` resolves once virtual time has moved
 * `ms`, or at once when `signal` aborts.
 */
export function realTime(cluster: Cluster, driver: Pick<RealTimeDriver, 'tick'>): ShellTime {
  return {
    now: () => {
      driver.tick();
      return cluster.clock.now();
    },
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        if (signal.aborted || ms <= 0) return resolve();
        const done = (): void => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        const id = cluster.clock.setTimeout(done, ms, REAL_TIME_SLEEP_LABEL);
        const onAbort = (): void => {
          cluster.clock.clearTimeout(id);
          done();
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }),
  };
}
