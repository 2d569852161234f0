/**
 * The lesson screen on a real cluster (`kubelab lesson ID --context`), through
 * ink-testing-library, against `kubelab serve` with the real kubectl (no mocks): hello-pods is
 * completed by typing its commands; a running `kubectl get pods -w` streams onto the screen and
 * Ctrl-C stops it, keeping what it printed; so does a shell loop; Tab completes commands and
 * files; pause says plainly that a real cluster's time runs
 * on; the panels say the live view is not built here; the session is recorded. Skipped where no
 * kubectl is on PATH.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createElement } from 'react';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { DEFAULT_START_MS } from '../../src/cluster/clock.js';
import { Cluster } from '../../src/cluster/cluster.js';
import { RealLesson } from '../../src/realcluster/real-lesson.js';
import { serve, writeKubeconfig, type Serving } from '../../src/serve/server.js';
import { LessonScreen } from '../../src/ui/lesson-screen.js';
import { RealLessonRuntime } from '../../src/ui/real-lesson-runtime.js';
import { readSessionFile } from '../../src/ui/session-recorder.js';
import { builtin, tempDir } from '../grade/helpers.js';
import { plain, tick } from '../ui/ui-helpers.js';

const HAS_KUBECTL = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!HAS_KUBECTL) console.warn('test/realcluster: no kubectl on PATH; the real-cluster lesson screen tests are skipped');

/** Waits (real time: the cluster and kubectl are real processes) until the frame holds `text`. */
async function frameWith(lastFrame: () => string | undefined, text: string | RegExp, timeout = 30_000): Promise<string> {
  let frame = '';
  await vi.waitFor(
    () => {
      frame = plain(lastFrame() ?? '');
      if (typeof text === 'string' ? !frame.includes(text) : !text.test(frame)) throw new Error(`waiting for ${String(text)} in:\n${frame}`);
    },
    { timeout, interval: 50 },
  );
  return frame;
}

describe.runIf(HAS_KUBECTL)('the lesson screen on kubelab serve with the real kubectl', () => {
  const cluster = new Cluster({ seed: 3, startMs: DEFAULT_START_MS });
  const dir = tempDir('kubelab-real-screen-');
  const kubeconfig = join(dir, 'config');
  const workdir = join(dir, 'work');
  let serving: Serving;
  let fastForward: ReturnType<typeof setInterval>;
  let lesson: RealLesson;
  let runtime: RealLessonRuntime;

  beforeAll(async () => {
    serving = await serve({ cluster, realTime: false });
    writeKubeconfig(kubeconfig, serving);
    // A real cluster's clock runs by itself; the served one is fast-forwarded (about 100x).
    fastForward = setInterval(() => cluster.advance(500), 5);
    lesson = await RealLesson.start(builtin('hello-pods'), { context: 'kubelab', kubeconfig, workdir });
    runtime = new RealLessonRuntime({ lesson, context: 'kubelab', workdir, lang: 'en' });
  });
  afterAll(async () => {
    runtime?.stop();
    await lesson?.finish();
    clearInterval(fastForward);
    await serving?.close();
  });

  test('Tab completes commands and files; a shell loop streams line by line while it runs, and Ctrl-C ends it', async () => {
    const { lastFrame, stdin, unmount } = render(createElement(LessonScreen, { runtime, onExit: () => undefined }));
    await frameWith(lastFrame, 'step 1/2');
    await tick();
    // Tab: command names from PATH, files from the workspace (object names are not offered here).
    stdin.write('kubect');
    await tick();
    stdin.write('\t');
    await frameWith(lastFrame, /^\$ kubectl\s*$/m); // the frame drops the trailing space; the next line shows it
    stdin.write('apply -f hel');
    await tick();
    stdin.write('\t');
    await frameWith(lastFrame, /^\$ kubectl apply -f hello\.yaml\s*$/m);
    stdin.write('\x15'); // Ctrl-U
    await frameWith(lastFrame, /^\$$/m);
    stdin.write('i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.2; done\r');
    await frameWith(lastFrame, 'tick 2', 10_000);
    expect(runtime.snapshot().running).toBe(true);
    stdin.write('\x03');
    await vi.waitFor(() => expect(runtime.snapshot().running).toBe(false), { timeout: 10_000 });
    expect(plain(lastFrame() ?? '')).toContain('tick 1\ntick 2\n');
    unmount();
  }, 60_000);

  test('hello-pods completed by typing; get pods -w streams and Ctrl-C stops it; pause is refused plainly', async () => {
    let left = false;
    const { lastFrame, stdin } = render(createElement(LessonScreen, { runtime, onExit: () => (left = true) }));
    runtime.start();
    let frame = await frameWith(lastFrame, 'step 1/2');
    expect(frame).toContain('in namespace kubelab-hello-pods');
    await tick();
    stdin.write('\x07'); // Ctrl-G: the cluster panel
    await frameWith(lastFrame, 'The live view is not available on a real cluster.');
    stdin.write('\x07');
    stdin.write('\x07'); // the traffic panel, then the lesson again
    await frameWith(lastFrame, 'both with kubectl apply');

    stdin.write('\x10'); // Ctrl-P
    await frameWith(lastFrame, 'A real cluster keeps its own time: it cannot be paused or sped up.');

    stdin.write('kubectl apply -f hello.yaml\r');
    await frameWith(lastFrame, 'service/hello created');
    stdin.write('kubectl rollout status deployment/hello\r');
    frame = await frameWith(lastFrame, '✓ Done: Create the Deployment and the Service', 60_000);
    expect(frame).toContain('deployment "hello" successfully rolled out');
    expect(frame).toContain('step 2/2');

    // A watch runs until Ctrl-C; what it printed stays, and the prompt comes back.
    stdin.write('kubectl get pods -w\r');
    frame = await frameWith(lastFrame, /hello-\w+-\w+ +1\/1 +Running/);
    expect(runtime.snapshot().running).toBe(true);
    stdin.write('\x03');
    await vi.waitFor(() => expect(runtime.snapshot().running).toBe(false), { timeout: 10_000 });
    frame = plain(lastFrame() ?? '');
    expect(frame).toMatch(/\$ kubectl get pods -w\nNAME +READY +STATUS +RESTARTS +AGE\n/);
    expect(frame).toMatch(/hello-\w+-\w+ +1\/1 +Running/);

    // The watch was a `kubectl get pods`: once it ended, the look step's checks held (its
    // traffic check through a probe pod) and the lesson is complete.
    frame = await frameWith(lastFrame, '✓ Done: Look at the pods', 60_000);
    expect(frame).toContain('hello-pods · finished');
    expect(lesson.finished).toBe(true);
    stdin.write('echo after the end\r');
    await frameWith(lastFrame, '$ echo after the end\nafter the end');
    await vi.waitFor(() => expect(runtime.snapshot().running).toBe(false));

    stdin.write('\x04'); // Ctrl-D leaves
    await vi.waitFor(() => expect(left).toBe(true));
    expect(readSessionFile(join(workdir, 'session.jsonl')).map((r) => r.line)).toEqual([
      'i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.2; done',
      'kubectl apply -f hello.yaml',
      'kubectl rollout status deployment/hello',
      'kubectl get pods -w',
      'echo after the end',
    ]);
    // Leaving deletes the lesson's namespace (run-real-tui.tsx does this after the screen closes).
    await lesson.finish();
    const ns = cluster.store.peek('Namespace', undefined, 'kubelab-hello-pods');
    expect(ns === undefined || ns.metadata.deletionTimestamp !== undefined).toBe(true);
  }, 240_000);
});
