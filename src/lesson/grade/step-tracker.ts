/**
 * Watches every step's checks through a replay. After each command, each step that has not yet
 * held is evaluated check by check: a step *held* once all its checks hold together, whenever
 * that was (any correct way and order of getting there passes); otherwise the grader keeps the
 * student's closest miss: the evaluation where the most of its checks held (the earliest on a
 * tie), counting only evaluations from when the lesson reached the step, if it ever did (the
 * state before the student worked on a step says nothing of their attempt). Its first failing
 * check is the reason shown. So a Service deleted at clean-up does not hide why the switch
 * step failed earlier. Checks only read, and traffic checks use streams of
 * their own, so tracking never changes the replay.
 */
import type { CheckResult } from '../check-context.js';
import { evaluateCheck } from '../evaluate-check.js';
import type { LessonSession } from '../lesson-session.js';
import type { Check, Localized, Scenario } from '../scenario-types.js';

/** What the tracker knows of one step. */
export interface StepTrack {
  /** Index of the command after which all checks held, if they ever did. */
  heldAfter?: number;
  /** The closest miss: the first failing check and its reason. */
  best?: { passing: number; check: Check; reason: Localized };
  /** True once the lesson machine has made the step current. */
  reached?: boolean;
}

/** Tracks the steps of one scenario. */
export class StepTracker {
  readonly tracks = new Map<string, StepTrack>();

  constructor(private readonly scenario: Scenario) {
    for (const s of scenario.steps) this.tracks.set(s.id, {});
  }

  /**
   * Evaluates the steps that have not held yet, after command `index`. Checks are pure functions
   * of the state (traffic samples fork their stream from the check's text), so within one call
   * a traffic check that two steps share is sent once, and a step stops being evaluated as soon as
   * it can neither hold nor beat its closest miss: the outcome is the same, with fewer requests.
   */
  observe(lesson: LessonSession, index: number): void {
    const ctx = lesson.checkContext();
    const { completed, skipped } = lesson.progress();
    const memo = new Map<string, CheckResult>();
    const evaluate = (c: Check): CheckResult => {
      if (!('traffic' in c)) return evaluateCheck(c, ctx); // cheaper than a key
      const key = JSON.stringify(c);
      let r = memo.get(key);
      if (r === undefined) memo.set(key, (r = evaluateCheck(c, ctx)));
      return r;
    };
    for (const step of this.scenario.steps) {
      const track = this.tracks.get(step.id)!;
      if (track.heldAfter !== undefined) continue;
      if (!track.reached && (lesson.step === step.id || completed.includes(step.id) || skipped.includes(step.id))) {
        track.reached = true;
        track.best = undefined;
      }
      const total = step.checks.length;
      const toBeat = track.best?.passing;
      let passing = 0;
      let firstFailing: { check: Check; reason: Localized } | undefined;
      for (const [i, c] of step.checks.entries()) {
        const r = evaluate(c);
        if (r.ok) passing++;
        else firstFailing ??= { check: c, reason: r.reason };
        // Past this, even all remaining checks holding would neither complete nor beat the best.
        if (firstFailing && toBeat !== undefined && passing + (total - i - 1) <= toBeat) break;
      }
      if (passing === total) {
        track.heldAfter = index;
        continue;
      }
      if (toBeat === undefined || passing > toBeat) track.best = { passing, ...firstFailing! };
    }
  }
}
