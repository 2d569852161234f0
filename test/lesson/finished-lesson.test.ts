/** A finished lesson takes more commands quietly: its stopped machine gets no events, so xstate writes no warning over the lesson screen. */
import { afterEach, expect, test, vi } from 'vitest';
import { LessonSession } from '../../src/lesson/lesson-session.js';
import { loadScenarioFile } from '../../src/lesson/scenario-loader.js';

afterEach(() => vi.restoreAllMocks());

test('commands, skips and hints after the end print nothing on the console', () => {
  const warn = vi.spyOn(console, 'warn');
  const error = vi.spyOn(console, 'error');
  const { scenario } = loadScenarioFile('scenarios/hello-pods.yaml');
  const lesson = new LessonSession(scenario!);
  lesson.skip();
  lesson.skip();
  expect(lesson.finished).toBe(true);
  expect(lesson.commandRan('kubectl get pods')).toBe('end');
  expect(lesson.commandRan('kubectl get svc')).toBe('end');
  lesson.skip();
  expect(lesson.hint()).toBeUndefined();
  expect(lesson.commands).toEqual(['kubectl get pods', 'kubectl get svc']);
  expect([warn.mock.calls, error.mock.calls]).toEqual([[], []]);
  lesson.stop();
});
