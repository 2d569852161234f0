/** session.jsonl after a kill -9 in the middle of a write: the torn last line is ignored on load and cut off before the next append. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropTornTail, readSessionFile, SessionRecorder } from '../../src/ui/session-recorder.js';

function workdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kubelab-journal-'));
}

describe('a torn journal', () => {
  it('reads every complete line and ignores the torn one', () => {
    const dir = workdir();
    const file = path.join(dir, 'session.jsonl');
    fs.writeFileSync(file, '{"line":"kubectl apply -f blue-env.yaml","at":100}\n{"line":"kubectl get po","at":200}\n{"line":"kubectl rollo');
    expect(readSessionFile(file).map((r) => r.line)).toEqual(['kubectl apply -f blue-env.yaml', 'kubectl get po']);
  });

  it('a record cut just before its newline is torn too (the newline makes it count)', () => {
    const dir = workdir();
    const file = path.join(dir, 'session.jsonl');
    fs.writeFileSync(file, '{"line":"a","at":1}\n{"line":"b","at":2}');
    expect(readSessionFile(file).map((r) => r.line)).toEqual(['a']);
  });

  it('the recorder cuts the torn tail before appending, so the file stays valid JSONL', () => {
    const dir = workdir();
    const file = path.join(dir, 'session.jsonl');
    fs.writeFileSync(file, '{"line":"a","at":1}\n{"li');
    const rec = new SessionRecorder(dir);
    rec.record('b', 2);
    rec.close();
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toBe('{"line":"a","at":1}\n{"line":"b","at":2}\n');
    for (const line of text.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('dropTornTail leaves whole files and missing files alone', () => {
    const dir = workdir();
    const file = path.join(dir, 'session.jsonl');
    expect(dropTornTail(file)).toBe(0);
    fs.writeFileSync(file, '{"line":"a","at":1}\n');
    expect(dropTornTail(file)).toBe(0);
    fs.writeFileSync(file, '');
    expect(dropTornTail(file)).toBe(0);
    fs.writeFileSync(file, '{"line"');
    expect(dropTornTail(file)).toBe(7);
    expect(fs.readFileSync(file, 'utf8')).toBe('');
  });
});
