/**
 * A lesson on a real cluster, headless: the same lesson machine as on the simulator, with the
 * student's commands run by the real shell and the real kubectl, and the checks evaluated
 * through the Kubernetes API. The lesson runs in a namespace of its own (kubelab-<scenario id>),
 * created by kubelab, labelled as kubelab's, and deleted at `finish`; a namespace of that name
 * that kubelab did not make is never used. Commands get a kubeconfig of their own whose current
 * context is the chosen one in that namespace, so a plain `kubectl get pods` lands there.
 *
 * After each command the checks' objects are read into a snapshot and the current step's
 * traffic checks are sent from a probe pod (traffic-pods.ts); then the machine moves on.
 * Checks that cannot run on a real cluster (the zero-downtime meter) are left out of the steps
 * and listed by `skippedChecks`. One line is one command: heredocs spread over several lines
 * and interactive shells in pods (`kubectl run -it ... -- sh`) are not supported here.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
import { MANAGED_LABELS, PodTrafficSampler } from './traffic-pods.js';

/** What a command printed, and its exit status. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  status: number;
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

  /** Runs one command line with the real shell and kubectl, then evaluates the lesson. */
  async submit(line: string): Promise<CommandOutput> {
    const out = await runLine(line, this.workdir, this.kubeconfig);
    this.commands.push(line);
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

  /** Deletes the lesson's namespace (and with it everything the lesson made). */
  async finish(): Promise<void> {
    const r = await this.api.request('DELETE', `/api/v1/namespaces/${this.namespace}`);
    if (r.status >= 300 && r.status !== 404) throw new RealClusterError(`cannot delete namespace "${this.namespace}": ${apiMessage(r)}`);
  }

  private currentStep(): Step | undefined {
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
    this.ctx = { reader, traffic, fs: this.fs, commands: this.commands };
  }

  private emptyContext(): CheckContext {
    const none = { get: () => undefined, list: () => [] };
    return { reader: none, traffic: { sample: () => [] }, fs: this.fs, commands: this.commands };
  }
}

/** Whether a check runs in a lesson on a real cluster. */
function runsHere(check: Check): boolean {
  return worksOnRealCluster(check, 'lesson');
}

/** Runs a line with `sh -c` in `cwd`, kubectl pointed at the lesson's kubeconfig; stdin is empty. */
function runLine(line: string, cwd: string, kubeconfig: string): Promise<CommandOutput> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', line], { cwd, env: { ...process.env, KUBECONFIG: kubeconfig }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', (e) => resolve({ stdout, stderr: `${stderr}kubelab: ${e.message}\n`, status: 127 }));
    child.on('close', (code) => resolve({ stdout, stderr, status: code ?? 1 }));
  });
}
