/** The lesson picker and the library behind it: built-in and local lessons, saved progress, a fresh start, the language key. */
import fs from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { App } from '../../src/ui/app.js';
import { defaultWorkdir, kubelabHome, lessonLibrary, PROGRESS_FILE, readProgress, saveProgress, setAside, type LibraryEntry } from '../../src/ui/lesson-library.js';
import type { LessonRuntime } from '../../src/ui/lesson-runtime.js';
import { PickerScreen } from '../../src/ui/picker-screen.js';
import { uiStrings } from '../../src/ui/strings.js';
import { frameWith, makeRuntime, tempDir, tick, typeLine } from './ui-helpers.js';

const hello = fs.readFileSync(path.resolve(import.meta.dirname, '../../scenarios/hello-pods.yaml'), 'utf8');

/** A folder with a local lesson, a broken one and a manifest; a kubelab home beside it. */
function setUp() {
  const cwd = tempDir();
  fs.writeFileSync(path.join(cwd, 'mine.yaml'), hello.replace(/^id: hello-pods$/m, 'id: my-lesson'));
  fs.mkdirSync(path.join(cwd, 'scenarios'));
  fs.writeFileSync(path.join(cwd, 'scenarios', 'broken.yaml'), 'id: broken\ntitle: {en: x, ko: x}\nsteps: 3\n');
  fs.writeFileSync(path.join(cwd, 'deploy.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n');
  return { cwd, home: path.join(tempDir(), 'home') };
}

describe('lesson library', () => {
  test('offers the built-in lessons, then local scenario files; broken ones are named with their first problem', () => {
    const { cwd, home } = setUp();
    const { entries, broken } = lessonLibrary({ cwd, home });
    expect(entries.map((e) => [e.scenario.id, e.source])).toEqual([
      ['blue-green', 'builtin'],
      ['canary', 'builtin'],
      ['hello-pods', 'builtin'],
      ['rolling-update', 'builtin'],
      ['my-lesson', 'mine.yaml'],
    ]);
    expect(entries[2].workdir).toBe(path.join(home, 'lessons', 'hello-pods'));
    expect(entries[4].workdir).toMatch(new RegExp(`^${home}/lessons/my-lesson-[0-9a-f]{8}$`));
    expect(broken).toEqual([{ file: path.join('scenarios', 'broken.yaml'), problems: 1, first: expect.stringMatching(/^3:8: /) }]);
  });

  test('kubelab home: KUBELAB_HOME, else XDG_DATA_HOME/kubelab, else ~/.local/share/kubelab', () => {
    expect(kubelabHome({ KUBELAB_HOME: '/k', XDG_DATA_HOME: '/x', HOME: '/h' })).toBe('/k');
    expect(kubelabHome({ XDG_DATA_HOME: '/x', HOME: '/h' })).toBe('/x/kubelab');
    expect(kubelabHome({ HOME: '/h' })).toBe('/h/.local/share/kubelab');
  });

  test('progress follows the steps into the lesson folder and back into the picker', async () => {
    const runtime = makeRuntime();
    const workdir = path.dirname(runtime.recorder.file);
    const stop = saveProgress(runtime, workdir);
    expect(readProgress(workdir)).toBeUndefined();
    await runtime.enter('kubectl apply -f hello.yaml');
    runtime.advance(30_000);
    await runtime.enter('kubectl get deploy hello');
    await tick();
    expect(readProgress(workdir)).toEqual({ completed: ['apply'], skipped: [], stepCount: 2, finished: false });
    runtime.skip();
    await tick();
    expect(readProgress(workdir)).toEqual({ completed: ['apply'], skipped: ['look'], stepCount: 2, finished: true });
    stop();
    runtime.stop();
    fs.writeFileSync(path.join(workdir, PROGRESS_FILE), '{not json');
    expect(readProgress(workdir)).toBeUndefined();
  });

  test('starting afresh keeps the old folder beside the new one', () => {
    const dir = path.join(tempDir(), 'lesson');
    expect(setAside(dir)).toBeUndefined();
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'session.jsonl'), 'x\n');
    expect(setAside(dir)).toBe(`${dir}.1`);
    fs.mkdirSync(dir);
    expect(setAside(dir)).toBe(`${dir}.2`);
    expect(fs.readFileSync(path.join(`${dir}.1`, 'session.jsonl'), 'utf8')).toBe('x\n');
    expect(defaultWorkdir({ id: 'a' } as never, '/x/a.yaml', '/h')).not.toBe(defaultWorkdir({ id: 'a' } as never, '/y/a.yaml', '/h'));
  });
});

