/** Shared set-up of the UI tests: a hello-pods runtime on a manual clock in a temp workspace. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createElement } from 'react';
import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import { resolveScenario } from '../../src/lesson/scenario-loader.js';
import type { Lang, Scenario } from '../../src/lesson/scenario-types.js';
import { LessonRuntime } from '../../src/ui/lesson-runtime.js';
import { LessonScreen } from '../../src/ui/lesson-screen.js';
import { prepareWorkspace } from '../../src/ui/workspace.js';

/** The built-in hello-pods scenario. */
export function helloPods(): Scenario {
  const s = resolveScenario('hello-pods').result.scenario;
  if (!s) throw new Error('hello-pods does not load');
  return s;
}

/** A fresh temp folder. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kubelab-ui-test-'));
}

/** A runtime on a manual clock, its workspace prepared. */
export function makeRuntime(opts: { lang?: Lang; editor?: string; scenario?: Scenario } = {}): LessonRuntime {
  const scenario = opts.scenario ?? helloPods();
  const workdir = prepareWorkspace(scenario, tempDir());
  return new LessonRuntime({ scenario, workdir, lang: opts.lang ?? 'en', clock: 'manual', editor: opts.editor });
}

/** The lesson screen rendered for a runtime. */
export function renderLesson(runtime: LessonRuntime, onExit: () => void = () => undefined) {
  return render(createElement(LessonScreen, { runtime, onExit }));
}

/** Waits until the last frame contains `text` (ANSI codes removed); returns that frame. */
export async function frameWith(lastFrame: () => string | undefined, text: string): Promise<string> {
  let frame = '';
  await vi.waitFor(
    () => {
      frame = plain(lastFrame() ?? '');
      if (!frame.includes(text)) throw new Error(`waiting for ${JSON.stringify(text)} in:\n${frame}`);
    },
    { timeout: 5000, interval: 10 },
  );
  return frame;
}

/** Types a line and presses Enter, as two writes (the way a terminal sends them). */
export async function typeLine(stdin: { write(s: string): void }, line: string): Promise<void> {
  stdin.write(line);
  await tick();
  stdin.write('\r');
  await tick();
}

/** Lets React and ink process pending input. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A frame without ANSI escape codes. */
export function plain(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}
