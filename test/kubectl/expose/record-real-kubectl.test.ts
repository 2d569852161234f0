/**
 * Records what the real kubectl v1.32.4 prints for EXPOSE_CASES against the describe facade
 * (test/kubectl/describe/real-kubectl.ts, GET only: hence `--dry-run=client` or errors found
 * before any write). Run with KUBELAB_RECORD_REAL_KUBECTL=1; files land in
 * test/fixtures/real-kubectl/expose/ with the command in their first line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitWords } from '../../../src/cli/split-words.js';
import { realKubectl } from '../describe/real-kubectl.js';
import { EXPOSE_CASES, exposeHarness, FILE, FILE_TEXT } from './expose-cases.js';

const OUT = join(import.meta.dirname, '../../fixtures/real-kubectl/expose');

describe.runIf(process.env.KUBELAB_RECORD_REAL_KUBECTL === '1')('record real kubectl expose', () => {
  test.each(Object.entries(EXPOSE_CASES))('%s', async (name, line) => {
    mkdirSync(dirname(FILE), { recursive: true });
    writeFileSync(FILE, FILE_TEXT);
    const real = await realKubectl(exposeHarness().cluster, splitWords(line));
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `${name}.txt`), `# kubectl ${line}\n# real kubectl v1.32.4 against test/kubectl/describe/real-kubectl.ts (expose-cases.ts cluster); exit ${real.code}\n${real.stdout}${real.stderr ? `--- stderr ---\n${real.stderr}` : ''}`);
    expect(real.code).toBeGreaterThanOrEqual(0);
  }, 20_000);
});
