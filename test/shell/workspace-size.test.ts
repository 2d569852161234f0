/**
 * A workspace has a total bound (WORKSPACE_LIMITS): a loop that writes file after file stops
 * with `No space left on device`, as on a full disk, on disk (run, the TUI) and in memory
 * (grade). On disk only what the session adds counts, and removing files gives space back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiskFs } from '../../src/workspace/disk-fs.js';
import { MemoryFs } from '../../src/workspace/memory-fs.js';
import { WORKSPACE_LIMITS } from '../../src/workspace/workspace-fs.js';
import { makeSession } from './harness.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function folder(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelab-size-'));
  dirs.push(d);
  return d;
}

describe('workspace size limits', () => {
  it('stops a loop of new files at the entry limit, on disk and in memory, and goes on after rm', async () => {
    const work = folder();
    fs.writeFileSync(path.join(work, 'before.txt'), 'not counted\n');
    for (const fsys of [new DiskFs(work), new MemoryFs()]) {
      // The session fills all but three entries; a loop then writes until the disk is "full".
      for (let i = 0; i < WORKSPACE_LIMITS.maxEntries - 3; i++) fsys.writeFile(`f${i}`, '');
      const s = makeSession({}, { fs: fsys });
      const status = await s.run('for i in 1 2 3 4 5 6; do echo $i > g$i || break; done; echo stopped at $i');
      expect(status).toBe(0);
      expect(s.out()).toBe('stopped at 4\n');
      expect(s.err()).toBe("sh: can't create g4: No space left on device\n");
      expect(await s.run('rm f1 f2; echo again > g4 && mkdir d && echo ok')).toBe(0);
      expect(s.out()).toContain('ok\n');
      expect(await s.run('mkdir e')).toBe(1);
      expect(s.err()).toContain('mkdir: cannot create directory ‘e’: No space left on device');
    }
    expect(fs.readdirSync(work).length).toBe(WORKSPACE_LIMITS.maxEntries + 1);
  }, 60_000);

  it('bounds the bytes a session adds; replacing a file counts only the difference', () => {
    const work = folder();
    const disk = new DiskFs(work);
    const sixteen = new Uint8Array(16 * 1024 * 1024);
    const fit = WORKSPACE_LIMITS.maxBytes / sixteen.length;
    for (let i = 0; i < fit; i++) disk.writeFile(`big${i}`, sixteen);
    disk.writeFile('big0', sixteen); // same size again: no growth
    expect(() => disk.writeFile('one-more', 'x')).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    disk.remove('big1');
    disk.writeFile('one-more', 'x');
    const mem = new MemoryFs();
    for (let i = 0; i < fit; i++) mem.writeFile(`big${i}`, sixteen);
    expect(() => mem.writeFile('x', 'x')).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
  });
});
