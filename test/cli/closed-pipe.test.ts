/**
 * `kubelab run script | head -1`: when the reader goes away kubelab ends quietly with status
 * 141, as SIGPIPE ends a Unix tool, and no EPIPE stack trace reaches the terminal.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli/main.js');

test('a closed stdout ends kubelab run with 141 and nothing on stderr', async () => {
  expect(fs.existsSync(CLI)).toBe(true);
  const child = spawn(process.execPath, [CLI, 'run', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end('seq 200000\n');
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  // Read the first chunk, then close the pipe as `head -1` does.
  const first = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d))));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(first.startsWith('1\n')).toBe(true);
  expect(stderr).toBe('');
  expect(code).toBe(141);
}, 30_000);
