/**
 * Resuming a lesson from its journal (issue 8, "nothing lost"): a second runtime on the same
 * workspace replays session.jsonl (same seed, time stepped to each recorded reading), so the
 * cluster, the lesson's progress and the hints come back; a torn last line is ignored and cut
 * off; recording goes on after the replayed entries; files on disk are never touched by the replay.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { LessonRuntime } from '../../src/ui/lesson-runtime.js';
import { readSessionFile } from '../../src/ui/session-recorder.js';
import { helloPods, makeRuntime } from './ui-helpers.js';

const running: LessonRuntime[] = [];
afterEach(() => running.splice(0).forEach((r) => r.stop()));

function open(workdir: string): LessonRuntime {
  const r = new LessonRuntime({ scenario: helloPods(), workdir, lang: 'en', clock: 'manual', editor: 'false' });
  running.push(r);
  return r;
}

const pods = (r: LessonRuntime) =>
  r.lesson.cluster
    .store.list('Pod', 'default')
    .map((p) => p.metadata.name)
    .sort();

describe('resume from session.jsonl', () => {
  test('the cluster, the progress and the hints come back; recording goes on', async () => {
    const first = makeRuntime();
    running.push(first);
    const workdir = path.dirname(first.recorder.file);
    await first.enter('kubectl apply -f hello.yaml');
    first.advance(30_000);
    first.hint();
    await first.enter('kubectl get deploy hello');
    await first.enter('cat <<EOF > note.txt');
    await first.enter('written by a heredoc');
    await first.enter('EOF');
    await first.enter('rm hello.yaml');
    first.advance(5_000);
    const before = { step: first.lesson.step, progress: first.lesson.progress(), pods: pods(first), now: first.lesson.cluster.clock.now() };
    first.stop();
    // A kill -9 in the middle of the next write.
    fs.appendFileSync(first.recorder.file, '{"line":"kubectl get po');
    // The student's file on disk differs from what the replay will see (an editor saved it).
    fs.writeFileSync(path.join(workdir, 'note.txt'), 'edited later\n');

    const second = open(workdir);
    expect(await second.resume()).toBe(7);
    expect(second.lesson.step).toBe(before.step);
    expect(second.lesson.progress()).toEqual(before.progress);
    expect(pods(second)).toEqual(before.pods);
    expect(second.lesson.cluster.clock.now()).toBeGreaterThanOrEqual(before.now - 5_000);
    const shown = second.snapshot().lines.map((l) => l.text).join('\n');
    expect(shown).toContain('$ kubectl apply -f hello.yaml');
    expect(shown).toContain('Resumed: 7 recorded entries');
    // The replay ran on a copy (the scenario's files under the folder's): the disk keeps the
    // edit, and hello.yaml, deleted by the student, stays deleted.
    expect(fs.readFileSync(path.join(workdir, 'note.txt'), 'utf8')).toBe('edited later\n');
    expect(fs.existsSync(path.join(workdir, 'hello.yaml'))).toBe(false);

    await second.enter('kubectl get pods --show-labels');
    second.stop();
    const text = fs.readFileSync(second.recorder.file, 'utf8');
    for (const line of text.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(readSessionFile(second.recorder.file).map((r) => r.line ?? r.event)).toEqual([
      'kubectl apply -f hello.yaml',
      'hint',
      'kubectl get deploy hello',
      'cat <<EOF > note.txt',
      'written by a heredoc',
      'EOF',
      'rm hello.yaml',
      'kubectl get pods --show-labels',
    ]);
  });

  test('a loop that was interrupted by Ctrl-C stops at the next line in the replay', async () => {
    const first = makeRuntime();
    running.push(first);
    const workdir = path.dirname(first.recorder.file);
    const loop = first.enter('while true; do kubectl get deploy hello --no-headers | wc -l; sleep 1; done');
    first.advance(3_000);
    await new Promise((r) => setImmediate(r));
    first.interrupt();
    await loop;
    await first.enter('kubectl apply -f hello.yaml');
    first.stop();

    const second = open(workdir);
    expect(await second.resume()).toBe(2);
    expect(pods(second).length).toBeGreaterThan(0);
    expect(second.busy()).toBe(false);
  });

  test('no journal: nothing to replay', async () => {
    const r = makeRuntime();
    running.push(r);
    expect(await r.resume()).toBe(0);
  });
});
