/**
 * The keys of the lesson screen. Lesson keys work at any time: Ctrl-T hint, Ctrl-X skip the
 * step, Ctrl-P pause/resume virtual time, Ctrl-O cycle its speed (x1, x2, x5, x10), Ctrl-N
 * switch between English and Korean. Ctrl-C interrupts the running command (or drops the
 * typed line), Ctrl-D on an empty line leaves
 * (or exits a pod's shell). Tab completes the word at the cursor (a second Tab lists the
 * candidates, as bash). The rest edits the prompt's line as readline does; pasted text with
 * newlines runs line by line.
 */
import { useInput, type Key } from 'ink';
import { useReducer, useRef } from 'react';
import { TabCompleter } from './completion/tab-completer.js';
import { screenLayout } from './layout/screen-layout.js';
import { useTerminalSize } from './layout/use-terminal-size.js';
import { LineEditor } from './line-editor.js';
import type { ScreenRuntime } from './screen-runtime.js';

/** Wires keys to the runtime and a line editor; returns the editor (re-rendered on change). */
export function useLessonKeys(runtime: ScreenRuntime, active = true): LineEditor {
  const editor = useRef(new LineEditor()).current;
  const completer = useRef(new TabCompleter()).current;
  // Candidate lists are laid out for the terminal pane's width (narrower beside the panels).
  const { columns, rows } = useTerminalSize();
  const paneColumns = screenLayout(columns, rows).terminal.width;
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useInput(
    (input, key) => {
      handleKey(runtime, editor, input, key, { completer, columns: paneColumns });
      redraw();
    },
    { isActive: active },
  );
  return editor;
}

/** The Tab state of a prompt and the screen width its candidate lists are laid out for. */
export interface TabOptions {
  completer: TabCompleter;
  columns: number;
}

/** Applies one key (or a pasted string) to the runtime and the editor. */
export function handleKey(runtime: ScreenRuntime, editor: LineEditor, input: string, key: Key, tab?: TabOptions): void {
  if (key.tab && !key.shift) return completeAtPrompt(runtime, editor, tab);
  tab?.completer.reset();
  if (key.ctrl && input.length === 1) {
    switch (input) {
      case 'c':
        if (!runtime.interrupt()) {
          runtime.cancelLine(editor.text);
          editor.clear();
        }
        return;
      case 'd':
        if (editor.text === '') void runtime.endOfInput();
        return;
      case 't':
        return runtime.hint();
      case 'x':
        return runtime.skip();
      case 'p':
        return runtime.togglePause();
      case 'o':
        return runtime.cycleSpeed();
      case 'n':
        return runtime.setLang(runtime.lang === 'en' ? 'ko' : 'en');
      case 'a':
        return editor.home();
      case 'e':
        return editor.end();
      case 'b':
        return editor.left();
      case 'f':
        return editor.right();
      case 'u':
        return editor.killToStart();
      case 'k':
        return editor.killToEnd();
      case 'w':
        return editor.killWord();
      default:
        return;
    }
  }
  if (key.return) return void runtime.enter(editor.submit());
  if (key.upArrow) return editor.historyUp();
  if (key.downArrow) return editor.historyDown();
  if (key.leftArrow) return editor.left();
  if (key.rightArrow) return editor.right();
  if (key.home) return editor.home();
  if (key.end) return editor.end();
  // Most terminals send DEL (0x7f) for Backspace, which ink names `delete`.
  if (key.backspace || key.delete) return editor.backspace();
  if (key.tab || key.escape || key.meta || input === '') return;
  const pieces = input.split(/\r\n|\r|\n/);
  pieces.forEach((piece, i) => {
    editor.insert(piece.replace(/[\x00-\x1f\x7f]/g, ''));
    if (i < pieces.length - 1) void runtime.enter(editor.submit());
  });
}

/** Tab: completes the word at the cursor, or lists the candidates (nothing while a command runs). */
function completeAtPrompt(runtime: ScreenRuntime, editor: LineEditor, tab: TabOptions | undefined): void {
  if (!tab || runtime.busy()) return;
  const ctx = runtime.completionContext();
  if (!ctx) return;
  const rows = tab.completer.press(editor, ctx, tab.columns);
  if (rows) runtime.showCompletions(editor.text, rows);
}
