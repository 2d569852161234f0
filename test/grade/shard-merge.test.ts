/**
 * `kubelab grade --shard I/N` and `kubelab grade merge`: for several N the shards' JSON reports
 * merge into the unsharded report, byte for byte (JSON, text and JUnit), whatever order the
 * shards are given in; the share rule is stable under reordering; broken sets of shards are
 * refused with a reason. The workers run the built grader (dist/), built here if missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { mergeShardReports } from '../../src/lesson/grade/merge-reports.js';
import { parseShard, shardPositions } from '../../src/lesson/grade/shard.js';
import { builtin, grade, referenceScript, solutionOf, tempDir, writeTree } from './helpers.js';
import { schemaProblems } from './schema-check.js';

const SCHEMA = JSON.parse(readFileSync('docs/schemas/grade-report.schema.json', 'utf8'));


describe('sharded grading merges into the unsharded report', () => {
  const dir = tempDir('kubelab-shard-');
  let paths: string[];
  let whole: { json: string; text: string; junit: string };
  const base = ['--scenario', 'hello-pods', '--jobs', '2'];

  beforeAll(async () => {
    if (!existsSync('dist/lesson/grade/grade-worker.js')) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'ignore' });
    const sc = builtin('hello-pods');
    const good = await referenceScript(sc);
    writeTree(dir, {
      'zed.sh': good,
      'anna.sh': solutionOf(sc, ['apply']),
      'Bob.sh': '',
      'carl/commands.sh': 'kubectl get pods\n',
      'dora.jsonl': '{"line": 42}\n',
      'émile.sh': good,
      'fay.sh': 'kubectl create deployment hello --image=nginx:1.17\n',
    });
    // Not sorted, a missing one among them: the order given is what the report keeps.
    paths = ['zed.sh', 'anna.sh', 'missing.sh', 'Bob.sh', 'carl', 'dora.jsonl', 'émile.sh', 'fay.sh'].map((n) => join(dir, n));
    const [json, text, junit] = await Promise.all(['json', 'text', 'junit'].map((f) => grade([...base, '--format', f, ...paths])));
    whole = { json: json.out, text: text.out, junit: junit.out };
    expect(JSON.parse(whole.json).summary).toEqual({ submissions: 8, passed: 2, failed: 4, errors: 2 });
  }, 240_000);

  test.each([1, 2, 3, 8, 11])('N = %i: the shards cover every submission once and merge to the same bytes', async (n) => {
    const files: string[] = [];
    const seen: string[] = [];
    for (let i = 0; i < n; i++) {
      const shard = await grade([...base, '--format', 'json', '--shard', `${i}/${n}`, ...paths]);
      const report = JSON.parse(shard.out);
      expect(schemaProblems(report, SCHEMA)).toEqual([]);
      expect(report.shard).toMatchObject({ index: i, count: n, total: 8 });
      // A shard's exit status speaks only of its own submissions; an empty share is no failure.
      expect(shard.code).toBe(report.submissions.every((s: { status: string }) => s.status === 'passed') ? 0 : 1);
      seen.push(...report.submissions.map((s: { name: string }) => s.name));
      const file = join(dir, `shard-${n}-${i}.json`);
      writeFileSync(file, shard.out);
      files.push(file);
    }
    expect([...seen].sort()).toEqual([...paths].sort());
    const reversed = [...files].reverse();
    for (const format of ['json', 'text', 'junit'] as const) {
      const merged = await grade(['merge', '--format', format, ...reversed]);
      expect(merged.err).toBe('');
      expect(merged.out).toBe(whole[format]);
      expect(merged.code).toBe(1);
    }
  }, 240_000);
});

describe('the share rule', () => {
  test('sorted names dealt round-robin, independent of the order given', () => {
    const names = ['d', 'a', 'c', 'b', 'e'];
    // Sorted: a b c d e → shard 0 takes a, c, e; shard 1 takes b, d; positions in the order given.
    expect(shardPositions(names, { index: 0, count: 2 }).map((p) => names[p])).toEqual(['a', 'c', 'e']);
    expect(shardPositions(names, { index: 1, count: 2 }).map((p) => names[p])).toEqual(['d', 'b']);
    const shuffled = ['b', 'e', 'a', 'd', 'c'];
    expect(shardPositions(shuffled, { index: 0, count: 2 }).map((p) => shuffled[p]).sort()).toEqual(['a', 'c', 'e']);
  });

  test('--shard is I/N with 0 ≤ I < N', () => {
    expect(parseShard('0/1')).toEqual({ index: 0, count: 1 });
    expect(parseShard('4/5')).toEqual({ index: 4, count: 5 });
    expect(parseShard('5/5')).toHaveProperty('problem');
    expect(parseShard('1/0')).toHaveProperty('problem');
    expect(parseShard('1of3')).toHaveProperty('problem');
  });
});

describe('merge refuses reports that do not belong together', () => {
  const scenario = { id: 'hello-pods', title: { en: 'Hello', ko: '안녕' } };
  const shard = (index: number, count: number, positions: number[], extra: object = {}) => ({
    format: 1, scenario, seed: '1', passed: true, summary: { submissions: 0, passed: 0, failed: 0, errors: 0 },
    submissions: positions.map((p) => ({ name: `s${p}` })), shard: { index, count, total: 3, positions }, ...extra,
  });

  test.each([
    ['a shard missing', [shard(0, 2, [0, 2])], 'shard(s) 1/2 missing'],
    ['a shard twice', [shard(0, 2, [0, 2]), shard(0, 2, [0, 2]), shard(1, 2, [1])], 'b.json: shard 0/2 was given already (a.json)'],
    ['another seed', [shard(0, 2, [0, 2]), shard(1, 2, [1], { seed: '7' })], 'b.json: seed 7, but a.json has seed 1'],
    ['another scenario', [shard(0, 2, [0, 2]), shard(1, 2, [1], { scenario: { id: 'canary', title: scenario.title } })], 'b.json: scenario "canary", but a.json has "hello-pods"'],
    ['an unsharded report', [{ ...shard(0, 1, [0, 1, 2]), shard: undefined }], 'a.json: not the report of a shard (made without --shard I/N)'],
    ['a gap', [shard(0, 2, [0]), shard(1, 2, [1])], 'no shard has the submission(s) at position(s) 2'],
  ])('%s', (_, reports, problem) => {
    const inputs = reports.map((report, i) => ({ file: `${'abc'[i]}.json`, report: JSON.parse(JSON.stringify(report)) }));
    const out = mergeShardReports(inputs);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems).toContain(problem);
  });

  test('kubelab grade merge: exit 2 and a message for a file that is not JSON', async () => {
    const file = join(tempDir('kubelab-merge-'), 'x.json');
    writeFileSync(file, 'nope');
    const r = await grade(['merge', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/x\.json: not JSON/);
  });
});
