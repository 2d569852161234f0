/**
 * `kubelab run --context NAME [--kubeconfig FILE] --lesson ID|FILE [--workdir DIR]
 * [--keep-namespace] SCRIPT|-`: a lesson on a real cluster, headless (src/realcluster/real-lesson.ts).
 * Each line of the script runs with the real shell and kubectl in the lesson's namespace and is
 * printed first as `$ line`; its output follows; when a step completes, a line says so on stderr.
 * At the end the lesson's namespace is deleted (unless --keep-namespace), after Ctrl-C too. Exit
 * status 0 when the lesson was completed, 1 when not, 2 for a usage mistake or a cluster that
 * cannot be used, 130 when interrupted.
 * Loaded only when `--context` is given.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveScenario } from '../lesson/scenario-loader.js';
import { formatProblem } from '../lesson/scenario-problems.js';
import { RealClusterError } from '../realcluster/kube-api.js';
import { RealLesson } from '../realcluster/real-lesson.js';
import { scriptLines } from '../session/run-session.js';
import { PROCESS_IO, type CliIo } from './scenarios-command.js';
import { CliUsageError, parseCli } from './usage.js';

/** Runs `kubelab run --context ...`; returns the exit status. */
export async function runContextCommand(argv: string[], io: CliIo = PROCESS_IO, stdin: () => string = () => readFileSync(0, 'utf8')): Promise<number> {
  const parsed = parseCli(argv, {
        context: { type: 'string' },
        kubeconfig: { type: 'string' },
        lesson: { type: 'string' },
        workdir: { type: 'string' },
        'keep-namespace': { type: 'boolean' },
      });
  const { values, positionals } = parsed;
  if (!values.context) throw new CliUsageError('run --context needs a context name');
  if (!values.lesson) throw new CliUsageError('run --context needs --lesson ID|FILE: the checks to evaluate on the cluster');
  if (positionals.length !== 1) throw new CliUsageError('run takes exactly one script path, or - for standard input');
  const { file, result } = resolveScenario(values.lesson);
  if (!result.scenario) {
    for (const p of result.problems) io.stderr(`${formatProblem(file, p)}\n`);
    return 2;
  }
  let text: string;
  try {
    text = positionals[0] === '-' ? stdin() : readFileSync(positionals[0], 'utf8');
  } catch {
    throw new CliUsageError(`${positionals[0]}: cannot be read`);
  }
  const workdir = values.workdir ?? mkdtempSync(join(tmpdir(), `kubelab-${result.scenario.id}-`));
  let lesson: RealLesson;
  try {
    lesson = await RealLesson.start(result.scenario, { context: values.context, kubeconfig: values.kubeconfig, workdir });
  } catch (e) {
    if (!(e instanceof RealClusterError)) throw e;
    io.stderr(`kubelab run: ${e.message}\n`);
    return 2;
  }
  // Ctrl-C stops the current command (it is in our process group) and the script; the
  // namespace is still deleted on the way out.
  let interrupted = false;
  const onInterrupt = (): void => {
    interrupted = true;
  };
  process.on('SIGINT', onInterrupt);
  try {
    io.stderr(`kubelab: lesson "${result.scenario.id}" in namespace ${lesson.namespace} of context ${values.context}; files in ${workdir}\n`);
    for (const s of lesson.skippedChecks()) io.stderr(`kubelab: not checked on a real cluster in step "${s.step}": ${s.kinds.join(', ')}\n`);
    for (const line of scriptLines(text)) {
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      if (lesson.finished || interrupted) break;
      const before = lesson.progress().completed.length;
      io.stdout(`$ ${line}\n`);
      const out = await lesson.submit(line);
      io.stdout(out.stdout);
      io.stderr(out.stderr);
      for (const id of lesson.progress().completed.slice(before)) io.stderr(`kubelab: step "${id}" done\n`);
    }
    if (interrupted) {
      io.stderr('kubelab: interrupted\n');
      return 130;
    }
    if (lesson.finished) {
      io.stderr('kubelab: lesson complete\n');
      return 0;
    }
    io.stderr(`kubelab: the lesson stopped at step "${lesson.step}": ${lesson.evaluateStep().reason.en}\n`);
    return 1;
  } catch (e) {
    if (!(e instanceof RealClusterError)) throw e;
    io.stderr(`kubelab run: ${e.message}\n`);
    return 2;
  } finally {
    process.off('SIGINT', onInterrupt);
    if (!values['keep-namespace']) await lesson.finish().catch((e: Error) => io.stderr(`kubelab run: ${e.message}\n`));
  }
}
