// The terminal UI's first frame and grading throughput, each measured in this run against
// its own baseline: a bare ink render (bench/ui-first-frame.mjs, in a pty), and one worker
// thread against two (kubelab grade on copies of the canary lesson's reference solution).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseTranscript } from '../dist/transcript/transcript.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** First frame of `kubelab lesson hello-pods` against a bare ink hello-world. */
export function firstFrame(runs = 5) {
  const r = spawnSync(process.execPath, [path.join(import.meta.dirname, 'ui-first-frame.mjs'), String(runs)], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  const json = r.stdout.slice(0, r.stdout.lastIndexOf('}') + 1);
  if (r.status !== 0 || !json) return [{ name: 'first frame of kubelab lesson', value: NaN, unit: 'ms', target: '≤ 1.3× bare ink render', met: false, note: `not measured: ${(r.stderr || 'no output').trim().split('\n').pop()}` }];
  const { results } = JSON.parse(json);
  const ink = results.find((x) => x.name.startsWith('bare ink'));
  const lesson = results.find((x) => x.name.startsWith('kubelab lesson'));
  return [
    { name: 'bare ink hello-world render (baseline)', value: ink.medianMs, unit: 'ms' },
    { name: 'first frame of kubelab lesson hello-pods', value: lesson.medianMs, unit: 'ms', ratio: lesson.medianMs / ink.medianMs, target: '≤ 1.3× bare ink render', met: lesson.medianMs / ink.medianMs <= 1.3 },
  ];
}

/** Grades `n` copies of the canary reference solution with one worker, then two. */
export function grading(n = 60) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelab-bench-grade-'));
  const scenario = fs.readFileSync(path.join(ROOT, 'scenarios/canary.yaml'), 'utf8');
  const solutions = [...scenario.matchAll(/solution: \|\n((?: {6}.*\n|\n)+)/g)].map((m) => m[1].replace(/^ {6}/gm, ''));
  const lines = solutions.flatMap((s) => parseTranscript(s).steps.map((st) => st.command));
  const script = `${lines.join('\n')}\n`;
  const files = [];
  for (let i = 0; i < n; i++) {
    const f = path.join(dir, `s${i}.sh`);
    fs.writeFileSync(f, script);
    files.push(f);
  }
  const run = (jobs) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'grade', '--scenario', 'canary', '--format', 'json', '--jobs', String(jobs), ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
    return { ms: performance.now() - t0, status: r.status };
  };
  const one = run(1);
  const two = run(2);
  fs.rmSync(dir, { recursive: true, force: true });
  const note = one.status === 0 ? undefined : `grade exited ${one.status}: the assembled reference solution did not pass`;
  return [
    { name: `${n} canary submissions, one worker: per submission`, value: one.ms / n, unit: 'ms', target: '< 20 ms', met: one.ms / n < 20, note },
    { name: `${n} canary submissions, two workers: per submission`, value: two.ms / n, unit: 'ms' },
    { name: 'speed-up from one to two worker threads', value: one.ms / two.ms, unit: '×', target: '≥ 1.7×', met: one.ms / two.ms >= 1.7 },
  ];
}
