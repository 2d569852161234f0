/**
 * What the real kubectl v1.32.4 printed against `kubelab serve` for the seed lessons'
 * commands (test/fixtures/real-kubectl/serve/lesson-session.txt, recorded by
 * real-kubectl-serve.test.ts), replayed through kubelab's own kubectl on an identical cluster.
 * Runs without kubectl, so machines without it still check fidelity against the recording.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { splitWords } from '../../src/cli/split-words.js';
import { DEFAULT_START_MS } from '../../src/cluster/clock.js';
import { Cluster } from '../../src/cluster/cluster.js';
import { runKubectl } from '../../src/kubectl/kubectl.js';
import { parseTranscript } from '../../src/transcript/transcript.js';
import { MemoryFs } from '../../src/workspace/memory-fs.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/real-kubectl/serve/lesson-session.txt');

it('kubelab prints what the real kubectl printed against kubelab serve', async () => {
  const t = parseTranscript(readFileSync(FIXTURE, 'utf8'));
  expect(t.steps.length).toBeGreaterThan(20);
  const cluster = new Cluster({ seed: 3, startMs: DEFAULT_START_MS });
  const fs = new MemoryFs(t.files);
  for (const step of t.steps) {
    cluster.advance(10_000);
    let out = '';
    const code = await runKubectl(splitWords(step.command).slice(1), { cluster, fs, stdout: (s) => (out += s), stderr: (s) => (out += s) });
    // A transcript ends every output with a newline (jsonpath prints none).
    const masked = out.replace(/uid: [0-9a-f-]{36}/g, 'uid: <uid>').replace(/([^\n])$/, '$1\n');
    expect(`$ ${step.command}\n${masked}[exit ${code}]`).toBe(`$ ${step.command}\n${step.output}[exit ${step.exit}]`);
  }
});
