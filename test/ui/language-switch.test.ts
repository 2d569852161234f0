/** Ctrl-N switches the lesson between English and Korean; the status line shows the seed and the language. */
import { afterEach, expect, test } from 'vitest';
import type { LessonRuntime } from '../../src/ui/lesson-runtime.js';
import { frameWith, makeRuntime, renderLesson, tick, typeLine } from './ui-helpers.js';

let runtime: LessonRuntime | undefined;
afterEach(() => runtime?.stop());

test('Ctrl-N switches steps, instructions, hints and the status line; printed output stays', async () => {
  runtime = makeRuntime();
  const { lastFrame, stdin } = renderLesson(runtime);
  let frame = await frameWith(lastFrame, 'step 1/2');
  expect(frame).toMatch(/hello-pods · step 1\/2 · .*seed 1 · English/);
  expect(frame).toContain('Create the Deployment and the Service');
  await tick();
  stdin.write('\x14'); // a hint in English
  await frameWith(lastFrame, 'Hint 1: kubectl apply -f hello.yaml');
  await typeLine(stdin, 'kubectl get pods');
  await frameWith(lastFrame, 'No resources found in default namespace.');
  stdin.write('\x0e');
  frame = await frameWith(lastFrame, '단계 1/2');
  expect(frame).toMatch(/hello-pods · 단계 1\/2 · .*시드 1 · 한국어/);
  expect(frame).toContain('디플로이먼트와 서비스 만들기');
  expect(frame).toContain('힌트 1: kubectl apply -f hello.yaml');
  expect(frame).toContain('No resources found in default namespace.');
  expect(frame).toContain('^N English');
  stdin.write('\x0e');
  frame = await frameWith(lastFrame, 'step 1/2');
  expect(frame).toContain('^N 한국어');
  expect(runtime.snapshot().lang).toBe('en');
});

test('the seed shown is the cluster\'s', async () => {
  runtime = makeRuntime();
  expect(runtime.snapshot().seed).toBe(String(runtime.lesson.cluster.seed));
});
