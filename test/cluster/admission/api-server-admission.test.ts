import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Cluster } from '../../../src/cluster/cluster.js';
import { ApiError } from '../../../src/cluster/errors.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Record<string, unknown>);

describe('admission through the API server', () => {
  it('boots (bootstrap objects pass admission) and creates the seed manifests', () => {
    const cluster = new Cluster({ seed: 1 });
    for (const doc of docs(fixture('stable-env.yaml'))) cluster.api.create(doc, { fieldValidation: 'Strict' });
    const dep = cluster.api.get<any>('Deployment', 'default', 'nginx-deployment');
    expect(dep.spec.strategy.rollingUpdate).toEqual({ maxUnavailable: '25%', maxSurge: '25%' });
    expect(dep.metadata.generation).toBe(1);
  });
  it('fails only the Deployment of stable-env.yaml when version: 1.14 is unquoted', () => {
    const cluster = new Cluster({ seed: 1 });
    const results = docs(fixture('stable-env.yaml').replace('version: "1.14"', 'version: 1.14')).map((doc) => {
      try {
        cluster.api.create(doc, { fieldValidation: 'Strict' });
        return 'created';
      } catch (e) {
        return `${(e as ApiError).reason}: ${(e as ApiError).message}`;
      }
    });
    expect(results).toEqual([
      'created',
      'BadRequest: Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field ObjectMeta.spec.template.metadata.labels of type string',
      'created',
    ]);
  });
  it('rejects an update that changes a Deployment selector, with the Invalid message', () => {
    const cluster = new Cluster({ seed: 1 });
    for (const doc of docs(fixture('blue-env.yaml'))) cluster.api.create(doc);
    const [blue] = docs(fixture('blue-env.yaml'));
    const changed = JSON.parse(JSON.stringify(blue).replaceAll('"blue"', '"green"'));
    expect(() => cluster.api.update(changed)).toThrow(
      'Deployment.apps "test-deployment-blue" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"test-pod", "color":"green"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });
});
