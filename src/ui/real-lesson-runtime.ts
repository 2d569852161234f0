/**
 * The lesson screen's runtime on a real cluster (`kubelab lesson ID --context NAME`): the same
 * ScreenRuntime as the simulator's LessonRuntime, over a RealLesson (src/realcluster/). Each
 * line runs with sh and the real kubectl in the lesson's namespace, its output streaming onto
 * the screen as the process prints it; Ctrl-C sends SIGINT to the line's process group and
 * keeps what was printed; lines typed meanwhile wait their turn (type-ahead). After each line
 * the lesson reads the cluster through the API and moves on as the simulator's does.
 *
 * Time is the cluster's own: the status line shows the wall clock (read in
 * src/cluster/clock.ts) and the zero-downtime meter's count (src/realcluster/meter.ts, repainted
 * with the clock), and Ctrl-P and Ctrl-O say that it cannot be paused or sped up. The
 * live cluster view and the traffic panel are not built here; they say so. Tab completes
 * command names (those on PATH and sh's builtins) and the workspace's files; object names are
 * left out (there is no store to read them from without a request per keypress).
 */
import { RealTimeDriver, wallClockNow } from '../cluster/clock.js';
import type { Lang, Localized, Scenario } from '../lesson/scenario-types.js';
import type { RealLesson } from '../realcluster/real-lesson.js';
import { WORKSTATION_PROMPT } from '../shell/prompts.js';
import { DiskFs } from '../workspace/disk-fs.js';
import type { CompletionContext } from './completion/completion-types.js';
import { commandsOnPath } from './completion/path-commands.js';
import type { Feedback, RuntimeSnapshot } from './lesson-runtime.js';
import { OutputBuffer } from './output-buffer.js';
import { realStrings } from './real-strings.js';
import type { ScreenRuntime } from './screen-runtime.js';
import { SessionRecorder } from './session-recorder.js';
import { introText, stepDoneLines, stepFields } from './lesson-view-parts.js';
import { SnapshotStore } from './snapshot-store.js';
import { uiStrings, type UiStrings } from './strings.js';

/** Options of a real-cluster lesson screen. */
export interface RealRuntimeOptions {
  /** The lesson, already started (its namespace made). */
  lesson: RealLesson;
  /** The kubeconfig context it runs on (shown in the first lines). */
  context: string;
  /** The folder the lines run in; session.jsonl is written there. */
  workdir: string;
  lang: Lang;
}

/** A lesson on a real cluster behind the TUI. */
export class RealLessonRuntime implements ScreenRuntime {
  lang: Lang;
  text: UiStrings;
  readonly recorder: SessionRecorder;
  /** No live view on a real cluster (see `panelsUnavailable`). */
  readonly clusterView = undefined;
  private readonly lesson: RealLesson;
  private readonly output = new OutputBuffer();
  private readonly snapshots = new SnapshotStore<RuntimeSnapshot>(() => this.build());
  private readonly fs: DiskFs;
  /** Repaints the status line's clock once a second; it moves no time of ours. */
  private readonly ticker: RealTimeDriver;
  private abort: AbortController | undefined;
  private readonly typeAhead: string[] = [];
  private pumping: Promise<void> | undefined;
  private hints: Localized[] = [];
  private feedback: Feedback | undefined;
  private exited = false;
  private shownSecond = -1;
  private commandNames: string[] | undefined;

  constructor(opts: RealRuntimeOptions) {
    this.lesson = opts.lesson;
    this.lang = opts.lang;
    this.text = uiStrings(opts.lang);
    this.fs = new DiskFs(opts.workdir);
    this.recorder = new SessionRecorder(opts.workdir);
    this.ticker = new RealTimeDriver(() => this.tick(), 250);
    const scenario = this.lesson.scenario;
    const real = realStrings(opts.lang);
    this.output.write(introText(scenario, opts.lang));
    this.output.write(`${real.connected(opts.context, this.lesson.namespace, opts.workdir)}\n${real.howLinesRun}\n`);
    for (const s of this.lesson.skippedChecks()) this.output.write(`${real.notChecked(s.step, s.kinds)}\n`);
    this.output.write('\n');
  }

  /** The lesson's scenario. */
  get scenario(): Scenario {
    return this.lesson.scenario;
  }

  /** The panels' plain message. */
  panelsUnavailable(): string[] {
    return realStrings(this.lang).panelsUnavailable;
  }

  /** Starts repainting the clock. */
  start(): void {
    this.ticker.start();
  }

