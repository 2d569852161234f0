/** Busybox texts in busybox containers, file-size limits, the virtual clock, env order, Ctrl-C. */
import { describe, expect, it } from 'vitest';
import { flavor } from '../../../src/shell/utils/common.js';
import { BUSYBOX, real, sim } from './harness.js';

describe('flavor', () => {
  it.each([
    ['busybox', 'busybox'], ['busybox:1.36', 'busybox'], ['docker.io/library/busybox:latest', 'busybox'],
    ['busybox@sha256:abc', 'busybox'], ['nginx:1.14', 'gnu'], ['myrepo/busybox-tools', 'gnu'],
  ])('%s → %s', (image, want) => {
    expect(flavor({ place: { ...BUSYBOX, image } as typeof BUSYBOX })).toBe(want);
  });
  it('the workstation is gnu', () => expect(flavor({ place: { kind: 'workstation' } })).toBe('gnu'));
});

describe('busybox messages', () => {
  it.each([
    [['cat', 'x'], "cat: can't open 'x': No such file or directory\n", 1],
    [['head', 'x'], "head: can't open 'x': No such file or directory\n", 1],
    [['ls', 'x'], 'ls: x: No such file or directory\n', 1],
    [['rm', 'x'], "rm: can't remove 'x': No such file or directory\n", 1],
    [['rm', 'd'], "rm: 'd' is a directory\n", 1],
    [['mkdir', 'd'], "mkdir: can't create directory 'd': File exists\n", 1],
    [['cp', 'x', 'y'], "cp: can't stat 'x': No such file or directory\n", 1],
    [['cp', 'd', 'e'], "cp: omitting directory 'd'\n", 1],
    [['grep', 'a', 'x'], 'grep: x: No such file or directory\n', 2],
    [['sort', 'x'], "sort: can't open 'x': No such file or directory\n", 2],
    [['head', '-n', 'q'], "head: invalid number 'q'\n", 1],
  ])('%j', async (argv, stderr, code) => {
    const r = await sim(argv as string[], { place: BUSYBOX, dirs: ['d'] });
    expect({ stderr: r.stderr, code: r.code }).toEqual({ stderr, code });
  });
});

describe('writing within maxFileBytes', () => {
  it('tee refuses a file over the limit but still copies to stdout', async () => {
    const r = await sim(['tee', 'big'], { stdin: 'x'.repeat(100), maxFileBytes: 10 });
    expect(r).toMatchObject({ stdout: 'x'.repeat(100), stderr: 'tee: big: File too large\n', code: 1 });
    expect(r.fs.stat('big')).toBeUndefined();
  });
  it('tee -a appends', async () => {
    const r = await sim(['tee', '-a', 'log'], { stdin: 'two\n', files: { log: 'one\n' } });
    expect(new TextDecoder().decode(r.fs.readFile('log'))).toBe('one\ntwo\n');
  });
  it('cp refuses a copy over the limit', async () => {
    const r = await sim(['cp', 'a', 'b'], { files: { a: 'y'.repeat(50) }, maxFileBytes: 10 });
    expect(r).toMatchObject({ stderr: "cp: cannot create regular file 'b': File too large\n", code: 1 });
  });
  it('cp -r and mv move whole trees', async () => {
    const r = await sim(['cp', '-r', 'm', 'n'], { files: { 'm/a.yaml': 'a', 'm/sub/b.yaml': 'b' } });
    expect(r.fs.readDir('n/sub')).toEqual(['b.yaml']);
    const r2 = await sim(['mv', 'm', 'k'], { fs: r.fs });
    expect([r2.code, r2.fs.stat('m'), r2.fs.readDir('k')]).toEqual([0, undefined, ['a.yaml', 'sub']]);
  });
});

describe('date on the virtual clock', () => {
  const now = Date.UTC(2025, 7, 19, 9, 0, 10, 123);
  it('prints GNU date’s default form', async () => {
    expect((await sim(['date'], { now })).stdout).toBe('Tue Aug 19 09:00:10 UTC 2025\n');
  });
  const formats = ['+%Y-%m-%dT%H:%M:%SZ', '+%s', '+%a %A %b %B %e %j %u %w %y %C', '+%D %F %T %R %r %p', '+%-d/%-m %_H|%k|%l|%I',
    '+%z %:z %Z', '+%G-W%V', '+%N', '+100%% %Q', '+%c'];
  it.each(formats)('%s matches the real date', async (fmt) => {
    const want = real(['date', '-u', '-d', `@${now / 1000}`, fmt]);
    if (want.code !== 0) return;
    expect((await sim(['date', fmt], { now })).stdout).toBe(want.stdout);
  });
  it('-d @SECONDS, -I and -R', async () => {
    expect((await sim(['date', '-d', '@0', '+%F %T'], { now })).stdout).toBe('1970-01-01 00:00:00\n');
    expect((await sim(['date', '-Iseconds'], { now })).stdout).toBe('2025-08-19T09:00:10+00:00\n');
    expect((await sim(['date', '-R'], { now })).stdout).toBe('Tue, 19 Aug 2025 09:00:10 +0000\n');
  });
});

describe('env', () => {
  it('prints variables in the order they were set, with NAME=value overrides', async () => {
    const env = new Map([['PATH', '/bin'], ['HOME', '/root'], ['A', '1']]);
    expect((await sim(['env', 'B=2'], { env })).stdout).toBe('PATH=/bin\nHOME=/root\nA=1\nB=2\n');
    expect((await sim(['env', '-u', 'HOME'], { env })).stdout).toBe('PATH=/bin\nA=1\n');
    expect((await sim(['printenv', 'HOME', 'NOPE'], { env }))).toMatchObject({ stdout: '/root\n', code: 1 });
  });
  it('says plainly that it cannot run a command', async () => {
    const r = await sim(['env', 'A=1', 'kubectl', 'get', 'pods']);
    expect(r.code).toBe(125);
    expect(r.stderr).toContain('cannot run');
  });
});

describe('interruption and bounds', () => {
  it('seq stops when the signal aborts', async () => {
    const ac = new AbortController();
    ac.abort();
    const r = await sim(['seq', '1000000000'], { signal: ac.signal });
    expect(r.code).toBe(130);
  });
  it('seq stops producing past the output limit', async () => {
    const r = await sim(['seq', '1000000000']);
    expect(r.stdout.length).toBeLessThan(2 << 20);
  });
});
