/**
 * Which check kinds work on a real cluster (`--context`), declared per kind. Two uses differ:
 * a *lesson* on a real cluster (kubelab runs the student's commands with the real kubectl, so it
 * knows them and the workspace), and grading a live cluster's *end state* (`kubelab grade
 * --context`: only the objects are there to read). `kubelab validate` lists the checks of a
 * scenario that cannot run on a real cluster (realClusterGaps).
 */
import type { Localized } from './scenario-types.js';
import { checkKind, type Check, type CheckKind, type Scenario } from './scenario-types.js';

/** Whether a check kind works in a lesson on a real cluster, and in end-state grading; why not. */
export interface RealClusterSupport {
  lesson: boolean;
  endState: boolean;
  /** What is missing where it does not work. */
  why?: string;
}

const API = { lesson: true, endState: true };

/** The declaration, one entry per check kind (the compiler insists on every kind). */
export const REAL_CLUSTER_SUPPORT: Record<CheckKind, RealClusterSupport> = {
  exists: API,
  absent: API,
  field: API,
  selector: API,
  endpoints: API,
  deployment: API,
  // Sent from a short-lived busybox pod in the lesson's namespace (src/realcluster/traffic-pods.ts).
  traffic: API,
  ran: { lesson: true, endState: false, why: 'a live cluster does not know which commands were run' },
  file: { lesson: true, endState: false, why: "a live cluster does not hold the student's workspace" },
  // The meter's probe pod runs in the lesson's namespace while the lesson does (src/realcluster/meter.ts).
  noDowntime: { lesson: true, endState: false, why: 'a live cluster does not know what downtime there was before it is graded' },
  noDowntimeOutside: { lesson: true, endState: false, why: 'a live cluster does not know what downtime there was before it is graded' },
  all: API,
  any: API,
  not: API,
};

/** The kinds of `check` and of every check inside it. */
export function checkKindsIn(check: Check): CheckKind[] {
  if ('all' in check) return ['all', ...check.all.flatMap(checkKindsIn)];
  if ('any' in check) return ['any', ...check.any.flatMap(checkKindsIn)];
  if ('not' in check) return ['not', ...checkKindsIn(check.not)];
  return [checkKind(check)];
}

/** Whether `check` (all its parts) can be evaluated in `mode`. */
export function worksOnRealCluster(check: Check, mode: 'lesson' | 'endState'): boolean {
  return checkKindsIn(check).every((k) => REAL_CLUSTER_SUPPORT[k][mode]);
}

/** One check of a scenario that cannot run on a real cluster. */
export interface RealClusterGap {
  step: string;
  /** `checks[2]` or `next[0].when`. */
  where: string;
  kind: CheckKind;
  /** Fails in a lesson (and so also in end-state grading), or only in end-state grading. */
  mode: 'lesson' | 'endState';
  why: string;
}

/** Every check of `scenario` (branch conditions included) that does not work on a real cluster. */
export function realClusterGaps(scenario: Scenario): RealClusterGap[] {
  const gaps: RealClusterGap[] = [];
  for (const step of scenario.steps) {
    const visit = (check: Check, where: string): void => {
      for (const kind of new Set(checkKindsIn(check))) {
        const s = REAL_CLUSTER_SUPPORT[kind];
        if (!s.lesson) gaps.push({ step: step.id, where, kind, mode: 'lesson', why: s.why ?? '' });
        else if (!s.endState) gaps.push({ step: step.id, where, kind, mode: 'endState', why: s.why ?? '' });
      }
    };
    step.checks.forEach((c, i) => visit(c, `checks[${i}]`));
    if (typeof step.next === 'object') step.next.forEach((b, i) => b.when && visit(b.when, `next[${i}].when`));
  }
  return gaps;
}

/** A gap as `validate` prints it. */
export function formatGap(gap: RealClusterGap): Localized {
  const where = `step "${gap.step}" ${gap.where} (${gap.kind})`;
  return gap.mode === 'lesson'
    ? { en: `${where} cannot run on a real cluster: ${gap.why}`, ko: `${where}: 실제 클러스터에서 실행할 수 없습니다 (${gap.why})` }
    : { en: `${where} works in a lesson on a real cluster but not in kubelab grade --context: ${gap.why}`, ko: `${where}: 실제 클러스터 실습에서는 되지만 kubelab grade --context 에서는 안 됩니다 (${gap.why})` };
}
