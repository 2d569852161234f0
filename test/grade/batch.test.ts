/**
 * Grading batches on worker threads: a hostile batch next to a good submission, identical
 * reports on a second run, the JSON schema, JUnit XML that parses, the submission formats and
 * the CLI's exit status. The workers run the built grader (dist/), built once here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { gradeCommand } from '../../src/cli/grade-command.js';
import { formatJson, formatJunit, formatText } from '../../src/lesson/grade/format-report.js';
import { batchReport, type GradeReport } from '../../src/lesson/grade/report-types.js';
import { gradeInWorkers } from '../../src/lesson/grade/worker-pool.js';
import { builtin, referenceScript, tempDir, writeTree } from './helpers.js';
import { schemaProblems } from './schema-check.js';

const SCHEMA = JSON.parse(readFileSync('docs/schemas/grade-report.schema.json', 'utf8'));

beforeAll(() => {
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'ignore' });
  } catch {
    // Type errors in files being edited elsewhere still emit JavaScript.
  }
}, 180_000);

async function hostileBatch(): Promise<{ dir: string; names: string[] }> {
  const sc = builtin('blue-green');
  const dir = tempDir();
  const good = await referenceScript(sc);
  writeTree(dir, {
    'good.sh': good,
    'loop.sh': 'while true; do :; done\n',
    'yes.sh': 'while true; do echo yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy; done\n',
    'sleepy.sh': 'while true; do sleep 1; done\nwhile true; do sleep 1; done\n',
    'escape/commands.sh': 'cat ../../etc/passwd\ncat /etc/passwd\ncd ../..; ls\n',
    'bad-jsonl/session.jsonl': '{"line": "kubectl get pods"}\n{"line": 42}\n',
    'binary.sh': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]),
    'folder/commands.sh': good.replace(/-f blue-env\.yaml/g, '-f my/blue.yaml'),
    'folder/my/blue.yaml': sc.files!['blue-env.yaml'],
    'session/session.jsonl': good
      .trimEnd()
      .split('\n')
      .map((line, i) => JSON.stringify({ line, at: (i + 1) * 10_000 }))
      .join('\n'),
  });
  symlinkSync('/etc/passwd', join(dir, 'escape', 'passwd'));
  const names = ['good.sh', 'loop.sh', 'yes.sh', 'sleepy.sh', 'escape', 'bad-jsonl', 'binary.sh', 'missing.sh', 'folder', 'session'];
  return { dir, names };
}

describe('a hostile batch graded with a good submission', () => {
  let report: GradeReport;
  let again: GradeReport;
  beforeAll(async () => {
    const { dir, names } = await hostileBatch();
    const sc = builtin('blue-green');
    const paths = names.map((n) => join(dir, n));
    report = batchReport(sc, '1', await gradeInWorkers(sc, paths, names, { jobs: 2 }));
    again = batchReport(sc, '1', await gradeInWorkers(sc, paths, names, { jobs: 3 }));
  }, 180_000);

  test('each submission is reported; the good ones pass', () => {
    const by = Object.fromEntries(report.submissions.map((s) => [s.name, s]));
    expect(report.submissions.map((s) => s.name)).toEqual(['good.sh', 'loop.sh', 'yes.sh', 'sleepy.sh', 'escape', 'bad-jsonl', 'binary.sh', 'missing.sh', 'folder', 'session']);
    expect(by['good.sh'].status).toBe('passed');
    expect(by['folder'].status).toBe('passed');
    expect(by['session'].status).toBe('passed');
    expect(by['loop.sh'].status).toBe('failed');
    expect(by['loop.sh'].notes[0].en).toContain('kubelab limit');
    expect(by['yes.sh'].status).toBe('failed');
    expect(by['yes.sh'].notes[0].en).toContain('kubelab limit');
    expect(by['sleepy.sh'].notes[0].en).toContain('interrupted as if by Ctrl-C');
    expect(by['escape'].status).toBe('failed');
    expect(by['escape'].notes[0].en).toBe('passwd is a symbolic link and was left out.');
    expect(by['bad-jsonl'].error).toEqual({ code: 'malformed', message: expect.objectContaining({ en: 'session.jsonl line 2: "line" must be one line of text.' }) });
    expect(by['binary.sh'].error?.code).toBe('malformed');
    expect(by['missing.sh'].error?.code).toBe('unreadable');
    expect(report.passed).toBe(false);
    expect(report.summary).toEqual({ submissions: 10, passed: 3, failed: 4, errors: 3 });
  });

  test('a second run (other worker count) gives the same bytes', () => {
    expect(formatJson(again)).toBe(formatJson(report));
    expect(formatJunit(again)).toBe(formatJunit(report));
    expect(formatText(again, 'ko')).toBe(formatText(report, 'ko'));
  });

  test('the JSON follows the published schema', () => {
    expect(schemaProblems(JSON.parse(formatJson(report)), SCHEMA)).toEqual([]);
  });

  test('the JUnit XML is well-formed, one testsuite per submission and one testcase per step', () => {
    const xml = formatJunit(report, 'ko');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'testsuite' || n === 'testcase' }).parse(xml);
    const suites = doc.testsuites.testsuite;
    expect(suites).toHaveLength(10);
    expect(suites[0].testcase).toHaveLength(6);
    expect(suites[0]['@_failures']).toBe('0');
    expect(suites[5].testcase[0].error['@_type']).toBe('malformed');
  });
});

test('a submission over its wall-clock budget is reported as timed out and the batch goes on', async () => {
  const sc = builtin('hello-pods');
  const dir = writeTree(tempDir(), { 'good.sh': await referenceScript(sc), 'slow.sh': 'while true; do :; done\n'.repeat(19_000) });
  const reports = await gradeInWorkers(sc, [join(dir, 'slow.sh'), join(dir, 'good.sh')], ['slow.sh', 'good.sh'], { jobs: 1, wallBudgetMs: 12_000 }); // room for a fresh worker to load on a busy machine
  expect(reports[0].error?.code).toBe('timed-out');
  expect(reports[1].status).toBe('passed');
}, 60_000);

test('kubelab grade: exit 0 only when every submission passes; junit and json formats', async () => {
  const sc = builtin('hello-pods');
  const dir = writeTree(tempDir(), { 'good.sh': await referenceScript(sc), 'empty.sh': '' });
  const out: string[] = [];
  const io = { stdout: (t: string) => void out.push(t), stderr: () => {} };
  expect(await gradeCommand(['--scenario', 'hello-pods', '--jobs', '1', join(dir, 'good.sh')], io)).toBe(0);
  expect(out.join('')).toContain('PASSED  2/2');
  out.length = 0;
  expect(await gradeCommand(['--scenario', 'hello-pods', '--format', 'json', join(dir, 'good.sh'), join(dir, 'empty.sh')], io)).toBe(1);
  expect(JSON.parse(out.join('')).summary).toEqual({ submissions: 2, passed: 1, failed: 1, errors: 0 });
}, 60_000);
