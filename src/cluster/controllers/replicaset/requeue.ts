/**
 * `queue.AddAfter(key, d)` on the virtual clock: a controller asks to look at an object again at
 * a later instant (minReadySeconds, progressDeadlineSeconds), because time passing changes what
 * it would compute without any write to wake it. One pending timer per key; an earlier request
 * replaces a later one.
 */
import type { VirtualClock } from '../../clock.js';

/** Per-key wake-up timers that run a callback (the controller's sync) when due. */
export class Requeue {
  private readonly pending = new Map<string, { at: number; id: number }>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly label: string,
    private readonly onDue: () => void,
  ) {}

  /** Runs `onDue` at epoch ms `at` (not before now + 1 ms), unless an earlier wake-up for `key` is already set. */
  at(key: string, at: number): void {
    const when = Math.max(at, this.clock.now() + 1);
    const current = this.pending.get(key);
    if (current && current.at <= when && current.at > this.clock.now()) return;
    if (current) this.clock.clearTimeout(current.id);
    const id = this.clock.setTimeout(
      () => {
        this.pending.delete(key);
        this.onDue();
      },
      when - this.clock.now(),
      `${this.label} ${key}`,
    );
    this.pending.set(key, { at: when, id });
  }
}
