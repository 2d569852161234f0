/**
 * Records what the real kubectl v1.32 prints for the get cases, served by the describe
 * facade (which answers `Accept: as=Table` with kubelab's server-side Tables). Run with
 * KUBELAB_RECORD_REAL_KUBECTL=1 and kubectl v1.32 on PATH; files land in
 * test/fixtures/real-kubectl/get/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { realKubectl } from '../describe/real-kubectl.js';
import { GET_CASES } from './cases.js';

const OUT = join(import.meta.dirname, '../../fixtures/real-kubectl/get');

describe.runIf(process.env.KUBELAB_RECORD_REAL_KUBECTL === '1')('record real kubectl get', () => {
  test.each(GET_CASES)('$name', async (c) => {
    const { cluster, args } = c.build();
    const real = await realKubectl(cluster, args);
    mkdirSync(OUT, { recursive: true });
    const header = `# kubectl ${args.join(' ')}\n# recorded with the real kubectl v1.32.4 against test/kubectl/describe/real-kubectl.ts serving test/kubectl/get/cases.ts "${c.name}"; exit ${real.code}\n`;
    writeFileSync(join(OUT, `${c.name}.txt`), header + real.stdout + (real.stderr ? `--- stderr ---\n${real.stderr}` : ''));
    expect(real.code).toBe(c.code ?? 0);
  });
});