describe('lesson picker', () => {
  const entries = (): LibraryEntry[] => {
    const { cwd, home } = setUp();
    const list = lessonLibrary({ cwd, home }).entries;
    list[0].progress = { completed: ['blue', 'green'], skipped: [], stepCount: 5, finished: false };
    list[2].progress = { completed: ['apply', 'look'], skipped: [], stepCount: 2, finished: true };
    return list;
  };

  test('shows each lesson with its length and saved progress, in English and Korean', async () => {
    const { cwd, home } = setUp();
    const { broken } = lessonLibrary({ cwd, home });
    const props = { lessons: entries(), broken, onPick: () => undefined, onQuit: () => undefined };
    const en = render(createElement(PickerScreen, { ...props, lang: 'en', text: uiStrings('en') }));
    const frame = await frameWith(en.lastFrame, 'kubelab: choose a lesson');
    expect(frame).toMatch(/blue-green\s+Blue\/green deployment.*\(\d+ steps · 2\/\d+ done\)/);
    expect(frame).toMatch(/hello-pods\s+Hello, pods: a Deployment and a Service\s+\(2 steps · ✓ finished\)/);
    expect(frame).toMatch(/Scenario files here\n.*my-lesson\s+Hello, pods.*\(2 steps\)\s+mine\.yaml/);
    expect(frame).toContain('✗ scenarios/broken.yaml does not load (3:8: ');
    const ko = render(createElement(PickerScreen, { ...props, lang: 'ko', text: uiStrings('ko') }));
    expect(await frameWith(ko.lastFrame, '안녕, 파드: 디플로이먼트와 서비스')).toContain('(2단계 · ✓ 마침)');
  });

  test('Enter continues, n starts afresh, q quits', async () => {
    const picked: [string, boolean][] = [];
    let quit = false;
    const { lastFrame, stdin } = render(
      createElement(PickerScreen, { lessons: entries(), lang: 'en', text: uiStrings('en'), onPick: (e: LibraryEntry, fresh: boolean) => picked.push([e.scenario.id, fresh]), onQuit: () => (quit = true) }),
    );
    await frameWith(lastFrame, 'my-lesson');
    stdin.write('\x1b[B');
    await frameWith(lastFrame, '▸ canary');
    stdin.write('\r');
    await tick();
    stdin.write('n');
    await tick();
    expect(picked).toEqual([
      ['canary', false],
      ['canary', true],
    ]);
    stdin.write('q');
    await tick();
    expect(quit).toBe(true);
  });

  test('l switches the language, and the lesson then opens in it', async () => {
    const started: string[] = [];
    let runtime: LessonRuntime | undefined;
    const { lastFrame, stdin } = render(
      createElement(App, {
        lang: 'en',
        lessons: entries(),
        startLesson: (_entry: LibraryEntry, _fresh: boolean, lang: 'en' | 'ko') => {
          started.push(lang);
          return (runtime = makeRuntime({ lang }));
        },
        onExit: () => undefined,
      }),
    );
    await frameWith(lastFrame, 'kubelab: choose a lesson');
    stdin.write('l');
    await frameWith(lastFrame, 'kubelab: 실습 고르기');
    stdin.write('\r');
    await frameWith(lastFrame, '단계 1/2');
    await tick(); // the lesson screen's key handler subscribes in an effect after its first frame
    expect(started).toEqual(['ko']);
    await typeLine(stdin, 'kubectl get pods');
    await frameWith(lastFrame, 'No resources found in default namespace.');
    runtime?.stop();
  });
});
