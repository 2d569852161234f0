/**
 * Records what the real kubectl v1.32.4 `explain` prints over kubelab's vendored schemas
 * (openapi-facade.ts). Run with KUBELAB_RECORD_REAL_KUBECTL=1; files land in
 * test/fixtures/real-kubectl/explain/ with the command in their first line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitWords } from '../../../src/cli/split-words.js';
import { EXPLAIN_CASES } from './explain-cases.js';
import { realKubectlExplain } from './openapi-facade.js';

const OUT = join(import.meta.dirname, '../../fixtures/real-kubectl/explain');

describe.runIf(process.env.KUBELAB_RECORD_REAL_KUBECTL === '1')('record real kubectl explain', () => {
  test.each(Object.entries(EXPLAIN_CASES))('%s', async (name, line) => {
    const real = await realKubectlExplain(splitWords(line));
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `${name}.txt`), `# kubectl ${line}\n# real kubectl v1.32.4 against test/kubectl/explain/openapi-facade.ts (kubelab's schemas); exit ${real.code}\n${real.stdout}${real.stderr ? `--- stderr ---\n${real.stderr}` : ''}`);
    expect(real.code).toBeGreaterThanOrEqual(0);
  }, 20_000);
});
