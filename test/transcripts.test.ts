/**
 * Runs every transcript under test/transcripts/ and compares what kubelab prints with what the
 * file says, command by command. `UPDATE_TRANSCRIPTS=1 npx vitest run test/transcripts.test.ts`
 * rewrites the expectations locally; CI never does. `UPDATE_TRANSCRIPTS=lessons/` rewrites only
 * the files whose path contains that text (recordings from the real kubectl must stay as recorded).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTranscript, outputMatches, parseTranscript } from '../src/transcript/transcript.js';
import { replayTranscript } from '../src/transcript/run-transcript.js';

const ROOT = path.join(import.meta.dirname, 'transcripts');
const UPDATE_FILTER = process.env.CI ? undefined : process.env.UPDATE_TRANSCRIPTS;
const shouldUpdate = (rel: string) => UPDATE_FILTER !== undefined && UPDATE_FILTER !== '' && (UPDATE_FILTER === '1' || rel.includes(UPDATE_FILTER));

function transcriptFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? transcriptFiles(path.join(dir, e.name)) : e.name.endsWith('.txt') ? [path.join(dir, e.name)] : []))
    .sort();
}

describe('transcripts', () => {
  const files = transcriptFiles(ROOT);
  it('has transcripts to run', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    it(path.relative(ROOT, file), async () => {
      const expected = parseTranscript(fs.readFileSync(file, 'utf8'));
      const actual = await replayTranscript(expected);
      if (shouldUpdate(path.relative(ROOT, file))) {
        fs.writeFileSync(file, formatTranscript({ ...actual, steps: actual.steps }));
        return;
      }
      expected.steps.forEach((step, i) => {
        const got = actual.steps[i];
        const label = `${step.prompt ?? '$ '}${step.command}`;
        expect(`${label} → prompt ${JSON.stringify(got.prompt ?? '$ ')}`).toBe(`${label} → prompt ${JSON.stringify(step.prompt ?? '$ ')}`);
        if (!outputMatches(step.output, got.output)) expect(`${label}\n${got.output}`).toBe(`${label}\n${step.output}`);
        expect(`${label} → exit ${got.exit}`).toBe(`${label} → exit ${step.exit}`);
        // Error transcripts: a rejected command changes nothing in the cluster.
        if (file.includes(`${path.sep}errors${path.sep}`) && step.exit !== 0) {
          expect(`${label} changed the cluster: ${actual.changedCluster[i]}`).toBe(`${label} changed the cluster: false`);
        }
      });
    });
  }
});
