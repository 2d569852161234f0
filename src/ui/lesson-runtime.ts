/**
 * Everything a lesson screen shows, without React: the lesson session (cluster, checks,
 * meter), the terminal session the student types into, the real-time driver of the virtual
 * clock (pause, speed), the scrollback, and the session file. Views subscribe and read an
 * immutable snapshot (`useSyncExternalStore`); keys call the methods.
 */
import { RealTimeDriver } from '../cluster/clock.js';
import { LessonSession } from '../lesson/lesson-session.js';
import { END, type Lang, type Scenario, type Step } from '../lesson/scenario-types.js';
import { CONTINUATION_PROMPT } from '../shell/prompts.js';
import { realTime } from '../shell/real-time.js';
import { steppedTime, TerminalSession } from '../shell/session.js';
import type { ShellTime } from '../shell/types.js';
import { workstationCommandSet } from '../shell/workstation.js';
import { DiskFs } from '../workspace/disk-fs.js';
import type { WorkspaceFs } from '../workspace/workspace-fs.js';
import { ClusterViewModel } from './cluster-view/cluster-view-model.js';
import { editorCommands } from './editor.js';
import { OutputBuffer, type OutputLine } from './output-buffer.js';
import { readSessionFile, SESSION_FILE, SessionRecorder, type SessionRecord } from './session-recorder.js';
import { introText, stepDoneLines, stepFields } from './lesson-view-parts.js';
import { SnapshotStore } from './snapshot-store.js';
import { memoryCopyOf, SwitchableFs } from './switchable-fs.js';
import { runtimeCompletionContext } from './completion/tab-completer.js';
import type { CompletionContext } from './completion/completion-types.js';
import type { ScreenRuntime } from './screen-runtime.js';
import { uiStrings, type UiStrings } from './strings.js';

/** How long the last replayed line may run (virtual ms) when the journal ends with it: as `kubelab run`. */
export const RESUME_LAST_LINE_MS = 120_000;

/** Speed factors Ctrl-O cycles through. */
export const SPEEDS = [1, 2, 5, 10] as const;

/** What the lesson panel says after an event. */
export interface Feedback {
  kind: 'done' | 'skip' | 'info';
  lines: string[];
}

/** An immutable picture of the lesson for the views. */
export interface RuntimeSnapshot {
  lines: readonly OutputLine[];
  partial: string;
  running: boolean;
  prompt: string;
  step?: Step;
  /** 1-based position of the current step in the file. */
  stepNumber: number;
  stepCount: number;
  completed: readonly string[];
  skipped: readonly string[];
  /** Hints shown over the whole lesson. */
  hintsUsed: number;
  finished: boolean;
  hints: readonly string[];
  /** The language shown (Ctrl-N switches). */
  lang: Lang;
  /** The cluster's seed (the same seed gives the same pod names, IPs and traffic); none on a real cluster. */
  seed?: string;
  feedback?: Feedback;
  virtualMs: number;
  paused: boolean;
  speed: number;
  meter?: { sent: number; failed: number };
  exited: boolean;
}

/** Options of a lesson runtime. */
export interface RuntimeOptions {
  scenario: Scenario;
  /** The workspace folder (holds the student's files and session.jsonl). */
  workdir: string;
  lang: Lang;
  seed?: number;
  /** `real` (default): the clock follows the wall clock once `start()` runs; `manual`: tests call `advance`. */
  clock?: 'real' | 'manual';
  /** `$EDITOR` (default: from the environment). */
  editor?: string;
}

