import { readFileSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { decodeObject, defaultObject, normalizeObject, validateCreate } from '../../../src/cluster/admission/index.js';
import { ApiError } from '../../../src/cluster/errors.js';
import type { KubeObject } from '../../../src/cluster/types.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const realKubectl = (name: string) => readFileSync(new URL(`../../fixtures/real-kubectl/admission/${name}`, import.meta.url), 'utf8');
const docs = (yamlText: string) => parseAllDocuments(yamlText).map((d) => d.toJS() as Record<string, unknown>);

/** The BadRequest message decodeObject throws, or undefined. */
function decodeError(input: unknown, mode: 'Strict' | 'Warn' | 'Ignore' = 'Strict'): string | undefined {
  try {
    decodeObject(input, mode);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).reason).toBe('BadRequest');
    expect((e as ApiError).code).toBe(400);
    return (e as ApiError).message;
  }
}

const deployment = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'nginx-deployment' },
  spec,
  ...extra,
});

describe('the seed manifests decode, default and validate cleanly', () => {
  test.each(['blue-env.yaml', 'green-env.yaml', 'stable-env.yaml', 'canary-env.yaml', 'stable-env-v115.yaml'])('%s', (file) => {
    for (const doc of docs(fixture(file))) {
      const { object, warnings } = decodeObject(doc, 'Strict');
      expect(warnings).toEqual([]);
      object.metadata.namespace = 'default';
      defaultObject(object);
      expect(validateCreate(object)).toEqual([]);
    }
  });
});

describe('type errors are Go encoding/json UnmarshalTypeErrors (Go 1.23 field paths)', () => {
  const stable = docs(fixture('stable-env.yaml'))[1]!;
  test('unquoted version: 1.14 is a number where a label value must be a string', () => {
    const text = fixture('stable-env.yaml').replace('version: "1.14"', 'version: 1.14');
    const dep = docs(text)[1]!;
    expect(decodeError(dep)).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field ObjectMeta.spec.template.metadata.labels of type string',
    );
  });
  test.each([
    ['replicas: "four"', { replicas: 'four' }, 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['replicas: 1.5', { replicas: 1.5 }, 'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['replicas: 3000000000 overflows int32', { replicas: 3000000000 }, 'json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['paused: "yes"', { paused: 'yes' }, 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool'],
    ['selector: "app=nginx"', { selector: 'app=nginx' }, 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.selector of type v1.LabelSelector'],
    ['strategy.type: 1 (a named string type)', { strategy: { type: 1 } }, 'json: cannot unmarshal number into Go struct field DeploymentStrategy.spec.strategy.type of type v1.DeploymentStrategyType'],
    ['maxSurge: true (IntOrString)', { strategy: { rollingUpdate: { maxSurge: true } } }, 'json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32'],
  ])('%s', (_name, patch, message) => {
    const dep = { ...stable, spec: { ...(stable.spec as object), ...patch } };
    expect(decodeError(dep)).toBe(`Deployment in version "v1" cannot be handled as a Deployment: ${message}`);
  });
  it('names no index for a container field and the struct that holds it', () => {
    const dep = deployment({ selector: { matchLabels: { app: 'x' } }, template: { spec: { containers: [{ name: 'x', image: 5 }] } } });
    expect(decodeError(dep)).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string',
    );
  });
  it('reports an object given for a list with the list type', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: { port: 80 } } };
    expect(decodeError(svc)).toBe('Service in version "v1" cannot be handled as a Service: json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort');
  });
  it('keeps the first type error and ignores unknown fields when there is one', () => {
    const dep = deployment({ replicas: 'four', paused: 'no', foo: 1 });
    expect(decodeError(dep)).toMatch(/DeploymentSpec\.spec\.replicas of type int32$/);
  });
});

describe('strict field validation', () => {
  it('rejects an unknown field with its path (Strict)', () => {
    const dep = deployment({ replica: 3, selector: { matchLabels: { app: 'x' } } });
    expect(decodeError(dep)).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"');
  });
  it('lists several in document order, with indexes and map keys', () => {
    const dep = deployment({ foo: 1, template: { spec: { containers: [{ name: 'x', image: 'nginx', imagePullPolice: 'Always' }] } } }, { bar: true });
    expect(decodeError(dep)).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo", unknown field "spec.template.spec.containers[0].imagePullPolice", unknown field "bar"',
    );
  });
  it('reports duplicate fields found in JSON text', () => {
    const text = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","labels":{"x":"1","x":"2"}},"data":{"k":"v"},"data":{"k":"w"}}';
    expect(decodeError(text)).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: duplicate field "metadata.labels.x", duplicate field "data"');
  });
  it('warns instead in Warn mode and drops the field', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'test-service' }, spec: { selector: null, color: 'green', ports: [{ port: 80 }] } };
    const { object, warnings } = decodeObject(svc, 'Warn');
    expect(warnings).toEqual(['unknown field "spec.color"']);
    expect((object.spec as Record<string, unknown>).color).toBeUndefined();
    expect((object.spec as Record<string, unknown>).selector).toBeUndefined();
  });
  it('drops silently in Ignore mode', () => {
    const { object, warnings } = decodeObject(deployment({ foo: 1 }), 'Ignore');
    expect(warnings).toEqual([]);
    expect(object.spec).toEqual({ template: { metadata: { creationTimestamp: null }, spec: { containers: null } }, strategy: {} });
  });
});

describe('kinds and versions', () => {
  it('rejects a kind kubelab does not model', () => {
    expect(decodeError({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' } })).toBe(
      'no kind "Job" is registered for version "batch/v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
    );
  });
  it('rejects a body without kind', () => {
    expect(decodeError({ apiVersion: 'v1', metadata: { name: 'x' } })).toBe(`Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'`);
  });
  it('rejects a kind in the wrong group version', () => {
    expect(decodeError({ apiVersion: 'v1', kind: 'Deployment', metadata: { name: 'x' } })).toMatch(/^Deployment in version "v1" cannot be handled as a Deployment: no kind "Deployment" is registered for version "v1"/);
  });
});

describe('the stored shape is what Go encodes (struct order, omitempty, value structs)', () => {
  test.each(['create-deployment-x.json', 'create-service-clusterip.json', 'create-configmap.json'])('round trip of real kubectl %s is byte-identical', (file) => {
    const real = JSON.parse(realKubectl(file)) as KubeObject;
    expect(JSON.stringify(normalizeObject(real))).toBe(JSON.stringify(real));
  });
  it('orders keys of a shuffled object by the Go structs', () => {
    const real = JSON.parse(realKubectl('create-deployment-x.json')) as KubeObject;
    const shuffled = JSON.parse(JSON.stringify(real, Object.keys(flatKeys(real)).sort().reverse())) as KubeObject;
    expect(JSON.stringify(normalizeObject(shuffled))).toBe(JSON.stringify(real));
  });
  it('drops zero-valued omitempty fields and keeps pointers to zero', () => {
    const { object } = decodeObject(deployment({ replicas: 0, paused: false, minReadySeconds: 0 }), 'Strict');
    expect(object.spec).toMatchObject({ replicas: 0 });
    expect(Object.keys(object.spec as object)).toEqual(['replicas', 'template', 'strategy']);
  });
});

function flatKeys(value: unknown, out: Record<string, true> = {}): Record<string, true> {
  if (Array.isArray(value)) value.forEach((v) => flatKeys(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out[k] = true;
      flatKeys(v, out);
    }
  }
  return out;
}
