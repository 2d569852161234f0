/**
 * The one virtual clock (after xstate's SimulatedClock and kubernetes' injected `nowFn`).
 * Time only moves when `advance` is called; timers fire in (time, insertion) order, so the
 * same calls always give the same sequence. Nothing else in kubelab reads real time.
 */

/** The instant every fresh cluster starts at: 2025-08-19T09:00:00Z, the seed lesson's day. */
export const DEFAULT_START_MS = Date.UTC(2025, 7, 19, 9, 0, 0);

interface Timer {
  id: number;
  at: number;
  seq: number;
  label: string;
  fn: () => void;
  cancelled: boolean;
}

/** A virtual clock with a timer queue. */
export class VirtualClock {
  private nowMs: number;
  /** A binary min-heap on (at, seq); cancelled timers stay in it until they reach the top. */
  private heap: Timer[] = [];
  /** The timers not yet fired or cancelled, by id. */
  private readonly live = new Map<number, Timer>();
  private nextId = 1;
  private seq = 0;

  constructor(startMs: number = DEFAULT_START_MS) {
    this.nowMs = startMs;
  }

  /** Milliseconds since the Unix epoch, virtual. */
  now(): number {
    return this.nowMs;
  }

  /** The current instant as Kubernetes writes it (RFC 3339, whole seconds, `Z`). */
  timestamp(offsetMs = 0): string {
    return formatTimestamp(this.nowMs + offsetMs);
  }

  /** Runs `fn` once `delayMs` of virtual time has passed; returns an id for `clearTimeout`. */
  setTimeout(fn: () => void, delayMs: number, label = ''): number {
    const id = this.nextId++;
    const timer = { id, at: this.nowMs + Math.max(0, delayMs), seq: this.seq++, label, fn, cancelled: false };
    this.live.set(id, timer);
    heapPush(this.heap, timer);
    return id;
  }

  /** Cancels a timer; unknown ids are ignored. */
  clearTimeout(id: number): void {
    const timer = this.live.get(id);
    if (!timer) return;
    timer.cancelled = true;
    this.live.delete(id);
    // 10,000 pods cancel timers often: compact once the heap is mostly dead entries.
    if (this.heap.length > 64 && this.live.size * 2 < this.heap.length) {
      this.heap = this.heap.filter((t) => !t.cancelled);
      heapify(this.heap);
    }
  }

  /** The virtual time of the next pending timer, or undefined. */
  nextTimerAt(): number | undefined {
    return this.top()?.at;
  }

  /** Number of pending timers. */
  pending(): number {
    return this.live.size;
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due, each at its own instant.
   * `afterEach` runs after every fired timer (the cluster settles its controllers there).
   */
  advance(ms: number, afterEach?: () => void): void {
    this.advanceTo(this.nowMs + Math.max(0, ms), afterEach);
  }

  /** Moves time forward to `targetMs`, firing due timers in order. */
  advanceTo(targetMs: number, afterEach?: () => void): void {
    for (let timer = this.top(); timer !== undefined && timer.at <= targetMs; timer = this.top()) {
      heapPop(this.heap);
      this.live.delete(timer.id);
      if (timer.at > this.nowMs) this.nowMs = timer.at;
      timer.fn();
      afterEach?.();
    }
    if (targetMs > this.nowMs) this.nowMs = targetMs;
  }

  /**
   * Fires timers until none is left or `limitMs` of virtual time has passed; returns the
   * virtual milliseconds that elapsed.
   */
  runUntilIdle(limitMs = 3_600_000, afterEach?: () => void): number {
    const start = this.nowMs;
    const end = start + limitMs;
    for (let next = this.top(); next !== undefined && next.at <= end; next = this.top()) {
      this.advanceTo(next.at, afterEach);
    }
    return this.nowMs - start;
  }

  /** The earliest live timer, dropping cancelled ones from the top. */
  private top(): Timer | undefined {
    while (this.heap.length > 0 && this.heap[0].cancelled) heapPop(this.heap);
    return this.heap[0];
  }
}

function less(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

function heapPush(h: Timer[], t: Timer): void {
  let i = h.push(t) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!less(h[i], h[parent])) break;
    [h[i], h[parent]] = [h[parent], h[i]];
    i = parent;
  }
}

function heapPop(h: Timer[]): void {
  const last = h.pop()!;
  if (h.length === 0) return;
  h[0] = last;
  siftDown(h, 0);
}

function siftDown(h: Timer[], start: number): void {
  let i = start;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && less(h[l], h[m])) m = l;
    if (r < h.length && less(h[r], h[m])) m = r;
    if (m === i) return;
    [h[i], h[m]] = [h[m], h[i]];
    i = m;
  }
}

function heapify(h: Timer[]): void {
  for (let i = (h.length >> 1) - 1; i >= 0; i--) siftDown(h, i);
}

/** Formats epoch milliseconds as `2025-08-19T09:00:00Z`. */
export function formatTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Parses a Kubernetes timestamp to epoch milliseconds. */
export function parseTimestamp(ts: string): number {
  return Date.parse(ts);
}

/** A running wall-clock budget: `cancel` it when the work finishes in time. */
export interface WallBudget {
  cancel(): void;
}

/**
 * Calls `onExpire` once `ms` real milliseconds have passed, unless cancelled first: the
 * grader's per-submission budget (an infinite loop, or a submission slow enough to hold up the
 * batch, must not stop it). Nothing measured here reaches a report.
 */
export function startWallBudget(ms: number, onExpire: () => void): WallBudget {
  const timer = setTimeout(onExpire, ms);
  // An armed budget alone must not keep the process alive.
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
}

/** The wall clock, read here and nowhere else: `kubelab serve` and the TUI start from it. */
export function wallClockNow(): number {
  return Date.now();
}

/**
 * Drives a virtual clock in real time (the TUI and `kubelab serve`): every `tickMs` of wall
 * time, `advance` is called with the wall time that passed, times `speed`. `pause()` stops
 * time; `stop()` ends the driver. The only user of real timers in kubelab.
 */
export class RealTimeDriver {
  private timer: ReturnType<typeof setInterval> | undefined;
  private last = 0;
  private paused = false;

  constructor(
    private readonly advance: (ms: number) => void,
    private readonly tickMs = 100,
    private speed = 1,
  ) {}

  /** Starts ticking. */
  start(): void {
    if (this.timer) return;
    this.last = Date.now();
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref?.();
  }

  /** Advances by the wall time since the last tick (nothing while paused). */
  tick(): void {
    const now = Date.now();
    const elapsed = now - this.last;
    this.last = now;
    if (!this.paused && elapsed > 0) this.advance(elapsed * this.speed);
  }

  /** Pauses or resumes virtual time. */
  setPaused(paused: boolean): void {
    this.tick();
    this.paused = paused;
  }

  /** Changes the speed factor (1 = real time). */
  setSpeed(speed: number): void {
    this.tick();
    this.speed = speed;
  }

  /** Stops the driver. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
