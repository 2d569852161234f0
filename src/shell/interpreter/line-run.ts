/**
 * The bookkeeping of one top-level line: its abort controller (linked to the session's
 * Ctrl-C signal), its virtual-time budget, and the ShellLimits counters. Output goes to the
 * session sink through here, counted; after the line is stopped nothing more is written.
 */
import type { ShellLimits, ShellTime } from '../types.js';
import { Interrupt } from './signals.js';

/** Why a line stopped early. */
export type StopReason = { kind: 'interrupt' } | { kind: 'limit'; message: string };

/** One top-level line being run. */
export class LineRun {
  private readonly controller = new AbortController();
  reason: StopReason | undefined;
  /** Virtual ms when the line started; the budget counts from here. */
  readonly startMs: number;
  readonly deadline: number | undefined;
  /** The line's view of time: sleeping past the budget stops at the budget and interrupts. */
  readonly time: ShellTime;
  private commands = 0;
  private depth = 0;
  private iterationsWithoutTime = 0;
  private lastIterationMs: number;
  private outputBytes = 0;
  /** The last character written to the terminal ('' before any). */
  lastChar = '';

  constructor(
    readonly limits: ShellLimits,
    private readonly baseTime: ShellTime,
    external?: AbortSignal,
  ) {
    this.startMs = baseTime.now();
    this.lastIterationMs = this.startMs;
    this.deadline = limits.lineBudgetMs === undefined ? undefined : this.startMs + limits.lineBudgetMs;
    if (external) {
      if (external.aborted) this.interrupt();
      else external.addEventListener('abort', () => this.interrupt(), { once: true });
    }
    this.time = {
      now: () => baseTime.now(),
      sleep: async (ms, signal) => {
        const now = baseTime.now();
        if (this.deadline !== undefined && now + ms >= this.deadline) {
          await baseTime.sleep(Math.max(0, this.deadline - now), signal);
          this.interrupt();
          return;
        }
        await baseTime.sleep(ms, signal);
      },
    };
  }

  /** Aborts when the line is stopped. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Stops the line as Ctrl-C does. */
  interrupt(): void {
    this.stop({ kind: 'interrupt' });
  }

  /** Stops the line because a limit was passed. */
  exceed(message: string): void {
    this.stop({ kind: 'limit', message });
  }

  private stop(reason: StopReason): void {
    if (this.reason) return;
    this.reason = reason;
    this.controller.abort();
  }

  /** Throws Interrupt when the line was stopped or has run out of time. */
  check(): void {
    if (!this.reason && this.deadline !== undefined && this.baseTime.now() >= this.deadline) this.interrupt();
    if (this.reason) throw new Interrupt();
  }

  /** Counts one simple command. */
  countCommand(): void {
    if (++this.commands > this.limits.maxCommands) {
      this.exceed(`more than ${this.limits.maxCommands} commands in one line`);
    }
    this.check();
  }

  /** Counts one loop iteration; too many in a row without time passing stop the line. */
  countIteration(): void {
    const now = this.baseTime.now();
    if (now !== this.lastIterationMs) {
      this.lastIterationMs = now;
      this.iterationsWithoutTime = 0;
    } else if (++this.iterationsWithoutTime > this.limits.maxIterationsWithoutTime) {
      this.exceed(`more than ${this.limits.maxIterationsWithoutTime} loop iterations without time passing`);
    }
    this.check();
  }

  /** Enters a function or `$(...)`; returns the function that leaves it. */
  enter(): () => void {
    if (++this.depth > this.limits.maxDepth) {
      this.depth--;
      this.exceed(`more than ${this.limits.maxDepth} nested functions or command substitutions`);
      this.check();
    }
    return () => {
      this.depth--;
    };
  }

  /** Counts bytes bound for the terminal; false (and the line stops) past the limit. */
  allowOutput(text: string): boolean {
    if (this.reason) return false;
    this.outputBytes += Buffer.byteLength(text);
    if (this.outputBytes > this.limits.maxOutputBytes) {
      this.exceed(`more than ${this.limits.maxOutputBytes} bytes of output in one line`);
      return false;
    }
    return true;
  }

  /** Virtual ms left before the budget interrupts the line (undefined: no budget). */
  remainingMs(): number | undefined {
    return this.deadline === undefined ? undefined : Math.max(0, this.deadline - this.baseTime.now());
  }
}
