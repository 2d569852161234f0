/**
 * Grades a cluster's state as it is now against one step of a scenario, with no session behind
 * it: what `kubelab grade --context` does with a live cluster, and what the same function does
 * with the simulator's store, so that the two can be compared report for report. The step
 * (default: the last step of the path the state leads along, branches chosen by their `when`)
 * passes when its checks hold now; checks a state cannot answer (`ran`, `file`, the meter: see
 * real-cluster-support.ts) are left out with a note. The other steps are reported as not graded.
 */
import { evaluateAll, evaluateCheck } from '../evaluate-check.js';
import type { CheckContext } from '../check-context.js';
import { checkKindsIn, worksOnRealCluster } from '../real-cluster-support.js';
import { END, type Localized, type Scenario, type Step } from '../scenario-types.js';
import type { StepReport, SubmissionReport } from './report-types.js';
import { STEP_POINTS } from './grade-steps.js';

/** What to grade: the report's name for the cluster, and the step (default: the path's last). */
export interface EndStateOptions {
  name: string;
  step?: string;
}

/** The report, or why the step cannot be graded from a state. */
export type EndStateOutcome = { ok: true; report: SubmissionReport } | { ok: false; problem: string };

/** Grades `ctx` (a state, no commands) against a step of `scenario`. */
export function gradeEndState(scenario: Scenario, ctx: CheckContext, opts: EndStateOptions): EndStateOutcome {
  const target = opts.step ?? lastStepOfPath(scenario, ctx);
  const step = scenario.steps.find((s) => s.id === target);
  if (!step) return { ok: false, problem: `the scenario "${scenario.id}" has no step "${target}"; its steps: ${scenario.steps.map((s) => s.id).join(', ')}` };
  const gradable = step.checks.filter((c) => worksOnRealCluster(c, 'endState'));
  const left = step.checks.filter((c) => !worksOnRealCluster(c, 'endState'));
  if (gradable.length === 0) {
    return { ok: false, problem: `none of the checks of step "${step.id}" can be seen in a cluster's state (${kindsOf(left)}); choose another step with --step` };
  }
  const result = evaluateAll(gradable, ctx);
  const steps: StepReport[] = scenario.steps.map((s) => {
    const base = { id: s.id, title: s.title, hints: 0 };
    if (s !== step) return { ...base, status: 'not-taken', reason: notGraded(step), score: 0, maxScore: 0 };
    return { ...base, status: result.ok ? 'passed' : 'failed', reason: result.reason, score: result.ok ? STEP_POINTS : 0, maxScore: STEP_POINTS };
  });
  const notes: Localized[] = [];
  if (left.length > 0) {
    const kinds = kindsOf(left);
    notes.push({
      en: `${left.length} check(s) of step "${step.id}" were not graded: a cluster's state cannot show them (${kinds}).`,
      ko: `"${step.id}" 단계의 조건 ${left.length}개는 채점하지 않았습니다: 클러스터 상태로는 알 수 없습니다 (${kinds}).`,
    });
  }
  return {
    ok: true,
    report: { name: opts.name, status: result.ok ? 'passed' : 'failed', score: result.ok ? STEP_POINTS : 0, maxScore: STEP_POINTS, steps, commands: 0, virtualSeconds: 0, outputBytes: 0, notes },
  };
}

/** The last step of the path the state leads along: `next` from the first step, branches by their `when` now. */
export function lastStepOfPath(scenario: Scenario, ctx: CheckContext): string {
  const index = new Map(scenario.steps.map((s, i) => [s.id, i]));
  const seen = new Set<string>();
  let id = scenario.steps[0].id;
  for (;;) {
    seen.add(id);
    const i = index.get(id)!;
    const s: Step = scenario.steps[i];
    let next: string;
    if (s.next === undefined) next = scenario.steps[i + 1]?.id ?? END;
    else if (typeof s.next === 'string') next = s.next;
    else {
      const taken = s.next.find((b) => b.when === undefined || (worksOnRealCluster(b.when, 'endState') && evaluateCheck(b.when, ctx).ok));
      next = (taken ?? s.next[s.next.length - 1]).goto;
    }
    if (next === END || seen.has(next) || !index.has(next)) return id;
    id = next;
  }
}

function notGraded(step: Step): Localized {
  return {
    en: `Not graded: the cluster's state was graded against step "${step.id}" only.`,
    ko: `채점하지 않음: 클러스터 상태는 "${step.id}" 단계 기준으로만 채점했습니다.`,
  };
}

function kindsOf(checks: readonly Parameters<typeof checkKindsIn>[0][]): string {
  return [...new Set(checks.flatMap(checkKindsIn))].join(', ');
}
