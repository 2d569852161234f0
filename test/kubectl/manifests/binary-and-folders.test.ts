/** Binary manifests and folders without manifests, as the real kubectl v1.32.4 reports them offline (test/transcripts/errors/yaml-shapes.txt). */
import { describe, expect, it } from 'vitest';
import { yamlError } from './yaml-error.js';
import { replayTranscript } from '../../../src/transcript/run-transcript.js';
import { parseTranscript } from '../../../src/transcript/transcript.js';

const err = yamlError;

describe('control characters', () => {
  it('are refused before any parsing, with no line', () => {
    expect(err('\x7fELF\x02\x01')).toBe('error converting YAML to JSON: yaml: control characters are not allowed');
    expect(err('kind: ConfigMap\nmetadata:\n  name: a\x00b\n')).toBe('error converting YAML to JSON: yaml: control characters are not allowed');
  });
  it('tabs, CR, NEL, non-ASCII letters and emoji are printable', () => {
    expect(err('a: b\t# c\r\nd: "é 한 \u{1F600}"\n')).toBe('no error');
  });
});

describe('folders without .json, .yaml or .yml files', () => {
  it('fail only when no earlier -f gave a file', async () => {
    const t = await replayTranscript(
      parseTranscript(
        '$ mkdir d\n$ kubectl apply -f d\n$ kubectl apply -f d -f cm.yaml\n$ kubectl apply -f cm.yaml -f d\n-- cm.yaml --\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
      ),
    );
    const msg = 'error: error reading [d]: recognized file extensions are [.json .yaml .yml]\n';
    expect(t.steps.map((s) => [s.output, s.exit])).toEqual([['', 0], [msg, 1], [msg, 1], ['configmap/a created\n', 0]]);
  });
});
