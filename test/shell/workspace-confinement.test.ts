/**
 * No path leaves the workspace folder: not through redirections, `cd`, globbing or `source`,
 * whether by `..`, absolute paths or symbolic links pointing outside.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskFs } from '../../src/workspace/disk-fs.js';
import { makeSession } from './harness.js';

let root: string;
let work: string;
let outside: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelab-confine-'));
  work = path.join(root, 'work');
  outside = path.join(root, 'outside');
  fs.mkdirSync(work);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret\n');
  fs.writeFileSync(path.join(work, 'in.txt'), 'inside\n');
  fs.symlinkSync(outside, path.join(work, 'link'));
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(work, 'secret-link'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function diskSession() {
  return makeSession({}, { fs: new DiskFs(work) });
}

describe('the workspace confines the shell', () => {
  it('writes `..` and absolute redirections inside the folder', async () => {
    const s = diskSession();
    await s.run('echo a > ../../escape.txt; echo b > /tmp-escape.txt; echo c > ../outside/x.txt');
    expect(fs.existsSync(path.join(root, 'escape.txt'))).toBe(false);
    expect(fs.existsSync(path.join(outside, 'x.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(work, 'escape.txt'), 'utf8')).toBe('a\n');
    expect(fs.readFileSync(path.join(work, 'tmp-escape.txt'), 'utf8')).toBe('b\n');
  });

  it('refuses symbolic links that point outside, for reading and writing', async () => {
    const s = diskSession();
    expect(await s.run('echo x > link/new.txt')).toBe(1);
    expect(await s.run('read l < secret-link')).toBe(1);
    expect(await s.run('echo y >> secret-link')).toBe(1);
    expect(fs.existsSync(path.join(outside, 'new.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(outside, 'secret.txt'), 'utf8')).toBe('secret\n');
    expect(s.err()).toContain("sh: can't create link/new.txt: Permission denied");
  });

  it('keeps cd at the folder root and out of outside links', async () => {
    const s = diskSession();
    await s.run('cd ../../..; pwd; cd /; pwd');
    expect(s.out()).toBe('/\n/\n');
    expect(await s.run('cd link')).toBe(2);
    expect(await s.run('pwd')).toBe(0);
    expect(s.out()).toBe('/\n/\n/\n');
  });

  it('globs only inside the folder', async () => {
    const s = diskSession();
    await s.run('echo ../*; echo /*.txt; echo link/*');
    expect(s.out()).toBe('../in.txt ../link ../secret-link\n/in.txt\nlink/*\n');
  });

  it('cannot source or redirect from outside files', async () => {
    const s = diskSession();
    expect(await s.run(`. ${path.join(outside, 'secret.txt')}`)).toBe(2);
    expect(await s.run('while read l; do echo $l; done < ../outside/secret.txt')).toBe(1);
    expect(s.out()).toBe('');
  });
});
