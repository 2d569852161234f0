/** The lesson screen through ink-testing-library: typing, output, history, hints, steps. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { LessonRuntime } from '../../src/ui/lesson-runtime.js';
import { readSessionFile } from '../../src/ui/session-recorder.js';
import { frameWith, makeRuntime, plain, renderLesson, tick, typeLine } from './ui-helpers.js';

let runtime: LessonRuntime | undefined;
afterEach(() => runtime?.stop());

describe('lesson screen', () => {
  test('shows the step, its instructions, the status line and the keys', async () => {
    runtime = makeRuntime();
    const { lastFrame } = renderLesson(runtime);
    const frame = await frameWith(lastFrame, 'step 1/2');
    expect(frame).toContain('▸ Create the Deployment and the Service');
    expect(frame).toContain('· Look at the pods');
    expect(frame).toContain('hello.yaml describes a Deployment of three nginx pods');
    expect(frame).toContain('hello-pods · step 1/2 · downtime: 0 failed of 0 · time 09:00:00 ▶ x1');
    expect(frame).toContain('downtime: 0 failed of 0');
    expect(frame).toContain('^T hint · ^X skip step');
    expect(frame).toContain('A Deployment keeps a number of identical pods running; a Service gives them one stable address.');
    expect(frame).toMatch(/^\$$/m);
  });

  test('Korean: lesson texts and UI strings', async () => {
    runtime = makeRuntime({ lang: 'ko' });
    const { lastFrame } = renderLesson(runtime);
    const frame = await frameWith(lastFrame, '단계 1/2');
    expect(frame).toContain('디플로이먼트와 서비스 만들기');
    expect(frame).toContain('^T 힌트');
  });

  test('a typed command runs and its output appears; up recalls it', async () => {
    runtime = makeRuntime();
    const { lastFrame, stdin } = renderLesson(runtime);
    await typeLine(stdin, 'kubectl get pods');
    const frame = await frameWith(lastFrame, 'No resources found in default namespace.');
    expect(frame).toContain('$ kubectl get pods\nNo resources found in default namespace.');
    stdin.write('\x1b[A');
    await tick();
    expect(plain(lastFrame() ?? '')).toMatch(/^\$ kubectl get pods$/m);
    stdin.write('\x1b[B');
    await tick();
    expect(plain(lastFrame() ?? '')).toMatch(/^\$$/m);
  });

  test('line editing: backspace, Ctrl-A then typing, Ctrl-U', async () => {
    runtime = makeRuntime();
    const { lastFrame, stdin } = renderLesson(runtime);
    await frameWith(lastFrame, 'step 1/2');
    await tick(); // the key handler subscribes in an effect after the first frame
    stdin.write('get pods');
    await tick();
    stdin.write('\x7f');
    await tick();
    stdin.write('\x01');
    await tick();
    stdin.write('kubectl ');
    await tick();
    expect(plain(lastFrame() ?? '')).toMatch(/^\$ kubectl get pod$/m);
    stdin.write('\x05');
    await tick();
    stdin.write('\x15');
    await tick();
    expect(plain(lastFrame() ?? '')).toMatch(/^\$$/m);
  });

  test('Ctrl-T shows the hints one by one, then says there are no more', async () => {
    runtime = makeRuntime();
    const { lastFrame, stdin } = renderLesson(runtime);
    stdin.write('\x14');
    await frameWith(lastFrame, 'Hint 1: kubectl apply -f hello.yaml');
    stdin.write('\x14');
    await frameWith(lastFrame, 'Hint 2: kubectl rollout status deployment/hello waits');
    stdin.write('\x14');
    await frameWith(lastFrame, 'No more hints for this step.');
  });

  test('steps complete after commands, then the finish screen; the session is recorded', async () => {
    runtime = makeRuntime();
    const { lastFrame, stdin } = renderLesson(runtime);
    await typeLine(stdin, 'kubectl apply -f hello.yaml');
    await frameWith(lastFrame, 'service/hello created');
    runtime.advance(30_000);
    await typeLine(stdin, 'kubectl get deploy hello');
    let frame = await frameWith(lastFrame, '✓ Done: Create the Deployment and the Service');
    expect(frame).toContain('Next: Look at the pods');
    expect(frame).toContain('✓ Create the Deployment and the Service');
    expect(frame).toContain('step 2/2');
    await typeLine(stdin, 'kubectl get pods --show-labels');
    frame = await frameWith(lastFrame, 'Lesson complete!');
    expect(frame).toContain('2 step(s) completed, 0 skipped, 0 hint(s) used.');
    expect(frame).toContain('finished');
    const records = readSessionFile(runtime.recorder.file);
    expect(records.map((r) => r.line)).toEqual(['kubectl apply -f hello.yaml', 'kubectl get deploy hello', 'kubectl get pods --show-labels']);
    expect(records[1].at - records[0].at).toBe(30_000);
  });

  test('Ctrl-X skips a step', async () => {
    runtime = makeRuntime();
    const { lastFrame, stdin } = renderLesson(runtime);
    stdin.write('\x18');
    const frame = await frameWith(lastFrame, '↷ Skipped: Create the Deployment and the Service');
    expect(frame).toContain('step 2/2');
  });

  test('a while loop prints a line per virtual second; Ctrl-C stops it and keeps its output', async () => {
    runtime = makeRuntime();
    const { lastFrame, stdin } = renderLesson(runtime);
    await typeLine(stdin, 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 1; done');
    await frameWith(lastFrame, 'tick 0');
    expect(plain(lastFrame() ?? '')).not.toContain('tick 1');
    expect(plain(lastFrame() ?? '')).not.toMatch(/^\$$/m);
    for (let s = 1; s <= 3; s++) {
      runtime.advance(1000);
      await frameWith(lastFrame, `tick ${s}`);
    }
    expect(plain(lastFrame() ?? '')).not.toContain('tick 4');
    stdin.write('\x03');
    await frameWith(lastFrame, 'tick 3\n^C');
    await frameWith(lastFrame, '^C\n$\n');
    await typeLine(stdin, 'echo $?');
    await frameWith(lastFrame, '130');
  });

  test('Ctrl-P pauses virtual time and Ctrl-O changes its speed', async () => {
    runtime = makeRuntime();
    const { lastFrame, stdin } = renderLesson(runtime);
    stdin.write('\x10');
    await frameWith(lastFrame, '⏸ paused');
    stdin.write('\x10');
    stdin.write('\x0f');
    await frameWith(lastFrame, '▶ x2');
  });

  test('kubectl run -it enters the pod shell, exit leaves it', async () => {
    runtime = makeRuntime();
    const { lastFrame, stdin } = renderLesson(runtime);
    await typeLine(stdin, 'kubectl run tmp --rm -it --image=busybox --restart=Never -- sh');
    // kubectl waits for the pod on the shell's clock, which the test moves by hand here.
    for (let s = 0; s < 10 && !plain(lastFrame() ?? '').includes('\n/ #\n'); s++) {
      runtime.advance(1000);
      await tick();
    }
    await frameWith(lastFrame, '\n/ #\n');
    await typeLine(stdin, 'echo $HOSTNAME');
    await frameWith(lastFrame, '/ # echo $HOSTNAME\ntmp');
    stdin.write('\x04');
    await frameWith(lastFrame, 'pod "tmp" deleted');
  });

  test('Ctrl-D on an empty line leaves the lesson', async () => {
    runtime = makeRuntime();
    let left = false;
    const { stdin } = renderLesson(runtime, () => (left = true));
    stdin.write('\x04');
    await vi_waitFor(() => left);
  });
});

describe('vi in the TUI', () => {
  test('without $EDITOR it says so plainly', async () => {
    runtime = makeRuntime({ editor: undefined });
    const { lastFrame, stdin } = renderLesson(runtime);
    await typeLine(stdin, 'vi hello.yaml');
    await frameWith(lastFrame, 'vi: $EDITOR is not set');
  });

  test('opens the workspace file in $EDITOR and only inside the workspace', async () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'kubelab-editor-'));
    const script = path.join(dir, 'ed.sh');
    fs.writeFileSync(script, 'echo "# edited" >> "$1"\n');
    runtime = makeRuntime({ editor: `sh ${script}` });
    const { lastFrame, stdin } = renderLesson(runtime);
    await typeLine(stdin, 'vim hello.yaml && tail -1 hello.yaml');
    await frameWith(lastFrame, '# edited');
    await typeLine(stdin, 'nano /nope/x.yaml');
    await frameWith(lastFrame, 'nano: /nope/x.yaml: no such directory');
  });
});

async function vi_waitFor(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !cond(); i++) await tick();
  expect(cond()).toBe(true);
}
