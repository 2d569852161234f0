/**
 * `kubelab grade --shard I/N`: which submissions one of N graders takes. The rule is stable and
 * independent of the order the submissions are given in: sort the submission names (as given on
 * the command line) by UTF-16 code units, number them 0, 1, 2... in that order, and shard I takes
 * the names whose number is I modulo N. So 10 submissions in 3 shards go 4, 3, 3, each shard a
 * spread of the alphabet. I counts from 0, as a Kubernetes Indexed Job's JOB_COMPLETION_INDEX
 * does, so `--shard $JOB_COMPLETION_INDEX/N` works as it is.
 *
 * A shard's report records where its submissions stand in the whole batch (`shard.positions`),
 * so `kubelab grade merge` can put the batch back in the order it was given (merge-reports.ts).
 */
/** One shard of a batch: index from 0, and how many shards there are. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** What a shard's JSON report says about the shard (absent from unsharded reports). */
export interface ShardInfo extends ShardSpec {
  /** How many submissions the whole batch has. */
  total: number;
  /** For each submission of this report, its position in the whole batch as given. */
  positions: number[];
}

/** The most shards a batch may be cut into. */
export const MAX_SHARDS = 10_000;

/** Parses `I/N` (0 ≤ I < N ≤ 10,000); otherwise a sentence saying what is wrong. */
export function parseShard(text: string): ShardSpec | { problem: string } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return { problem: `--shard must be I/N (shard I of N, counting from 0), got "${text}"` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) return { problem: `--shard: N must be between 1 and ${MAX_SHARDS}, got ${count}` };
  if (index >= count) return { problem: `--shard: I counts from 0 and must be less than N (${count}), got ${index}` };
  return { index, count };
}

/** Positions (in `names`' own order) of the submissions shard `spec` grades. */
export function shardPositions(names: readonly string[], spec: ShardSpec): number[] {
  const order = names.map((name, position) => ({ name, position })).sort((a, b) => compareCodeUnits(a.name, b.name) || a.position - b.position);
  const mine = order.filter((_, rank) => rank % spec.count === spec.index).map((e) => e.position);
  return mine.sort((a, b) => a - b);
}

/** Orders strings by UTF-16 code units, the same on every machine and locale. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
