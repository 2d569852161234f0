/**
 * A lesson on a real cluster, headless: the same lesson machine as on the simulator, with the
 * student's commands run by the real shell and the real kubectl, and the checks evaluated
 * through the Kubernetes API. The lesson runs in a namespace of its own (kubelab-<scenario id>),
 * created by kubelab, labelled as kubelab's, and deleted at `finish`; a namespace of that name
 * that kubelab did not make is never used. Commands get a kubeconfig of their own whose current
 * context is the chosen one in that namespace, so a plain `kubectl get pods` lands there.
 *
 * After each command the checks' objects are read into a snapshot and the current step's
 * traffic checks are sent from a probe pod (traffic-pods.ts); then the machine moves on. When
 * the scenario watches a Service, the zero-downtime meter runs from a probe pod of its own from
 * the start to `finish` (meter.ts), and `noDowntime` checks read it. Checks that cannot run on a
 * real cluster (none today) are left out of the steps and listed by `skippedChecks`. One line is one command: heredocs spread over several lines
 * and interactive shells in pods (`kubectl run -it ... -- sh`) are not supported here.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { dirname, join } from 'node:path';
import { createActor, type Actor } from 'xstate';
import { evaluateAll } from '../lesson/evaluate-check.js';
import { DEFAULT_NAMESPACE, type CheckContext, type CheckResult } from '../lesson/check-context.js';
import { buildLessonMachine, currentStep, type LessonMachine } from '../lesson/machine.js';
import { worksOnRealCluster, checkKindsIn } from '../lesson/real-cluster-support.js';
import type { Check, Localized, Scenario, Step } from '../lesson/scenario-types.js';
import { DiskFs } from '../workspace/disk-fs.js';
import { apiMessage, KubeApi, RealClusterError, type ContextOptions } from './kube-api.js';
import { lessonNamespace, trafficChecks } from './grade-live.js';
import { takeSnapshot } from './snapshot.js';
import { RealDowntimeMeter } from './meter.js';
import { MANAGED_LABELS, PodTrafficSampler } from './traffic-pods.js';

/** What a command printed, and its exit status. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  status: number;
}

/** A command run for a screen: output as the process prints it, and a way to stop it. */
export interface LiveRun {
  /** Each chunk as the process writes it, in the order it arrives. */
  onOutput(text: string): void;
  /** Aborting sends SIGINT to the command's process group, as Ctrl-C in a terminal does. */
  signal: AbortSignal;
}

/** Options of a real-cluster lesson. */
export interface RealLessonOptions extends ContextOptions {
  /** The folder the commands run in; the scenario's files are written there when missing. */
  workdir: string;
}

/** A lesson in progress on a real cluster. */
export class RealLesson {
  readonly commands: string[] = [];
  private readonly actor: Actor<LessonMachine>;
  private ctx: CheckContext;
  private readonly fs: DiskFs;
  /** The zero-downtime meter, when the scenario watches a Service. */
  meter: RealDowntimeMeter | undefined;

  private constructor(
    readonly scenario: Scenario,
    private readonly api: KubeApi,
    readonly namespace: string,
    private readonly workdir: string,
    private readonly kubeconfig: string,
  ) {
    this.fs = new DiskFs(workdir);
    this.ctx = this.emptyContext();
    const machine = buildLessonMachine(scenario);
    this.actor = createActor(machine, { input: { evaluate: (checks) => evaluateAll(checks.filter(runsHere), this.ctx).ok } });
    this.actor.start();
  }

