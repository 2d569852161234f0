/** The locale, the line editor, the real-time ShellTime, Markdown and the output buffer. */
import { describe, expect, test } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { realTime } from '../../src/shell/real-time.js';
import { LineEditor } from '../../src/ui/line-editor.js';
import { inlineSpans, markdownBlocks } from '../../src/ui/markdown-text.js';
import { OutputBuffer, terminalText } from '../../src/ui/output-buffer.js';
import { localeLang } from '../../src/ui/strings.js';
import { tick } from './ui-helpers.js';

describe('locale', () => {
  test('the default language follows the locale', () => {
    expect(localeLang({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(localeLang({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(localeLang({})).toBe('en');
  });
});

describe('line editor', () => {
  test('history keeps the draft below the newest entry and skips repeats', () => {
    const e = new LineEditor();
    e.insert('one');
    e.submit();
    e.insert('two');
    e.submit();
    e.insert('two');
    e.submit();
    e.insert('dra');
    e.historyUp();
    expect(e.text).toBe('two');
    e.historyUp();
    expect(e.text).toBe('one');
    e.historyUp();
    expect(e.text).toBe('one');
    e.historyDown();
    e.historyDown();
    expect(e.text).toBe('dra');
    expect(e.entries()).toEqual(['one', 'two']);
  });

  test('cursor editing and kills', () => {
    const e = new LineEditor();
    e.insert('kubectl get pods');
    e.killWord();
    expect(e.text).toBe('kubectl get ');
    e.home();
    e.right();
    e.insert('X');
    expect(e.view()).toEqual({ before: 'kX', at: 'u', after: 'bectl get ' });
    e.killToEnd();
    expect(e.text).toBe('kX');
    e.insert('파드');
    e.backspace();
    expect(e.text).toBe('kX파');
    e.killToStart();
    expect(e.text).toBe('');
    expect(e.view().at).toBe(' ');
  });
});

describe('realTime ShellTime', () => {
  test('sleep resolves when the driven clock gets there, or at once on abort', async () => {
    const cluster = new Cluster({ seed: 1 });
    const time = realTime(cluster, { tick: () => undefined });
    let done = false;
    void time.sleep(1000, new AbortController().signal).then(() => (done = true));
    cluster.advance(999);
    await tick();
    expect(done).toBe(false);
    cluster.advance(1);
    await tick();
    expect(done).toBe(true);
    const abort = new AbortController();
    let aborted = false;
    const before = cluster.clock.pending();
    void time.sleep(60_000, abort.signal).then(() => (aborted = true));
    abort.abort();
    await tick();
    expect(aborted).toBe(true);
    expect(cluster.clock.pending()).toBe(before);
  });

  test('now() asks the driver to catch up first', () => {
    const cluster = new Cluster({ seed: 1 });
    const start = cluster.clock.now();
    const time = realTime(cluster, { tick: () => cluster.advance(250) });
    expect(time.now()).toBe(start + 250);
  });
});

describe('rendering helpers', () => {
  test('Markdown blocks and inline spans', () => {
    expect(markdownBlocks('# Title\nline one\nline two\n\n```\nkubectl get pods\n```\n')).toEqual([
      { kind: 'heading', text: 'Title' },
      { kind: 'paragraph', text: 'line one line two' },
      { kind: 'code', text: 'kubectl get pods' },
    ]);
    expect(inlineSpans('run `kubectl apply`, **then** *wait*')).toEqual([
      { kind: 'plain', text: 'run ' },
      { kind: 'code', text: 'kubectl apply' },
      { kind: 'plain', text: ', ' },
      { kind: 'bold', text: 'then' },
      { kind: 'plain', text: ' ' },
      { kind: 'em', text: 'wait' },
    ]);
  });

  test('output: partial lines, tabs, carriage returns', () => {
    const out = new OutputBuffer();
    out.write('a\tb\nhal');
    expect(out.lines().map((l) => l.text)).toEqual(['a       b']);
    expect(out.partial()).toBe('hal');
    out.write('f\r\n');
    expect(out.lines().map((l) => l.text)).toEqual(['a       b', 'half']);
    expect(terminalText('10%\r50%\r100%')).toBe('100%');
  });
});