  /** Stops the clock, interrupts a running line and closes the session file (the namespace is the caller's: `lesson.finish()`). */
  stop(): void {
    this.ticker.stop();
    this.typeAhead.length = 0;
    this.abort?.abort();
    this.recorder.close();
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => this.snapshots.subscribe(listener);

  /** The current snapshot (a new object after every change). */
  snapshot = (): RuntimeSnapshot => this.snapshots.snapshot();

  enter(line: string): Promise<void> {
    this.typeAhead.push(line);
    this.pumping ??= this.pump().finally(() => (this.pumping = undefined));
    return this.pumping;
  }

  busy(): boolean {
    return this.abort !== undefined || this.typeAhead.length > 0;
  }

  interrupt(): boolean {
    if (!this.abort) return false;
    this.typeAhead.length = 0;
    this.abort.abort();
    return true;
  }

  cancelLine(line: string): void {
    this.output.echo(WORKSTATION_PROMPT, `${line}^C`);
    this.changed();
  }

  showCompletions(line: string, rows: readonly string[]): void {
    this.output.echo(WORKSTATION_PROMPT, line);
    for (const row of rows) this.output.write(`${row}\n`);
    this.changed();
  }

  async endOfInput(): Promise<void> {
    if (this.busy()) return;
    this.exited = true;
    this.changed();
  }

  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.text = uiStrings(lang);
    this.changed();
  }

  hint(): void {
    const hint = this.lesson.hint();
    if (hint) this.hints = [...this.hints, hint];
    this.recorder.recordEvent('hint', wallClockNow());
    this.feedback = hint ? undefined : { kind: 'info', lines: [this.text.noMoreHints] };
    this.changed();
  }

  skip(): void {
    const step = this.lesson.currentStep();
    if (!step) return;
    this.recorder.recordEvent('skip', wallClockNow());
    this.lesson.skip();
    this.stepChanged({ kind: 'skip', lines: [this.text.skipped(step.title[this.lang])] });
  }

  togglePause(): void {
    this.feedback = { kind: 'info', lines: [realStrings(this.lang).cannotPause] };
    this.changed();
  }

  cycleSpeed(): void {
    this.togglePause();
  }

  /** Commands on PATH and sh's builtins, the workspace's files; no object names (none read per keypress). */
  completionContext(): CompletionContext {
    this.commandNames ??= commandsOnPath();
    return { commandNames: this.commandNames, fs: this.fs, store: undefined, namespace: this.lesson.namespace };
  }

  private async pump(): Promise<void> {
    for (let line = this.typeAhead.shift(); line !== undefined; line = this.typeAhead.shift()) await this.submit(line);
  }

  /** Runs one line on the cluster, streaming its output, then evaluates the lesson. */
  private async submit(line: string): Promise<void> {
    if (this.abort || this.exited) return;
    this.output.echo(WORKSTATION_PROMPT, line);
    if (line.trim() === '') return this.changed();
    this.recorder.record(line, wallClockNow());
    const abort = (this.abort = new AbortController());
    const before = this.lesson.currentStep();
    this.changed();
    try {
      await this.lesson.submit(line, { signal: abort.signal, onOutput: (t) => this.write(t) });
      this.afterCommand(before?.id);
    } catch (e) {
      // An API the lesson cannot read (the cluster went away, a token expired) is said, not thrown.
      this.output.flush();
      this.output.write(`${realStrings(this.lang).apiProblem((e as Error).message)}\n`);
    } finally {
      this.output.flush();
      this.abort = undefined;
      this.changed();
    }
  }

  private afterCommand(beforeId: string | undefined): void {
    const before = this.scenario.steps.find((s) => s.id === beforeId);
    if (!before || this.lesson.step === before.id) return;
    this.stepChanged({ kind: 'done', lines: stepDoneLines(this.text, this.lang, before, this.lesson.currentStep()) });
  }

  private stepChanged(feedback: Feedback): void {
    this.hints = [];
    this.feedback = feedback;
    this.changed();
  }

  private write(text: string): void {
    this.output.write(text);
    this.changed();
  }

  private tick(): void {
    const second = Math.floor(wallClockNow() / 1000);
    if (second === this.shownSecond) return;
    this.shownSecond = second;
    this.changed();
  }

  /** Coalesces a burst of changes (a command printing many chunks) into one notification. */
  private changed(): void {
    this.snapshots.changed();
  }

  private build(): RuntimeSnapshot {
    const meter = this.lesson.meter;
    return {
      lines: this.output.lines(),
      partial: this.output.partial(),
      running: this.busy(),
      prompt: WORKSTATION_PROMPT,
      ...stepFields(this.lesson, this.hints, this.lang),
      finished: this.lesson.finished,
      lang: this.lang,
      feedback: this.feedback,
      virtualMs: wallClockNow(),
      paused: false,
      speed: 1,
      meter: meter ? { sent: meter.sent(), failed: meter.failures().length } : undefined,
      exited: this.exited,
    };
  }
}
