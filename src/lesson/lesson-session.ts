/**
 * One lesson in progress: a cluster seeded from the scenario, the workspace with its starting
 * files, the zero-downtime meter when the scenario watches a Service, and the lesson machine
 * whose checks are evaluated against all three. Whoever runs commands (the TUI, `grade`,
 * `validate`) reports each one with `commandRan`; the session never runs commands itself.
 */
import { createActor, type Actor } from 'xstate';
import { Cluster } from '../cluster/cluster.js';
import { MemoryFs } from '../workspace/memory-fs.js';
import type { WorkspaceFs } from '../workspace/workspace-fs.js';
import { memoryCheckSources, type CheckContext, type CheckResult } from './check-context.js';
import { DowntimeMeter } from './downtime-meter.js';
import { evaluateAll } from './evaluate-check.js';
import { buildLessonMachine, currentStep, type LessonMachine } from './machine.js';
import { END, type Localized, type Scenario, type Step } from './scenario-types.js';

/** Options of a lesson session. */
export interface LessonSessionOptions {
  /** Overrides the scenario's seed (default: the scenario's, else 1). */
  seed?: string | number;
  /** The workspace; by default a memory workspace holding the scenario's files. */
  fs?: WorkspaceFs;
  /** An existing cluster (its seed wins). */
  cluster?: Cluster;
}

/** A running lesson. */
export class LessonSession {
  readonly cluster: Cluster;
  readonly fs: WorkspaceFs;
  readonly meter?: DowntimeMeter;
  /** Every command reported so far, as typed. */
  readonly commands: string[] = [];
  private readonly actor: Actor<LessonMachine>;
  private readonly steps: Map<string, Step>;
  private readonly sources: Pick<CheckContext, 'reader' | 'traffic'>;

  constructor(
    readonly scenario: Scenario,
    opts: LessonSessionOptions = {},
  ) {
    this.cluster = opts.cluster ?? new Cluster({ seed: opts.seed ?? scenario.seed ?? 1 });
    this.fs = opts.fs ?? new MemoryFs(scenario.files ?? {});
    this.steps = new Map(scenario.steps.map((s) => [s.id, s]));
    this.sources = memoryCheckSources(this.cluster);
    const machine = buildLessonMachine(scenario);
    this.actor = createActor(machine, { input: { evaluate: (checks) => evaluateAll(checks, this.checkContext()).ok } });
    this.actor.start();
    if (scenario.watch) this.meter = new DowntimeMeter(this.cluster, scenario.watch, () => this.step);
  }

  /** The current step id, or `end` when the lesson is finished. */
  get step(): string {
    return currentStep(this.actor.getSnapshot());
  }

  /** True once the final state is reached. */
  get finished(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }

  /** The current step, or undefined when finished. */
  currentStep(): Step | undefined {
    return this.steps.get(this.step);
  }

  /** Step ids completed by their checks, and skipped, in order. */
  progress(): { completed: readonly string[]; skipped: readonly string[]; hints: Readonly<Record<string, number>> } {
    const { completed, skipped, hints } = this.actor.getSnapshot().context;
    return { completed, skipped, hints };
  }

  /** What checks see now. */
  checkContext(): CheckContext {
    return { ...this.sources, fs: this.fs, commands: this.commands, meter: this.meter };
  }

  /** The checks of a step (default: the current one) evaluated now, with the reason. */
  evaluateStep(stepId = this.step): CheckResult {
    const step = this.steps.get(stepId);
    if (!step) return { ok: true, reason: { en: 'The lesson is finished.', ko: '실습을 마쳤습니다.' } };
    return evaluateAll(step.checks, this.checkContext());
  }

  /** Reports a command the student ran; returns the step that is current afterwards. */
  commandRan(command: string): string {
    this.commands.push(command);
    // A finished lesson's machine is stopped: xstate would warn on the console for each event,
    // which in the lesson screen writes over the frame.
    if (this.step !== END) this.actor.send({ type: 'COMMAND_RAN', command });
    return this.step;
  }

  /** The next hint of the current step (and counts it), or undefined when none is left. */
  hint(): Localized | undefined {
    const step = this.currentStep();
    if (!step) return undefined;
    const shown = this.actor.getSnapshot().context.hints[step.id] ?? 0;
    const hint = step.hints?.[shown];
    if (hint) this.actor.send({ type: 'HINT' });
    return hint;
  }

  /** Skips the current step. */
  skip(): string {
    if (this.step !== END) this.actor.send({ type: 'SKIP' });
    return this.step;
  }

  /** Stops the meter and the machine. */
  stop(): void {
    this.meter?.stop();
    this.actor.stop();
  }
}
