/**
 * `kubelab grade merge`: the JSON reports of the N shards of one batch (`--shard I/N`) put back
 * together into the report the unsharded run gives, byte for byte: each submission returns to
 * its position in the batch as given (each shard's `shard.positions`), and the summary is
 * counted again. Reports that do not belong together are refused with a sentence each: another
 * scenario, seed or format, a shard missing or given twice, a report that is not a shard's.
 */
import { batchReport, REPORT_FORMAT_VERSION, type GradeReport, type SubmissionReport } from './report-types.js';
import type { ShardInfo } from './shard.js';

/** One report to merge, with the file it came from (for messages). */
export interface ShardReportInput {
  file: string;
  report: unknown;
}

/** The merged report, or every reason the reports cannot be merged. */
export type MergeOutcome = { ok: true; report: GradeReport } | { ok: false; problems: string[] };

/** Merges the shards' reports; they may be given in any order. */
export function mergeShardReports(inputs: readonly ShardReportInput[]): MergeOutcome {
  const problems: string[] = [];
  const shards: { file: string; report: GradeReport & { shard: ShardInfo } }[] = [];
  for (const { file, report } of inputs) {
    const why = notAShardReport(report);
    if (why) problems.push(`${file}: ${why}`);
    else shards.push({ file, report: report as GradeReport & { shard: ShardInfo } });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (shards.length === 0) return { ok: false, problems: ['no reports to merge'] };
  const first = shards[0];
  const { count, total } = first.report.shard;
  for (const { file, report } of shards.slice(1)) {
    if (report.scenario.id !== first.report.scenario.id) problems.push(`${file}: scenario "${report.scenario.id}", but ${first.file} has "${first.report.scenario.id}"`);
    else if (JSON.stringify(report.scenario) !== JSON.stringify(first.report.scenario)) problems.push(`${file}: scenario "${report.scenario.id}" has another title than in ${first.file} (another version of the scenario?)`);
    if (report.seed !== first.report.seed) problems.push(`${file}: seed ${report.seed}, but ${first.file} has seed ${first.report.seed}`);
    if (report.shard.count !== count) problems.push(`${file}: shard of ${report.shard.count}, but ${first.file} is a shard of ${count}`);
    if (report.shard.total !== total) problems.push(`${file}: a batch of ${report.shard.total} submissions, but ${first.file} says ${total}`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const byIndex = new Map<number, string>();
  for (const { file, report } of shards) {
    const seen = byIndex.get(report.shard.index);
    if (seen !== undefined) problems.push(`${file}: shard ${report.shard.index}/${count} was given already (${seen})`);
    byIndex.set(report.shard.index, file);
  }
  const missing = [...Array(count).keys()].filter((i) => !byIndex.has(i));
  if (missing.length > 0) problems.push(`shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);
  if (problems.length > 0) return { ok: false, problems };
  const ordered: (SubmissionReport | undefined)[] = new Array(total).fill(undefined);
  for (const { file, report } of shards) {
    report.shard.positions.forEach((position, i) => {
      if (ordered[position] !== undefined) problems.push(`${file}: submission position ${position} is also in another shard`);
      ordered[position] = report.submissions[i];
    });
  }
  const holes = ordered.flatMap((s, i) => (s === undefined ? [i] : []));
  if (holes.length > 0) problems.push(`no shard has the submission(s) at position(s) ${holes.slice(0, 5).join(', ')}${holes.length > 5 ? '...' : ''}`);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, report: batchReport(first.report.scenario, first.report.seed, ordered as SubmissionReport[]) };
}

/** Why a parsed JSON value is not one shard's report, or undefined when it is. */
function notAShardReport(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a kubelab grade report (not a JSON object)';
  const r = value as Partial<GradeReport>;
  if (r.format !== REPORT_FORMAT_VERSION) return `report format ${JSON.stringify(r.format)}; this kubelab reads format ${REPORT_FORMAT_VERSION}`;
  if (typeof r.scenario?.id !== 'string' || typeof r.seed !== 'string' || !Array.isArray(r.submissions)) return 'not a kubelab grade report (scenario, seed or submissions missing)';
  const s = r.shard;
  if (s === undefined) return 'not the report of a shard (made without --shard I/N)';
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!whole(s.index) || !whole(s.count) || !whole(s.total) || !Array.isArray(s.positions) || s.index >= s.count) return 'its "shard" field is damaged';
  if (s.positions.length !== r.submissions.length || !s.positions.every((p) => whole(p) && p < s.total)) return 'its "shard.positions" do not match its submissions';
  return undefined;
}
