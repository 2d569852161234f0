/**
 * Step-by-step grading of a replayed session. A step passes when the lesson machine completed it
 * during the session, or when its checks all held together after any command (step-tracker.ts):
 * certification-exam style, any correct way and order of getting there passes. Steps are graded
 * along the path the student took: the machine's own path, then from where it stopped the
 * steps' `next`, branches chosen by their `when` on the end state. Steps of other branches are
 * `not-taken` and not scored.
 */
import { evaluateCheck } from '../evaluate-check.js';
import { END, stepTargets, type Check, type Localized, type Scenario, type Step } from '../scenario-types.js';
import type { ReplayResult } from './replay.js';
import type { StepReport } from './report-types.js';

/** Points a step on the student's path is worth. */
export const STEP_POINTS = 1;

/** Grades every step of the scenario after a replay. */
export function gradeSteps(scenario: Scenario, replay: ReplayResult): StepReport[] {
  const lesson = replay.lesson;
  const { completed, skipped, hints } = lesson.progress();
  const path = studentPath(scenario, replay, new Set([...completed, ...skipped, lesson.step]));
  return scenario.steps.map((step) => {
    const base = { id: step.id, title: step.title, hints: hints[step.id] ?? 0 };
    if (!path.has(step.id)) {
      return { ...base, status: 'not-taken', reason: NOT_TAKEN, score: 0, maxScore: 0 };
    }
    const scored = { ...base, maxScore: STEP_POINTS };
    if (skipped.includes(step.id)) return { ...scored, status: 'skipped', reason: SKIPPED, score: 0 };
    const by = replay.completedBy[step.id];
    if (completed.includes(step.id) && by !== undefined) {
      const cmd = shortCommand(replay.commands[by].command);
      const reason = { en: `Done: the checks held after command ${by + 1}, \`${cmd}\`.`, ko: `완료: ${by + 1}번째 명령 \`${cmd}\` 뒤에 조건을 모두 만족했습니다.` };
      return { ...scored, status: 'passed', reason, score: STEP_POINTS };
    }
    const track = replay.tracker.tracks.get(step.id)!;
    if (track.heldAfter !== undefined) {
      const cmd = shortCommand(replay.commands[track.heldAfter].command);
      const reason = { en: `Done: the checks held after command ${track.heldAfter + 1}, \`${cmd}\`.`, ko: `완료: ${track.heldAfter + 1}번째 명령 \`${cmd}\` 뒤에 조건을 모두 만족했습니다.` };
      return { ...scored, status: 'passed', reason, score: STEP_POINTS };
    }
    const failed = failureReason(step, replay);
    return { ...scored, status: 'failed', reason: failed, score: 0 };
  });
}

const NOT_TAKEN: Localized = {
  en: 'Not graded: this step belongs to a branch of the lesson you did not take.',
  ko: '채점하지 않음: 선택하지 않은 다른 갈래의 단계입니다.',
};
const SKIPPED: Localized = { en: 'You skipped this step.', ko: '이 단계를 건너뛰었습니다.' };

/** The steps on the student's path: the machine's, then onwards from where it stopped. */
function studentPath(scenario: Scenario, replay: ReplayResult, visited: Set<string>): Set<string> {
  const index = new Map(scenario.steps.map((s, i) => [s.id, i]));
  const path = new Set<string>();
  let id: string | undefined = scenario.steps[0].id;
  while (id !== undefined && id !== END && !path.has(id)) {
    path.add(id);
    const i: number = index.get(id)!;
    const targets = stepTargets(scenario, i);
    const step: Step = scenario.steps[i];
    if (visited.has(id) && id !== replay.lesson.step) {
      // The machine left this step: it went to the one target it visited.
      id = targets.find((t) => t === END || visited.has(t)) ?? targets[targets.length - 1];
    } else if (typeof step.next === 'object') {
      const ctx = replay.lesson.checkContext();
      const taken = step.next.find((b) => b.when === undefined || evaluateCheck(b.when, ctx).ok);
      id = (taken ?? step.next[step.next.length - 1]).goto;
    } else {
      id = targets[0];
    }
  }
  return path;
}

/** Why a step never held: its closest miss, with the command behind the first downtime. */
function failureReason(step: Step, replay: ReplayResult): Localized {
  const best = replay.tracker.tracks.get(step.id)?.best;
  if (!best) return { en: 'No command was run, so nothing of this step was done.', ko: '실행한 명령이 없어서 이 단계는 하나도 진행되지 않았습니다.' };
  const after = downtimeCause(best.check, replay);
  if (!after) return best.reason;
  return {
    en: `${best.reason.en} The first failed request came after \`${after}\`.`,
    ko: `${best.reason.ko} 첫 실패는 \`${after}\` 을(를) 실행한 뒤였습니다.`,
  };
}

/** For a meter check, the command that ran last before its first counted failure. */
function downtimeCause(check: Check, replay: ReplayResult): string | undefined {
  const allowed = 'noDowntime' in check ? [] : 'noDowntimeOutside' in check ? check.noDowntimeOutside : undefined;
  const meter = replay.lesson.meter;
  if (!allowed || !meter) return undefined;
  const first = meter.failures().find((f) => !allowed.includes(f.step));
  if (!first) return undefined;
  const before = replay.commands.filter((c) => c.at <= first.at);
  const last = before[before.length - 1];
  return last ? shortCommand(last.command) : undefined;
}

/** A command as reports quote it: its first line, at most 80 characters, control characters shown as `?`. */
export function shortCommand(command: string): string {
  const first = command.split('\n')[0].replace(/[\u0000-\u001f\u007f]/g, '?');
  const more = command.includes('\n') ? ' ...' : '';
  return first.length > 80 ? `${first.slice(0, 77)}...` : `${first}${more}`;
}
