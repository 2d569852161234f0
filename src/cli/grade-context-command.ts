/**
 * `kubelab grade --context NAME [--kubeconfig FILE] [--namespace NS] [--step ID]
 * [--format text|json|junit] [--lang en|ko] SCENARIO`: grades a live cluster's state against a
 * step of the scenario (src/realcluster/grade-live.ts). Loaded only when `--context` is given, so
 * other commands never load the Kubernetes client. Exit status 0 when the step's checks hold, 1
 * when they do not, 2 for a usage mistake, a scenario that does not load or a cluster that
 * cannot be read.
 */
import { formatJson, formatJunit, formatText } from '../lesson/grade/format-report.js';
import { batchReport } from '../lesson/grade/report-types.js';
import { resolveScenario } from '../lesson/scenario-loader.js';
import { formatProblem } from '../lesson/scenario-problems.js';
import type { Lang } from '../lesson/scenario-types.js';
import { RealClusterError } from '../realcluster/kube-api.js';
import { gradeLiveCluster } from '../realcluster/grade-live.js';
import type { CliIo } from './scenarios-command.js';
import { CliUsageError, parseCli } from './usage.js';

/** The seed field of a live cluster's report: there is none. */
export const LIVE_SEED = 'live';

/** Runs `kubelab grade --context ...`; returns the exit status. */
export async function gradeContextCommand(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCli(argv, {
        context: { type: 'string' },
        kubeconfig: { type: 'string' },
        namespace: { type: 'string' },
        step: { type: 'string' },
        scenario: { type: 'string' },
        format: { type: 'string', default: 'text' },
        lang: { type: 'string', default: 'en' },
      });
  const { values, positionals } = parsed;
  const context = values.context;
  if (context === undefined || context === '') throw new CliUsageError('grade --context needs a context name');
  const scenarioArg = values.scenario ?? positionals[0];
  if (scenarioArg === undefined) throw new CliUsageError('grade --context needs a scenario (an id or a file)');
  if (positionals.length > (values.scenario === undefined ? 1 : 0)) throw new CliUsageError('grade --context grades the cluster, not submissions: give only the scenario');
  const format = values.format!;
  if (!['text', 'json', 'junit'].includes(format)) throw new CliUsageError(`--format must be text, json or junit, got "${format}"`);
  const lang = values.lang as Lang;
  if (lang !== 'en' && lang !== 'ko') throw new CliUsageError(`--lang must be en or ko, got "${values.lang}"`);
  const { file, result } = resolveScenario(scenarioArg);
  if (!result.scenario) {
    for (const p of result.problems) io.stderr(`${formatProblem(file, p)}\n`);
    return 2;
  }
  const scenario = result.scenario;
  let outcome;
  try {
    outcome = await gradeLiveCluster(scenario, { context, kubeconfig: values.kubeconfig, namespace: values.namespace, step: values.step });
  } catch (e) {
    if (!(e instanceof RealClusterError)) throw e;
    io.stderr(`kubelab grade: ${e.message}\n`);
    return 2;
  }
  if (!outcome.ok) {
    io.stderr(`kubelab grade: ${outcome.problem}\n`);
    return 2;
  }
  const report = batchReport(scenario, LIVE_SEED, [outcome.report]);
  io.stdout(format === 'json' ? formatJson(report) : format === 'junit' ? formatJunit(report, lang) : formatText(report, lang));
  return report.passed ? 0 : 1;
}
