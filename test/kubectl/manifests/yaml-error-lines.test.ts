/** go-yaml v2 error lines for unclosed flows and keys without ":" (each case checked with the real kubectl v1.32.4 offline; see test/transcripts/errors/broken-yaml.txt). */
import { describe, expect, it } from 'vitest';
import { yamlError } from './yaml-error.js';

const err = yamlError;

describe('go-yaml error lines', () => {
  it('an unclosed flow after a closed item fails at the next token', () => {
    expect(err('kind: Service\nspec:\n  ports: [{port: 80}\n  selector:\n    app: web\n')).toBe("error converting YAML to JSON: yaml: line 3: did not find expected ',' or ']'");
    expect(err('args: ["-g", "daemon off;"\n\nports:\n- 80\n')).toBe("error converting YAML to JSON: yaml: line 2: did not find expected ',' or ']'");
  });
  it('an unclosed flow after a plain scalar fails at the next `: `', () => {
    expect(err('metadata:\n  labels: {app: web, tier: frontend\ndata:\n  a: b\n')).toBe("error converting YAML to JSON: yaml: line 2: did not find expected ',' or '}'");
    expect(err('a: [1, 2\n')).toBe("error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'");
  });
  it('a key without a colon at the start of its line', () => {
    expect(err('apiVersion: v1\nkind: ConfigMap\nmetadata\n  name: web-html\n')).toBe("error converting YAML to JSON: yaml: line 4: could not find expected ':'");
    expect(err('metadata:\n  name: web\n   labels:\n    app: web\n')).toBe('error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context');
  });
});