/** A lesson in progress behind the TUI, on the simulator. */
export class LessonRuntime implements ScreenRuntime {
  readonly lesson: LessonSession;
  readonly terminal: TerminalSession;
  readonly recorder: SessionRecorder;
  /** The language of the UI and the lesson texts; Ctrl-N switches it (`setLang`). */
  lang: Lang;
  text: UiStrings;
  /** The cluster and traffic panels' model (it listens to the student's service network). */
  readonly clusterView: ClusterViewModel;
  /** Runs a function with the terminal handed to a child process; the TUI replaces it. */
  suspend: <T>(fn: () => T) => T = (fn) => fn();
  private readonly driver: RealTimeDriver | undefined;
  private readonly output = new OutputBuffer();
  private readonly snapshots = new SnapshotStore<RuntimeSnapshot>(() => this.build());
  private abort: AbortController | undefined;
  /** Lines typed (or pasted) while a command runs: they run next, as a terminal's type-ahead. */
  private readonly typeAhead: string[] = [];
  private pumping: Promise<void> | undefined;
  private paused = false;
  private speed = 1;
  /** Hints shown for the current step, in both languages (shown in the current one). */
  private hints: { en: string; ko: string }[] = [];
  private feedback: Feedback | undefined;
  private exited = false;
  private shownSecond = -1;
  /** True while resume() replays the journal: stepped time, no recording, no editors. */
  private replaying = false;
  private readonly workspace: SwitchableFs;
  private readonly disk: DiskFs;
  /** The journal found in the workspace when the lesson opened (complete lines only). */
  private readonly journal: SessionRecord[];

  constructor(private readonly opts: RuntimeOptions) {
    const { scenario, lang } = opts;
    this.lang = lang;
    this.text = uiStrings(lang);
    this.disk = new DiskFs(opts.workdir);
    this.journal = readJournal(opts.workdir);
    const fs = (this.workspace = new SwitchableFs(this.disk));
    this.lesson = new LessonSession(scenario, { fs, seed: opts.seed });
    const cluster = this.lesson.cluster;
    this.clusterView = new ClusterViewModel(cluster);
    this.driver = opts.clock === 'manual' ? undefined : new RealTimeDriver((ms) => this.advance(ms));
    const liveEditors = editorCommands({
      root: opts.workdir,
      editor: 'editor' in opts ? opts.editor : process.env.EDITOR,
      suspend: (fn) => this.suspend(fn),
      noEditor: (name) => this.text.noEditor(name),
    });
    // A replayed `vi file` opens nothing: the file on disk already holds what was saved.
    const editors = Object.fromEntries(Object.entries(liveEditors).map(([name, fn]) => [name, (ctx: Parameters<typeof fn>[0]) => (this.replaying ? 0 : fn(ctx))]));
    const live = realTime(cluster, this.driver ?? { tick: () => undefined });
    const stepped = steppedTime(cluster);
    const time: ShellTime = {
      now: () => (this.replaying ? stepped : live).now(),
      sleep: (ms, signal) => (this.replaying ? stepped : live).sleep(ms, signal),
    };
    this.terminal = new TerminalSession({
      cluster,
      fs,
      time,
      limits: { lineBudgetMs: undefined },
      commands: workstationCommandSet({ editors }),
      stdout: (t) => this.write(t),
      stderr: (t) => this.write(t),
    });
    this.recorder = new SessionRecorder(opts.workdir);
    this.output.write(introText(scenario, lang));
  }

  /**
   * Resumes a lesson from the journal the workspace already holds (a restart after a crash or
   * a closed terminal): every recorded line runs again, in order, from the same seed, on a
   * memory copy of the folder, with time stepped to each line's recorded reading (a command
   * still running when the next line was typed is interrupted then, as Ctrl-C did); hints and
   * skips are asked again. Then the workspace is the folder again and recording goes on.
   * Returns the number of entries replayed. Call before `start()`.
   */
  async resume(): Promise<number> {
    const entries = this.journal;
    if (entries.length === 0) return 0;
    let copy: WorkspaceFs;
    try {
      copy = memoryCopyOf(this.opts.workdir, this.opts.scenario.files ?? {});
    } catch {
      this.output.write(this.text.resumeFailed(this.recorder.file));
      return 0;
    }
    this.workspace.use(copy);
    this.replaying = true;
    try {
      for (let i = 0; i < entries.length && !this.exited; i++) {
        const entry = entries[i];
        const pending = this.terminal.pending();
        if (!pending || entry.line === undefined) this.moveClockTo(entry.at);
        if (entry.event === 'hint') this.hint();
        else if (entry.event === 'skip') this.skip();
        else if (entry.line !== undefined) {
          // `exit` at the workstation left the lesson last time; this time the lesson goes on.
          if (!pending && this.terminal.depth() === 0 && entry.line.trim() === 'exit') continue;
          const next = entries.slice(i + 1).find((e) => Number.isFinite(e.at))?.at;
          await this.submit(entry.line, next ?? this.lesson.cluster.clock.now() + RESUME_LAST_LINE_MS);
        }
      }
    } finally {
      this.replaying = false;
      this.workspace.use(this.disk);
    }
    this.output.write(this.text.resumed(entries.length, this.recorder.file));
    this.changed();
    if (this.typeAhead.length > 0) this.pumping ??= this.pump().finally(() => (this.pumping = undefined));
    return entries.length;
  }

