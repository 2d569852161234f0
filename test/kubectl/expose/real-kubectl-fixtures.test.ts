/** `kubectl expose` replayed against the outputs recorded from the real kubectl v1.32.4, byte for byte. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { EXPOSE_CASES, exposeHarness } from './expose-cases.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/real-kubectl/expose');

/** stdout, stderr and exit code of a recorded file (`--- stderr ---` separates the streams). */
function recorded(name: string): { stdout: string; stderr: string; code: number } {
  const text = readFileSync(join(FIXTURES, `${name}.txt`), 'utf8');
  const lines = text.split('\n');
  const code = Number(/exit (\d+)$/.exec(lines[1])![1]);
  const body = lines.slice(2).join('\n');
  const cut = body.indexOf('--- stderr ---\n');
  return cut < 0 ? { stdout: body, stderr: '', code } : { stdout: body.slice(0, cut), stderr: body.slice(cut + 15), code };
}

test.each(Object.entries(EXPOSE_CASES))('%s', async (name, line) => {
  const h = exposeHarness();
  const before = h.cluster.store.list('Service').length;
  const r = await h.kubectl(line);
  const want = recorded(name);
  expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual(want);
  expect(h.cluster.store.list('Service').length).toBe(before);
});
