/**
 * The determinism contract, checked on the source: nothing in src/ reads the real clock, real
 * timers or unseeded randomness outside src/cluster/clock.ts and src/cluster/rng.ts (the real-
 * time driver, the grader's wall budget and serve's secret token live there, documented).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
const ALLOWED = new Set(['cluster/clock.ts', 'cluster/rng.ts']);
const FORBIDDEN = /\bDate\.now\(|\bMath\.random\(|\bperformance\.now\(|(?<![.\w])setTimeout\(|(?<![.\w])setInterval\(|\bnew Date\(\)|\brandomBytes\(|\brandomUUID\(|\bprocess\.hrtime/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

it('reads real time and unseeded randomness only in the clock and rng modules', () => {
  const offenders: string[] = [];
  for (const file of files(SRC)) {
    const rel = relative(SRC, file);
    if (ALLOWED.has(rel)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (!/^\s*\*/.test(code) && FORBIDDEN.test(code)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(offenders).toEqual([]);
});
