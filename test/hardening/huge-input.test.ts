/**
 * Huge files (issue 8, "files that are ... huge"): 5 MB of YAML is too big for a transcript, so
 * these run here. Each command must answer within seconds, with kubectl's error and a non-zero
 * exit, and leave the cluster as it was.
 */
import { describe, expect, it } from 'vitest';
import { replayTranscript } from '../../src/transcript/run-transcript.js';
import type { Transcript } from '../../src/transcript/transcript.js';

const MB = 1024 * 1024;

/** A ConfigMap whose data holds `bytes` of text in 1 KiB values. */
function bigConfigMap(name: string, bytes: number): string {
  const lines = [`apiVersion: v1`, `kind: ConfigMap`, `metadata:`, `  name: ${name}`, `data:`];
  const value = 'x'.repeat(1000);
  for (let i = 0; i * 1000 < bytes; i++) lines.push(`  k${i}: ${value}`);
  return lines.join('\n') + '\n';
}

async function run(commands: string[], files: Record<string, string>) {
  const t: Transcript = { header: [], steps: commands.map((command) => ({ command, output: '', exit: 0 })), files };
  return replayTranscript(t);
}

describe('5 MB of YAML', () => {
  it('one 5 MB ConfigMap answers quickly, in one short message, without a stack trace', async () => {
    const started = performance.now();
    const r = await run(['kubectl apply -f big.yaml', 'kubectl get configmaps -o name'], { 'big.yaml': bigConfigMap('big', 5 * MB) });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(r.steps[0].output.length).toBeLessThan(2000);
    expect(r.steps[0].output).not.toMatch(/\bat .*\.(ts|js):\d+/);
  }, 60_000);

  // A real API server refuses a body over 3 MiB (apiserver MaxRequestBodyBytes:
  // `Request entity too large: limit is 3145728`, 413) before decoding it.
  it('one 5 MB ConfigMap is refused as by a real API server, and nothing is stored', async () => {
    const r = await run(['kubectl apply -f big.yaml', 'kubectl get configmaps -o name'], { 'big.yaml': bigConfigMap('big', 5 * MB) });
    expect(r.steps[0]).toMatchObject({
      exit: 1,
      output: 'Error from server (RequestEntityTooLarge): error when creating "big.yaml": Request entity too large: limit is 3145728\n',
    });
    expect(r.steps[1].output).toBe('configmap/kube-root-ca.crt\n');
  }, 60_000);

  it('5 MB of broken YAML fails at the first error, with its line', async () => {
    const text = bigConfigMap('big', 5 * MB) + '  broken: [unclosed\n  next: value\n';
    const r = await run(['kubectl apply -f broken.yaml'], { 'broken.yaml': text });
    expect(r.steps[0].exit).toBe(1);
    expect(r.steps[0].output).toMatch(/^error: error parsing broken\.yaml: error converting YAML to JSON: yaml: line \d+: /);
    expect(r.changedCluster[0]).toBe(false);
  }, 60_000);

  it('a 5 MB binary file is refused as control characters', async () => {
    const bytes = Array.from({ length: 5 * MB }, (_, i) => String.fromCharCode(i % 32 === 9 || i % 32 === 10 ? 1 : i % 32));
    const r = await run(['kubectl apply -f blob.yaml'], { 'blob.yaml': bytes.join('') });
    expect(r.steps[0]).toMatchObject({ exit: 1, output: 'error: error parsing blob.yaml: error converting YAML to JSON: yaml: control characters are not allowed\n' });
  }, 60_000);
});
