/**
 * Records what the real kubectl v1.32.4 prints for the verb fixtures that need a server for
 * discovery only (`run --dry-run=client`, `version`), against the describe facade serving a
 * fresh kubelab cluster. Run with KUBELAB_RECORD_REAL_KUBECTL=1; files land in
 * test/fixtures/real-kubectl/verbs/ with the command in their first line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitWords } from '../../../src/cli/split-words.js';
import { Cluster } from '../../../src/cluster/cluster.js';
import { realKubectl } from '../describe/real-kubectl.js';
import { RECORDED } from './recorded-cases.js';

const OUT = join(import.meta.dirname, '../../fixtures/real-kubectl/verbs');


describe.runIf(process.env.KUBELAB_RECORD_REAL_KUBECTL === '1')('record real kubectl verbs', () => {
  test.each(Object.entries(RECORDED))('%s', async (name, line) => {
    const args = splitWords(line);
    const real = await realKubectl(new Cluster({ seed: 1 }), args);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `${name}.txt`), `# kubectl ${line}\n# real kubectl v1.32.4 against test/kubectl/describe/real-kubectl.ts (empty kubelab cluster); exit ${real.code}\n${real.stdout}${real.stderr ? `--- stderr ---\n${real.stderr}` : ''}`);
    expect(real.code).toBeGreaterThanOrEqual(0);
  });
});
