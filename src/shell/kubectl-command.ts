/**
 * The `kubectl` command of the workstation shell: kubelab's kubectl over the shell's streams,
 * with the pipe's input for `-f -`, Ctrl-C as the abort signal, the session to attach to
 * (`run -it`, `exec -it`), and watches bounded by the line's remaining time budget.
 */
import { DEFAULT_WATCH_BUDGET_MS } from '../kubectl/context.js';
import { runKubectl } from '../kubectl/kubectl.js';
import type { CommandFn } from './types.js';

/** Runs `kubectl <args>`. */
export const kubectlCommand: CommandFn = (ctx) => {
  const budget = ctx.limits.lineBudgetMs;
  // A watch stops by itself after DEFAULT_WATCH_BUDGET_MS; the line's budget may cut it shorter
  // (then the line reports ^C when the command returns).
  const watchBudgetMs = budget === undefined ? DEFAULT_WATCH_BUDGET_MS : Math.min(DEFAULT_WATCH_BUDGET_MS, budget);
  return runKubectl(ctx.args, {
    cluster: ctx.cluster,
    fs: ctx.fs,
    stdin: ctx.stdin,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    signal: ctx.signal,
    watchBudgetMs,
    session: ctx.session,
    // Waiting verbs sleep on the shell's clock: stepped in run/grade, real time in the TUI.
    time: ctx.time,
  });
};
