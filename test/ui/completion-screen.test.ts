/** Tab completion in the lesson screen through ink-testing-library: in place, files, names, Tab Tab. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { LessonRuntime } from '../../src/ui/lesson-runtime.js';
import { frameWith, makeRuntime, plain, renderLesson, tick, typeLine } from './ui-helpers.js';

let runtime: LessonRuntime | undefined;
afterEach(() => runtime?.stop());

/** Types text, then presses Tab `tabs` times, each as its own key. */
async function typeThenTab(stdin: { write(s: string): void }, text: string, tabs = 1): Promise<void> {
  stdin.write(text);
  await tick();
  for (let i = 0; i < tabs; i++) {
    stdin.write('\t');
    await tick();
  }
}

/** The prompt line of the frame (the last line starting with `$ `). */
function promptLine(frame: string | undefined): string {
  const lines = plain(frame ?? '').split('\n').filter((l) => l.startsWith('$ '));
  return lines[lines.length - 1] ?? '';
}

/**
 * The prompt line with the cursor shown as `|`: a `|` is typed at the cursor, read, and
 * removed (the frame has no colours, so the block cursor itself does not show).
 */
async function lineWithCursor(stdin: { write(s: string): void }, lastFrame: () => string | undefined): Promise<string> {
  stdin.write('|');
  let line = '';
  await vi.waitFor(() => {
    line = promptLine(lastFrame());
    if (!line.includes('|')) throw new Error(`no cursor mark in ${JSON.stringify(line)}`);
  });
  stdin.write('\x7f');
  await vi.waitFor(() => {
    if (promptLine(lastFrame()).includes('|')) throw new Error('the cursor mark is still there');
  });
  return line;
}

describe('Tab completion at the lesson prompt', () => {
  test('kubectl get dep<Tab> becomes kubectl get deployments and a space', async () => {
    runtime = makeRuntime();
    const { lastFrame, stdin } = renderLesson(runtime);
    await frameWith(lastFrame, 'step 1/2');
    await typeThenTab(stdin, 'kubectl get dep');
    expect(await lineWithCursor(stdin, lastFrame)).toBe('$ kubectl get deployments |');
    // The cursor sits after the space: typing goes on from there.
    stdin.write('-o name');
    await tick();
    expect(await lineWithCursor(stdin, lastFrame)).toBe('$ kubectl get deployments -o name|');
  });

  test('a file name, then the name of the object it created', async () => {
    runtime = makeRuntime();
    const { lastFrame, stdin } = renderLesson(runtime);
    await frameWith(lastFrame, 'step 1/2');
    await typeThenTab(stdin, 'kubectl apply -f hel');
    expect(await lineWithCursor(stdin, lastFrame)).toBe('$ kubectl apply -f hello.yaml |');
    stdin.write('\r');
    await frameWith(lastFrame, 'deployment.apps/hello created');
    await typeThenTab(stdin, 'kubectl rollout status deployment/h');
    expect(await lineWithCursor(stdin, lastFrame)).toBe('$ kubectl rollout status deployment/hello |');
    stdin.write('\x15');
    await tick();
    await typeThenTab(stdin, 'kubectl get svc h');
    expect(await lineWithCursor(stdin, lastFrame)).toBe('$ kubectl get svc hello |');
  });

  test('Tab Tab lists the candidates in columns below the prompt, then the prompt again with the line intact', async () => {
    runtime = makeRuntime();
    const { lastFrame, stdin } = renderLesson(runtime);
    await frameWith(lastFrame, 'step 1/2');
    await typeThenTab(stdin, 'kubectl rollout ', 1);
    await vi.waitFor(() => expect(promptLine(lastFrame())).toBe('$ kubectl rollout'));
    expect(plain(lastFrame() ?? '')).not.toContain('history');
    stdin.write('\t');
    const frame = await frameWith(lastFrame, 'history');
    expect(frame).toContain('$ kubectl rollout\nhistory  pause    restart  resume   status   undo\n$ kubectl rollout\n');
    expect(await lineWithCursor(stdin, lastFrame)).toBe('$ kubectl rollout |');
    // The line is still being edited: it completes and runs.
    await typeThenTab(stdin, 'hi');
    expect(await lineWithCursor(stdin, lastFrame)).toBe('$ kubectl rollout history |');
  });

  test('a Tab that grew the word lists on the third Tab, as readline does; other keys start over', async () => {
    runtime = makeRuntime();
    const { lastFrame, stdin } = renderLesson(runtime);
    await frameWith(lastFrame, 'step 1/2');
    await typeThenTab(stdin, 'kubectl get end', 2);
    await vi.waitFor(() => expect(promptLine(lastFrame())).toBe('$ kubectl get endpoints'));
    expect(plain(lastFrame() ?? '')).not.toContain('endpointslices');
    stdin.write('\t');
    // readline's columns: the longest name (14) plus 2.
    await frameWith(lastFrame, 'endpoints       endpointslices\n');
    const lines = plain(lastFrame() ?? '').split('\n').length;
    // A key between two Tabs ends the run: the next Tab completes (nothing), the one after lists.
    stdin.write('s');
    await tick();
    stdin.write('\x7f');
    await tick();
    stdin.write('\t');
    await tick();
    expect(plain(lastFrame() ?? '').split('\n').length).toBe(lines);
    stdin.write('\t');
    await tick();
    await vi.waitFor(() => expect(plain(lastFrame() ?? '').split('\n').length).toBe(lines + 2));
    await typeLine(stdin, '');
  });

  test('no candidate: nothing changes and nothing is printed', async () => {
    runtime = makeRuntime();
    const { lastFrame, stdin } = renderLesson(runtime);
    await frameWith(lastFrame, 'step 1/2');
    const before = plain(lastFrame() ?? '');
    await typeThenTab(stdin, 'kubectl get nosuch', 3);
    expect(await lineWithCursor(stdin, lastFrame)).toBe('$ kubectl get nosuch|');
    expect(plain(lastFrame() ?? '').split('\n').length).toBe(before.split('\n').length);
  });

  test('inside a pod shell the pod\'s commands complete, kubectl does not', async () => {
    runtime = makeRuntime();
    const { lastFrame, stdin } = renderLesson(runtime);
    await typeLine(stdin, 'kubectl run tmp --rm -it --image=busybox --restart=Never -- sh');
    for (let s = 0; s < 10 && !plain(lastFrame() ?? '').includes('\n/ #\n'); s++) {
      runtime.advance(1000);
      await tick();
    }
    await frameWith(lastFrame, '\n/ #\n');
    await typeThenTab(stdin, 'wge');
    stdin.write('-q');
    await frameWith(lastFrame, '/ # wget -q');
    stdin.write('\x15');
    await tick();
    await typeThenTab(stdin, 'kubec', 2);
    expect(plain(lastFrame() ?? '')).toMatch(/^\/ # kubec$/m);
  });
});
