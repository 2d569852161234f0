/**
 * The one place in src/ that reads real time. The grader gives each submission a wall-clock
 * budget in its worker thread (an infinite loop in kubelab itself, or a submission slow enough
 * to hold up the batch, must not stop it), and reports throughput. Nothing read here reaches
 * a report: reports depend only on the scenario, the seed and the submission.
 */

/** A running budget: `cancel` it when the work finishes in time. */
export interface WallBudget {
  cancel(): void;
}

/** Calls `onExpire` once `ms` real milliseconds have passed, unless cancelled first. */
export function startWallBudget(ms: number, onExpire: () => void): WallBudget {
  const timer = setTimeout(onExpire, ms);
  // An armed budget alone must not keep the process alive.
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
}

/** Real milliseconds from an arbitrary origin, for measuring throughput only. */
export function wallNow(): number {
  return performance.now();
}