  private moveClockTo(at: number): void {
    const now = this.lesson.cluster.clock.now();
    if (Number.isFinite(at) && at > now) this.advance(at - now);
  }

  /** The lesson's scenario. */
  get scenario(): Scenario {
    return this.lesson.scenario;
  }

  /** The simulator always has the live view: nothing to say instead. */
  panelsUnavailable(): string[] {
    return [];
  }

  /** Commands and files of the shell reading the line, objects of the simulated store. */
  completionContext(): CompletionContext | undefined {
    return runtimeCompletionContext(this);
  }

  /** Starts the real-time clock (nothing for a manual clock). */
  start(): void {
    this.driver?.start();
  }

  /** Stops the clock, the lesson and the session file. */
  stop(): void {
    this.driver?.stop();
    this.abort?.abort();
    this.lesson.stop();
    this.clusterView.stop();
    this.recorder.close();
  }

  /** Moves virtual time by `ms` (the driver calls this; tests too). */
  advance(ms: number): void {
    this.lesson.cluster.advance(ms);
    const second = Math.floor(this.lesson.cluster.clock.now() / 1000);
    if (second !== this.shownSecond) {
      this.shownSecond = second;
      this.changed();
    }
  }

  /** Asks the views to draw again (after a child process had the terminal). */
  refresh(): void {
    this.changed();
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => this.snapshots.subscribe(listener);

  /** The current snapshot (a new object after every change). */
  snapshot = (): RuntimeSnapshot => this.snapshots.snapshot();

  /**
   * Enter: the line runs now, or after the running command (type-ahead). Resolves once every
   * queued line has run.
   */
  enter(line: string): Promise<void> {
    this.typeAhead.push(line);
    // Lines typed while the journal replays wait for it (resume() runs them after).
    if (this.replaying) return Promise.resolve();
    this.pumping ??= this.pump().finally(() => (this.pumping = undefined));
    return this.pumping;
  }

  /** True while a command runs or lines wait to run. */
  busy(): boolean {
    return this.abort !== undefined || this.typeAhead.length > 0;
  }

  private async pump(): Promise<void> {
    for (let line = this.typeAhead.shift(); line !== undefined; line = this.typeAhead.shift()) await this.submit(line);
  }

  /** Runs one line now (nothing while another runs or after leaving). */
  private async submit(line: string, deadlineAt?: number): Promise<void> {
    if (this.abort || this.exited) return;
    const pending = this.terminal.pending();
    this.output.echo(pending ? CONTINUATION_PROMPT : this.terminal.prompt(), line);
    if (!this.replaying && (pending || line.trim() !== '')) this.recorder.record(line, this.now());
    const abort = (this.abort = new AbortController());
    // In a replay a command ended (by itself or by Ctrl-C) before the next line was typed.
    const deadline = this.replaying && deadlineAt !== undefined ? this.lesson.cluster.clock.setTimeout(() => abort.abort(), Math.max(0, deadlineAt - this.lesson.cluster.clock.now()), 'resume-deadline') : undefined;
    this.changed();
    try {
      const result = await this.terminal.feed(line, abort.signal);
      await this.terminal.ready();
      if (result.kind === 'ran') this.afterCommand(result.command);
    } finally {
      if (deadline !== undefined) this.lesson.cluster.clock.clearTimeout(deadline);
      this.output.flush();
      this.abort = undefined;
      if (this.terminal.exited) this.exited = true;
      this.changed();
    }
  }

  /** Ctrl-C: interrupts the running command (its output stays) and drops type-ahead. True when one was running. */
  interrupt(): boolean {
    if (!this.abort) return false;
    this.typeAhead.length = 0;
    this.abort.abort();
    return true;
  }

  /** Ctrl-C at the prompt: the typed line is dropped, shown with `^C` as a terminal does. */
  cancelLine(line: string): void {
    this.output.echo(this.terminal.pending() ? CONTINUATION_PROMPT : this.terminal.prompt(), `${line}^C`);
    this.changed();
  }

  /** Tab Tab: the prompt and the line go to the scrollback with the candidates below, as bash lists completions. */
  showCompletions(line: string, rows: readonly string[]): void {
    this.output.echo(this.terminal.pending() ? CONTINUATION_PROMPT : this.terminal.prompt(), line);
    for (const row of rows) this.output.write(`${row}\n`);
    this.changed();
  }

  /** Ctrl-D on an empty line: a container shell exits; the workstation leaves the lesson. */
  async endOfInput(): Promise<void> {
    if (this.busy()) return;
    if (this.terminal.depth() > 0) return this.enter('exit');
    this.exited = true;
    this.changed();
  }

  /**
   * Switches the language of the UI, the steps, the instructions and the hints shown from now
   * on; what the terminal already printed stays as it was (as it would in a real terminal).
   */
  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.text = uiStrings(lang);
    this.changed();
  }

