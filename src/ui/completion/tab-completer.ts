/**
 * The Tab key of the lesson prompt, with readline's rule for listing: a Tab completes (the
 * single candidate, or the longest common prefix); a Tab right after a Tab that changed
 * nothing prints the candidates in columns below the prompt, then the prompt again with the
 * line intact (`rl_complete`: `rl_last_func == rl_complete && !completion_changed_buffer`).
 * So an ambiguous word that cannot grow lists on the second Tab; one that grew lists on the third.
 */
import type { LessonRuntime } from '../lesson-runtime.js';
import type { LineEditor } from '../line-editor.js';
import { candidateRows } from './candidate-columns.js';
import { applyCompletion, completeLine } from './complete-line.js';
import type { CompletionContext } from './completion-types.js';

/** kubectl's namespace when `-n` is not given (kubelab has no kubeconfig context namespace). */
const DEFAULT_NAMESPACE = 'default';

/** What completion reads at the runtime's prompt; undefined while a pod's shell is still starting. */
export function runtimeCompletionContext(runtime: LessonRuntime): CompletionContext | undefined {
  const shell = runtime.terminal.activeShell();
  if (!shell) return undefined;
  return { commandNames: shell.opts.commands.names(), fs: shell.opts.fs, store: runtime.lesson.cluster.store, namespace: DEFAULT_NAMESPACE };
}

/** The state of a run of Tab presses on one line. */
export class TabCompleter {
  /** The line as the previous key (a Tab that changed nothing) left it. */
  private idle: { text: string; cursor: number } | undefined;

  /**
   * One Tab on the editor's line. Returns the rows to list below the prompt on a second Tab in
   * a row that has several candidates, undefined otherwise (the editor was completed in place).
   */
  press(editor: LineEditor, ctx: CompletionContext, columns: number): string[] | undefined {
    const completion = completeLine(editor.text, editor.cursor, ctx);
    const again = this.idle !== undefined && this.idle.text === editor.text && this.idle.cursor === editor.cursor;
    if (again && completion.candidates.length > 1) return candidateRows(completion.candidates, columns);
    const done = applyCompletion(editor.text, editor.cursor, completion);
    if (done.changed) editor.replace(done.text, done.cursor);
    this.idle = done.changed ? undefined : { text: editor.text, cursor: editor.cursor };
    return undefined;
  }

  /** Any other key ends the run of Tabs. */
  reset(): void {
    this.idle = undefined;
  }
}
