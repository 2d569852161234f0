/**
 * What the lesson screen and its keys need from a lesson in progress, wherever it runs: the
 * simulator's LessonRuntime (./lesson-runtime.ts) or a real cluster's RealLessonRuntime
 * (./real-lesson-runtime.ts). Views subscribe and read an immutable snapshot
 * (`useSyncExternalStore`); keys call the methods.
 */
import type { Lang, Scenario } from '../lesson/scenario-types.js';
import type { ClusterPicture } from './cluster-view/cluster-picture.js';
import type { ServiceTraffic } from './cluster-view/traffic-log.js';
import type { CompletionContext } from './completion/completion-types.js';
import type { RuntimeSnapshot } from './lesson-runtime.js';
import type { UiStrings } from './strings.js';

/** The live cluster view's and the traffic panel's model (ClusterViewModel on the simulator). */
export interface ClusterViewSource {
  /** The picture to draw now. */
  picture(): ClusterPicture;
  /** Recent answers per Service. */
  trafficSummary(): ServiceTraffic[];
}

/** A lesson in progress as the screen drives it. */
export interface ScreenRuntime {
  readonly scenario: Scenario;
  /** The language shown (Ctrl-N switches it through `setLang`). */
  readonly lang: Lang;
  /** The UI's strings in that language. */
  readonly text: UiStrings;
  /** Where the typed lines are recorded (session.jsonl in the workspace). */
  readonly recorder: { readonly file: string };
  /** The cluster and traffic panels' model; undefined where there is none, and then `panelsUnavailable` says why. */
  readonly clusterView: ClusterViewSource | undefined;
  /** What the cluster and traffic panels show when there is no view model (lines, current language). */
  panelsUnavailable(): string[];
  subscribe(listener: () => void): () => void;
  snapshot(): RuntimeSnapshot;
  /** Enter: the line runs now, or after the running command (type-ahead). */
  enter(line: string): Promise<void>;
  /** True while a command runs or lines wait to run. */
  busy(): boolean;
  /** Ctrl-C: interrupts the running command (its output stays); true when one was running. */
  interrupt(): boolean;
  /** Ctrl-C at the prompt: the typed line is dropped, shown with `^C`. */
  cancelLine(line: string): void;
  /** Tab Tab: the line goes to the scrollback with the candidates below. */
  showCompletions(line: string, rows: readonly string[]): void;
  /** Ctrl-D on an empty line. */
  endOfInput(): Promise<void>;
  setLang(lang: Lang): void;
  /** Ctrl-T. */
  hint(): void;
  /** Ctrl-X. */
  skip(): void;
  /** Ctrl-P. */
  togglePause(): void;
  /** Ctrl-O. */
  cycleSpeed(): void;
  /** What Tab completion reads at the prompt now; undefined: no completion. */
  completionContext(): CompletionContext | undefined;
}
