/**
 * Records what the real kubectl v1.32 prints for the describe fixtures, against a snapshot of
 * the same fixture clusters served over HTTP. Run with KUBELAB_RECORD_REAL_KUBECTL=1 on a
 * machine with kubectl v1.32 on PATH; the files land in test/fixtures/real-kubectl/describe/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DESCRIBE_CASES } from './cases.js';
import { realKubectl } from './real-kubectl.js';

const OUT = join(import.meta.dirname, '../../fixtures/real-kubectl/describe');

describe.runIf(process.env.KUBELAB_RECORD_REAL_KUBECTL === '1')('record real kubectl describe', () => {
  test.each(DESCRIBE_CASES)('$name', async (c) => {
    const { cluster, args } = c.build();
    const real = await realKubectl(cluster, args);
    mkdirSync(OUT, { recursive: true });
    const header = `# kubectl ${args.join(' ')}\n# recorded with the real kubectl v1.32.4 against test/kubectl/describe/real-kubectl.ts serving cases.ts "${c.name}"; exit ${real.code}\n`;
    writeFileSync(join(OUT, `${c.name}.txt`), header + real.stdout + (real.stderr ? `--- stderr ---\n${real.stderr}` : ''));
    expect(real.code).toBe(c.code ?? 0);
  });
});
