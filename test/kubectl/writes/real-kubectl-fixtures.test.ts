/**
 * Every case recorded from the real kubectl v1.32.4 (test/fixtures/real-kubectl/writes,
 * made by record.sh) replayed through kubelab: same stdout, stderr and exit code, and a
 * failing command leaves the store as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubectlHarness } from '../../helpers/kubectl-harness.js';

const DIR = path.resolve(__dirname, '../../fixtures/real-kubectl/writes');

interface Case {
  command: string;
  stdout: string;
  stderr: string;
  rc: number;
}

function parseCases(file: string): Case[] {
  const text = fs.readFileSync(path.join(DIR, file), 'utf8');
  return text
    .split(/^\$ /m)
    .slice(1)
    .map((block) => {
      const [command, rest] = [block.slice(0, block.indexOf('\n')), block.slice(block.indexOf('\n') + 1)];
      const m = /^-- stdout --\n([\s\S]*?)\n-- stderr --\n([\s\S]*?)\n-- rc --\n(\d+)/.exec(rest)!;
      const nl = (s: string) => (s === '' ? '' : `${s}\n`);
      return { command, stdout: nl(m[1]), stderr: nl(m[2]), rc: Number(m[3]) };
    });
}

const inputs = Object.fromEntries(fs.readdirSync(path.join(DIR, 'inputs')).map((f) => [f, fs.readFileSync(path.join(DIR, 'inputs', f), 'utf8')]));

describe.each(['cases.txt', 'cases-flags.txt'])('%s', (file) => {
  it.each(parseCases(file).map((c) => [c.command, c] as const))('%s', async (_cmd, c) => {
    const h = kubectlHarness({ files: inputs });
    const before = JSON.stringify(h.cluster.store.dump());
    const r = await h.kubectl(c.command);
    expect({ stdout: r.stdout, stderr: r.stderr, rc: r.code }).toEqual({ stdout: c.stdout, stderr: c.stderr, rc: c.rc });
    if (c.rc !== 0) expect(JSON.stringify(h.cluster.store.dump())).toBe(before);
  });
});
