/**
 * kubelab's `kubectl get` against what the real kubectl v1.32.4 printed for the same cluster
 * (test/fixtures/real-kubectl/get, recorded by record-real-kubectl.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { GET_CASES } from './cases.js';

const DIR = join(import.meta.dirname, '../../fixtures/real-kubectl/get');

test.each(GET_CASES)('$name matches the real kubectl byte for byte', async (c) => {
  const recorded = readFileSync(join(DIR, `${c.name}.txt`), 'utf8').split('\n').slice(2).join('\n');
  const { h, args } = c.build();
  const r = await h.kubectl(args.join(' '));
  const ours = r.stdout + (r.stderr ? `--- stderr ---\n${r.stderr}` : '');
  expect(ours).toBe(recorded);
  expect(r.code).toBe(c.code ?? 0);
});
