/**
 * `kubelab grade merge [--format text|json|junit] [--lang en|ko] REPORT.json...`: the JSON
 * reports of the shards of one batch (`kubelab grade --shard I/N --format json`) merged into the
 * report of the whole batch (src/lesson/grade/merge-reports.ts). Exit status 0 when every
 * submission passed, 1 when some did not, 2 when the reports cannot be read or merged.
 */
import { readFileSync } from 'node:fs';
import { formatJson, formatJunit, formatText } from '../lesson/grade/format-report.js';
import { mergeShardReports, type ShardReportInput } from '../lesson/grade/merge-reports.js';
import type { Lang } from '../lesson/scenario-types.js';
import type { CliIo } from './scenarios-command.js';
import { CliUsageError, parseCli } from './usage.js';

/** Runs `kubelab grade merge`; returns the exit status. */
export function gradeMergeCommand(argv: string[], io: CliIo): number {
  const parsed = parseCli(argv, { format: { type: 'string', default: 'text' }, lang: { type: 'string', default: 'en' } });
  const { values, positionals } = parsed;
  const format = values.format!;
  if (!['text', 'json', 'junit'].includes(format)) throw new CliUsageError(`--format must be text, json or junit, got "${format}"`);
  const lang = values.lang as Lang;
  if (lang !== 'en' && lang !== 'ko') throw new CliUsageError(`--lang must be en or ko, got "${values.lang}"`);
  if (positionals.length === 0) throw new CliUsageError('grade merge needs the JSON reports of the shards (kubelab grade --shard I/N --format json)');
  const inputs: ShardReportInput[] = [];
  let unreadable = false;
  for (const file of positionals) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      io.stderr(`kubelab grade merge: ${file}: cannot be read\n`);
      unreadable = true;
      continue;
    }
    try {
      inputs.push({ file, report: JSON.parse(text) });
    } catch (e) {
      io.stderr(`kubelab grade merge: ${file}: not JSON (${(e as Error).message})\n`);
      unreadable = true;
    }
  }
  if (unreadable) return 2;
  const merged = mergeShardReports(inputs);
  if (!merged.ok) {
    for (const p of merged.problems) io.stderr(`kubelab grade merge: ${p}\n`);
    return 2;
  }
  const report = merged.report;
  io.stdout(format === 'json' ? formatJson(report) : format === 'junit' ? formatJunit(report, lang) : formatText(report, lang));
  return report.passed ? 0 : 1;
}
