/**
 * A scenario as an xstate v5 machine, built with `setup({ guards, actions })`: one state per
 * step (named by its id) and a final state `end`. After each command (`COMMAND_RAN`) the
 * current step's checks are evaluated; when they all hold, the machine moves on to the step's
 * `next`, or to the first branch whose `when` holds (a branch without `when` always holds).
 * `HINT` counts a hint shown; `SKIP` moves on without the step's checks (branches still
 * choose by `when`, falling back to the last branch).
 *
 * The machine is pure: it never sees a cluster. Checks are evaluated by the `evaluate`
 * function passed as input and kept in the context, so unit tests drive transitions with a
 * stub and the session hands in one over its cluster, workspace and meter.
 */
import { and, assign, setup, type SnapshotFrom } from 'xstate';
import { END, type Branch, type Check, type Scenario, type Step } from './scenario-types.js';

/** Evaluates checks for a step (`stepId`) and says whether all of them hold. */
export type CheckEvaluator = (checks: readonly Check[], stepId: string) => boolean;

/** What the lesson machine remembers. */
export interface LessonContext {
  evaluate: CheckEvaluator;
  /** Hints shown, per step id. */
  hints: Record<string, number>;
  /** Steps completed by their checks, in order. */
  completed: string[];
  /** Steps skipped, in order. */
  skipped: string[];
  /** Commands seen, in order. */
  commands: string[];
}

/** Events the lesson machine accepts. */
export type LessonEvent = { type: 'COMMAND_RAN'; command: string } | { type: 'HINT' } | { type: 'SKIP' };

/** The input of a lesson machine. */
export interface LessonInput {
  evaluate: CheckEvaluator;
}

type StepParams = { step: string };
type BranchParams = { step: string; branch: number };

/** The id of the final state. */
export const END_STATE = END;

/** Builds the machine of a validated scenario. */
export function buildLessonMachine(scenario: Scenario) {
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const stepOf = (id: string): Step => steps.get(id)!;
  const branchOf = (p: BranchParams): Branch => (stepOf(p.step).next as Branch[])[p.branch];
  const logic = setup({
    types: {} as { context: LessonContext; events: LessonEvent; input: LessonInput },
    guards: {
      stepChecksPass: ({ context }, params: StepParams) => context.evaluate(stepOf(params.step).checks, params.step),
      branchHolds: ({ context }, params: BranchParams) => {
        const when = branchOf(params).when;
        return when === undefined || context.evaluate([when], params.step);
      },
    },
    actions: {
      recordCommand: assign({
        commands: ({ context, event }) => (event.type === 'COMMAND_RAN' ? [...context.commands, event.command] : context.commands),
      }),
      countHint: assign({
        hints: ({ context }, params: StepParams) => ({ ...context.hints, [params.step]: (context.hints[params.step] ?? 0) + 1 }),
      }),
      markCompleted: assign({ completed: ({ context }, params: StepParams) => [...context.completed, params.step] }),
      markSkipped: assign({ skipped: ({ context }, params: StepParams) => [...context.skipped, params.step] }),
    },
  });
  const states: Record<string, object> = {};
  scenario.steps.forEach((step, index) => {
    const record = 'recordCommand' as const;
    const done = { type: 'markCompleted' as const, params: { step: step.id } };
    const skipped = { type: 'markSkipped' as const, params: { step: step.id } };
    const passes = { type: 'stepChecksPass' as const, params: { step: step.id } };
    const next = step.next ?? scenario.steps[index + 1]?.id ?? END;
    let onCommand: object[];
    let onSkip: object[];
    if (typeof next === 'string') {
      onCommand = [{ guard: passes, target: next, actions: [record, done] }];
      onSkip = [{ target: next, actions: [skipped] }];
    } else {
      const holds = (i: number) => ({ type: 'branchHolds' as const, params: { step: step.id, branch: i } });
      onCommand = next.map((b, i) => ({ guard: and([passes, holds(i)]), target: b.goto, actions: [record, done] }));
      onSkip = [
        ...next.map((b, i) => ({ guard: holds(i), target: b.goto, actions: [skipped] })),
        { target: next[next.length - 1].goto, actions: [skipped] },
      ];
    }
    states[step.id] = {
      description: step.title.en,
      on: {
        // The last, unguarded transition only records a command that completed nothing.
        COMMAND_RAN: [...onCommand, { actions: [record] }],
        HINT: { actions: [{ type: 'countHint', params: { step: step.id } }] },
        SKIP: onSkip,
      },
    };
  });
  states[END] = { type: 'final' };
  return logic.createMachine({
    id: scenario.id,
    initial: scenario.steps[0].id,
    context: ({ input }) => ({ evaluate: input.evaluate, hints: {}, completed: [], skipped: [], commands: [] }),
    // Built from data, so typed loosely: the state value is a step id.
    states: states as Record<string, { type?: 'final' }>,
  });
}

/** The machine type of a lesson. */
export type LessonMachine = ReturnType<typeof buildLessonMachine>;

/** A snapshot of a lesson machine. */
export type LessonSnapshot = SnapshotFrom<LessonMachine>;

/** The current step id of a snapshot, or `end`. */
export function currentStep(snapshot: LessonSnapshot): string {
  return String(snapshot.value);
}
