/**
 * `kubelab validate FILE...`: checks scenario files. Each problem is printed as
 * `file:line:column: message`; a file without problems prints `file: ok`. Unless
 * `--no-solutions` is given, the reference solutions of a valid file are played through the
 * shell and must pass their own checks. With `--real-cluster`, each valid file's checks that
 * cannot run on a real cluster (`--context`) follow, one a line (src/lesson/real-cluster-support.ts);
 * they are notes and do not change the exit status. Exit status 0 only when every file is ok.
 */
import { loadScenarioFile } from '../lesson/scenario-loader.js';
import { formatGap, realClusterGaps } from '../lesson/real-cluster-support.js';
import { formatProblem } from '../lesson/scenario-problems.js';
import { verifySolutions } from '../lesson/verify-solutions.js';
import { PROCESS_IO, type CliIo } from './scenarios-command.js';
import { CliUsageError, parseCli } from './usage.js';

/** Runs `kubelab validate`; returns the exit status. */
export async function validateCommand(argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  const parsed = parseCli(argv, { 'no-solutions': { type: 'boolean' }, 'real-cluster': { type: 'boolean' } });
  if (parsed.positionals.length === 0) throw new CliUsageError('validate needs a scenario file');
  let status = 0;
  for (const file of parsed.positionals) {
    const loaded = loadScenarioFile(file);
    let problems = loaded.problems;
    if (loaded.scenario && !parsed.values['no-solutions']) {
      problems = (await verifySolutions(loaded.scenario, loaded.solutionAt)).problems;
    }
    if (problems.length === 0) {
      io.stdout(`${file}: ok\n`);
      if (parsed.values['real-cluster'] && loaded.scenario) {
        const gaps = realClusterGaps(loaded.scenario);
        if (gaps.length === 0) io.stdout(`${file}: every check works on a real cluster\n`);
        for (const g of gaps) io.stdout(`${file}: ${formatGap(g).en}\n`);
      }
      continue;
    }
    status = 1;
    for (const p of problems) io.stdout(`${formatProblem(file, p)}\n`);
  }
  return status;
}
