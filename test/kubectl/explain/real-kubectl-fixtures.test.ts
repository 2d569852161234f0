/**
 * `kubectl explain` replayed against the real kubectl v1.32.4's output over the same schemas
 * (see openapi-facade.ts): the template port, wrapping, errors and exit codes, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { kubectlHarness } from '../../helpers/kubectl-harness.js';
import { EXPLAIN_CASES } from './explain-cases.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/real-kubectl/explain');

function recorded(name: string): { stdout: string; stderr: string; code: number } {
  const lines = readFileSync(join(FIXTURES, `${name}.txt`), 'utf8').split('\n');
  const code = Number(/exit (\d+)$/.exec(lines[1])![1]);
  const body = lines.slice(2).join('\n');
  const cut = body.indexOf('--- stderr ---\n');
  return cut < 0 ? { stdout: body, stderr: '', code } : { stdout: body.slice(0, cut), stderr: body.slice(cut + 15), code };
}

test.each(Object.entries(EXPLAIN_CASES))('%s', async (name, line) => {
  const r = await kubectlHarness().kubectl(line);
  expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual(recorded(name));
});