  /** Shows the next hint of the current step. */
  hint(): void {
    const hint = this.lesson.hint();
    if (hint) this.hints = [...this.hints, hint];
    if (!this.replaying) this.recorder.recordEvent('hint', this.now());
    this.feedback = hint ? undefined : { kind: 'info', lines: [this.text.noMoreHints] };
    this.changed();
  }

  /** Skips the current step. */
  skip(): void {
    const step = this.lesson.currentStep();
    if (!step) return;
    if (!this.replaying) this.recorder.recordEvent('skip', this.now());
    this.lesson.skip();
    this.stepChanged({ kind: 'skip', lines: [this.text.skipped(step.title[this.lang])] });
  }

  /** Pauses or resumes virtual time. */
  togglePause(): void {
    this.paused = !this.paused;
    this.driver?.setPaused(this.paused);
    this.changed();
  }

  /** The next speed factor (1, 2, 5, 10, then 1 again). */
  cycleSpeed(): void {
    const i = SPEEDS.indexOf(this.speed as (typeof SPEEDS)[number]);
    this.speed = SPEEDS[(i + 1) % SPEEDS.length];
    this.driver?.setSpeed(this.speed);
    this.changed();
  }

  private now(): number {
    this.driver?.tick();
    return this.lesson.cluster.clock.now();
  }

  private write(text: string): void {
    this.output.write(text);
    this.changed();
  }

  private afterCommand(command: string): void {
    const before = this.lesson.currentStep();
    const after = this.lesson.commandRan(command);
    if (!before || after === before.id) return;
    this.stepChanged({ kind: 'done', lines: stepDoneLines(this.text, this.lang, before, this.lesson.currentStep()) });
  }

  private stepChanged(feedback: Feedback): void {
    this.hints = [];
    this.feedback = feedback;
    this.changed();
  }

  /** Coalesces a burst of changes (a command printing many chunks) into one notification. */
  private changed(): void {
    this.snapshots.changed();
  }

  private build(): RuntimeSnapshot {
    const lesson = this.lesson;
    const meter = lesson.meter;
    return {
      lines: this.output.lines(),
      partial: this.output.partial(),
      running: this.busy(),
      prompt: this.terminal.pending() ? CONTINUATION_PROMPT : this.terminal.prompt(),
      ...stepFields(lesson, this.hints, this.lang),
      finished: lesson.step === END,
      lang: this.lang,
      seed: String(lesson.cluster.seed),
      feedback: this.feedback,
      virtualMs: lesson.cluster.clock.now(),
      paused: this.paused,
      speed: this.speed,
      meter: meter ? { sent: meter.sent(), failed: meter.failures().length } : undefined,
      exited: this.exited,
    };
  }
}

/** The complete entries of `<workdir>/session.jsonl` (none when it is missing or unreadable). */
function readJournal(workdir: string): SessionRecord[] {
  try {
    return readSessionFile(`${workdir}/${SESSION_FILE}`);
  } catch {
    return [];
  }
}
