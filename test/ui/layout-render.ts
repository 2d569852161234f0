/** Rendering the lesson screen at a fixed terminal size (ink-testing-library's stdout has no rows). */
import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import { createElement } from 'react';
import type { LessonRuntime } from '../../src/ui/lesson-runtime.js';
import { LessonScreen } from '../../src/ui/lesson-screen.js';

/** A stdout of `columns` x `rows` that keeps the last frame ink wrote. */
class SizedStdout extends EventEmitter {
  frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
  };
  lastFrame = () => this.frames[this.frames.length - 1];
  /** Changes the size and tells ink, as a terminal's SIGWINCH does. */
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** A stdin ink can read keys from. */
class KeyStdin extends EventEmitter {
  isTTY = true;
  data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

/** The lesson screen of `runtime` in a `columns` x `rows` terminal. */
export function renderSized(runtime: LessonRuntime, columns: number, rows: number, noColor?: boolean) {
  const stdout = new SizedStdout(columns, rows);
  const stdin = new KeyStdin();
  const instance = inkRender(createElement(LessonScreen, { runtime, onExit: () => undefined, noColor }), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new SizedStdout(columns, rows) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return { stdout, stdin, lastFrame: stdout.lastFrame, unmount: () => instance.unmount() };
}