  /** Connects, creates the lesson's namespace and writes the workspace's files and kubeconfig. */
  static async start(scenario: Scenario, opts: RealLessonOptions): Promise<RealLesson> {
    const api = await KubeApi.connect(opts);
    const namespace = lessonNamespace(scenario.id);
    const created = await api.request('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: MANAGED_LABELS } });
    if (created.status === 409) {
      const found = await api.getOk(`/api/v1/namespaces/${namespace}`);
      const labels = (found as { metadata?: { labels?: Record<string, string> } }).metadata?.labels ?? {};
      if (labels['app.kubernetes.io/managed-by'] !== 'kubelab') throw new RealClusterError(`namespace "${namespace}" exists and was not made by kubelab; kubelab will not use it`);
    } else if (created.status >= 300) {
      throw new RealClusterError(`cannot create namespace "${namespace}": ${apiMessage(created)}`);
    }
    mkdirSync(opts.workdir, { recursive: true });
    for (const [path, text] of Object.entries(scenario.files ?? {})) {
      const file = join(opts.workdir, path);
      if (existsSync(file)) continue;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    const kubeconfig = join(opts.workdir, '.kubelab-kubeconfig');
    await api.writeKubeconfigFor(kubeconfig, namespace);
    const lesson = new RealLesson(scenario, api, namespace, opts.workdir, kubeconfig);
    if (scenario.watch) {
      const ns = scenario.watch.namespace ?? DEFAULT_NAMESPACE;
      try {
        lesson.meter = await RealDowntimeMeter.start(api, namespace, ns === DEFAULT_NAMESPACE ? namespace : ns, scenario.watch, () => lesson.step);
      } catch (e) {
        await lesson.finish().catch(() => undefined);
        throw e;
      }
    }
    await lesson.refresh();
    return lesson;
  }

  /** The current step id, or `end`. */
  get step(): string {
    return currentStep(this.actor.getSnapshot());
  }

  /** True once the last step is done. */
  get finished(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }

  /** Step ids completed and skipped, and hints asked, as the TUI shows them. */
  progress(): { completed: readonly string[]; skipped: readonly string[]; hints: Readonly<Record<string, number>> } {
    const { completed, skipped, hints } = this.actor.getSnapshot().context;
    return { completed, skipped, hints };
  }

  /**
   * Runs one command line with the real shell and kubectl, then evaluates the lesson. With
   * `live` (the TUI) the command runs in a process group of its own, streams its output and
   * can be interrupted; without it (`kubelab run --context`) it stays in ours, so the
   * terminal's Ctrl-C reaches it.
   */
  async submit(line: string, live?: LiveRun): Promise<CommandOutput> {
    const out = await runLine(line, this.workdir, this.kubeconfig, live);
    this.commands.push(line);
    // A finished lesson's machine has stopped: lines typed after it only run.
    if (this.finished) return out;
    await this.refresh();
    this.actor.send({ type: 'COMMAND_RAN', command: line });
    return out;
  }

  /** The current step's checks (those that run here) evaluated on the state last read. */
  evaluateStep(): CheckResult {
    const step = this.currentStep();
    if (!step) return { ok: true, reason: { en: 'The lesson is finished.', ko: '실습을 마쳤습니다.' } };
    return evaluateAll(step.checks.filter(runsHere), this.ctx);
  }

  /** The next hint of the current step, or undefined when none is left. */
  hint(): Localized | undefined {
    const step = this.currentStep();
    const hint = step?.hints?.[this.progress().hints[step.id] ?? 0];
    if (hint) this.actor.send({ type: 'HINT' });
    return hint;
  }

  /** Skips the current step. */
  skip(): void {
    this.actor.send({ type: 'SKIP' });
  }

  /** The checks of each step left out on a real cluster, with the kinds. */
  skippedChecks(): { step: string; kinds: string[] }[] {
    return this.scenario.steps.flatMap((s) => {
      const left = s.checks.filter((c) => !runsHere(c));
      return left.length > 0 ? [{ step: s.id, kinds: [...new Set(left.flatMap(checkKindsIn))] }] : [];
    });
  }

  /** Stops the meter (deleting its pod), then deletes the lesson's namespace (and with it everything the lesson made). */
  async finish(): Promise<void> {
    await this.meter?.stop();
    const r = await this.api.request('DELETE', `/api/v1/namespaces/${this.namespace}`);
    if (r.status >= 300 && r.status !== 404) throw new RealClusterError(`cannot delete namespace "${this.namespace}": ${apiMessage(r)}`);
  }

  /** The current step, or undefined once the lesson is finished. */
  currentStep(): Step | undefined {
    return this.scenario.steps.find((s) => s.id === this.step);
  }

  /** Reads the cluster again and sends the current step's traffic checks. */
  private async refresh(): Promise<void> {
    const realNs = (n: string) => (n === DEFAULT_NAMESPACE ? this.namespace : n);
    const reader = await takeSnapshot(this.api, this.scenario, realNs);
    const traffic = new PodTrafficSampler(this.api, this.namespace);
    const step = this.currentStep();
    const branchChecks = typeof step?.next === 'object' ? step.next.flatMap((b) => (b.when ? [b.when] : [])) : [];
    await traffic.prefetch(trafficChecks([...(step?.checks ?? []), ...branchChecks]), reader);
    // Requests sent while the command ran are booked before the checks read the meter.
    await this.meter?.settle();
    this.ctx = { reader, traffic, fs: this.fs, commands: this.commands, meter: this.meter };
  }

  private emptyContext(): CheckContext {
    const none = { get: () => undefined, list: () => [] };
    return { reader: none, traffic: { sample: () => [] }, fs: this.fs, commands: this.commands, meter: this.meter };
  }
}

/** Whether a check runs in a lesson on a real cluster. */
function runsHere(check: Check): boolean {
  return worksOnRealCluster(check, 'lesson');
}

/**
 * Runs a line with `sh -c` in `cwd`, kubectl pointed at the lesson's kubeconfig; stdin is
 * empty. A command killed by a signal exits 128 + its number, as sh reports it (SIGINT: 130).
 */
function runLine(line: string, cwd: string, kubeconfig: string, live?: LiveRun): Promise<CommandOutput> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', line], { cwd, env: { ...process.env, KUBECONFIG: kubeconfig }, stdio: ['ignore', 'pipe', 'pipe'], detached: live !== undefined });
    let stdout = '';
    let stderr = '';
    const interrupt = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
      } catch {
        // The group is already gone: the command ended as Ctrl-C was pressed.
      }
    };
    if (live?.signal.aborted) interrupt();
    live?.signal.addEventListener('abort', interrupt, { once: true });
    // A character split between two chunks is decoded whole (setEncoding keeps the partial bytes).
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      stdout += text;
      live?.onOutput(text);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr += text;
      live?.onOutput(text);
    });
    child.on('error', (e) => {
      live?.signal.removeEventListener('abort', interrupt);
      live?.onOutput(`kubelab: ${e.message}\n`);
      resolve({ stdout, stderr: `${stderr}kubelab: ${e.message}\n`, status: 127 });
    });
    // Background jobs of a non-interactive sh ignore SIGINT; once Ctrl-C has ended the line,
    // whatever is left of its group is killed, so it cannot hold the output open.
    child.on('exit', () => {
      if (!live?.signal.aborted || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Nothing was left.
      }
    });
    child.on('close', (code, signal) => {
      live?.signal.removeEventListener('abort', interrupt);
      resolve({ stdout, stderr, status: code ?? 128 + signalNumber(signal) });
    });
  });
}

/** The number of a signal by name (SIGINT 2, SIGTERM 15); 0 when unknown. */
function signalNumber(signal: NodeJS.Signals | null): number {
  return signal ? (osConstants.signals[signal] ?? 0) : 0;
}
