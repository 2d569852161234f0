import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../../src/cluster/patch/index.js';
import { createThreeWayMergePatch } from '../../../src/cluster/patch/three-way.js';
import { ApiError } from '../../../src/cluster/errors.js';
import type { KubeObject } from '../../../src/cluster/types.js';

const svc = (): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'test-service', namespace: 'default' },
  spec: { ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }], selector: { app: 'test-pod', color: 'blue' } },
});

const deploy = (): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd', namespace: 'default' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'x' } },
    template: {
      metadata: { labels: { app: 'x' } },
      spec: {
        containers: [
          { name: 'a', image: 'nginx:1.14', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
          { name: 'b', image: 'busybox' },
        ],
        volumes: [{ name: 'html', configMap: { name: 'stable-html' } }],
      },
    },
  },
});

describe('strategic merge patch (notes §9)', () => {
  it('merges selector keys', () => {
    expect(applyPatch(svc(), 'strategic', { spec: { selector: { color: 'green' } } }).spec).toMatchObject({ selector: { app: 'test-pod', color: 'green' } });
  });
  it('null deletes a key', () => {
    expect((applyPatch(svc(), 'strategic', { spec: { selector: { app: null } } }).spec as any).selector).toEqual({ color: 'blue' });
  });
  it('$patch: replace replaces the whole map', () => {
    expect((applyPatch(svc(), 'strategic', { spec: { selector: { $patch: 'replace', color: 'green' } } }).spec as any).selector).toEqual({ color: 'green' });
  });
  it('a misindented patch file removes the selector and adds spec.color', () => {
    const out = applyPatch(svc(), 'strategic', { spec: { selector: null, color: 'green' } }).spec as any;
    expect(out.selector).toBeUndefined();
    expect(out.color).toBe('green');
  });
  it('JSON patch replace gives the same selector; merge patch too', () => {
    expect((applyPatch(svc(), 'json', [{ op: 'replace', path: '/spec/selector/color', value: 'green' }]).spec as any).selector).toEqual({ app: 'test-pod', color: 'green' });
    expect((applyPatch(svc(), 'merge', { spec: { selector: { color: 'green' } } }).spec as any).selector).toEqual({ app: 'test-pod', color: 'green' });
  });
  it('containers merge by name, env by name, ports by containerPort', () => {
    const out = applyPatch(deploy(), 'strategic', {
      spec: { template: { spec: { containers: [{ name: 'a', image: 'nginx:1.15', env: [{ name: 'B', value: '3' }], ports: [{ containerPort: 81 }] }] } } },
    }) as any;
    const [a, b] = out.spec.template.spec.containers;
    expect(a.image).toBe('nginx:1.15');
    expect(a.env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '3' }]);
    // mergeSortedSlice puts patch items not in the server order first (as real kubectl: see fixtures).
    expect(a.ports).toEqual([{ containerPort: 81 }, { containerPort: 80 }]);
    expect(b).toEqual({ name: 'b', image: 'busybox' });
  });
  it('$patch: delete removes a list item by merge key; $setElementOrder orders', () => {
    const out = applyPatch(deploy(), 'strategic', {
      spec: { template: { spec: { containers: [{ name: 'b', $patch: 'delete' }] } } },
    }) as any;
    expect(out.spec.template.spec.containers.map((c: any) => c.name)).toEqual(['a']);
    const ordered = applyPatch(deploy(), 'strategic', { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] } } } }) as any;
    expect(ordered.spec.template.spec.containers.map((c: any) => c.name)).toEqual(['b', 'a']);
  });
  it('atomic lists (tolerations) are replaced; $deleteFromPrimitiveList removes finalizers', () => {
    const o = deploy();
    o.metadata.finalizers = ['a', 'b'];
    (o.spec as any).template.spec.tolerations = [{ key: 'x' }, { key: 'y' }];
    const out = applyPatch(o, 'strategic', { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] }, spec: { template: { spec: { tolerations: [{ key: 'z' }] } } } }) as any;
    expect(out.metadata.finalizers).toEqual(['b']);
    expect(out.spec.template.spec.tolerations).toEqual([{ key: 'z' }]);
  });
  it('$retainKeys clears keys of the strategy struct', () => {
    const o = deploy();
    (o.spec as any).strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } };
    const out = applyPatch(o, 'strategic', { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }) as any;
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
  });
  it('errors: missing merge key is a 500 without reason; JSON patch failures are a 422 without causes', () => {
    const e1 = catchErr(() => applyPatch(svc(), 'strategic', { spec: { ports: [{ $patch: 'delete' }] } }));
    expect(e1).toMatchObject({ code: 500, message: 'map: map[$patch:delete] does not contain declared merge key: port' });
    const e2 = catchErr(() => applyPatch(svc(), 'json', [{ op: 'remove', path: '/spec/nope' }]));
    expect(e2).toMatchObject({ code: 422, reason: 'Invalid', message: 'the server rejected our request due to an error in our request' });
    const e3 = catchErr(() => applyPatch(svc(), 'json', { op: 'add' }));
    expect(e3).toMatchObject({ code: 400, message: 'error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp' });
  });
});

describe('three-way merge patch (client-side apply)', () => {
  const cfg = () => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'test-service', namespace: 'default' }, spec: { ports: [{ port: 80, targetPort: 8080 }], selector: { app: 'test-pod', color: 'blue' } } });
  it('is empty when nothing changed', () => {
    const live = { ...svc(), spec: { ...svc().spec as object, clusterIP: '10.96.0.10', type: 'ClusterIP' } };
    expect(createThreeWayMergePatch(cfg(), cfg(), live as any)).toEqual({});
  });
  it('reverts a live change the config does not share', () => {
    const live = svc();
    (live.spec as any).selector.color = 'green';
    expect(createThreeWayMergePatch(cfg(), cfg(), live as any)).toEqual({ spec: { selector: { color: 'blue' } } });
  });
  it('deletes what left the config, keeps what the server added', () => {
    const original = cfg();
    const modified = cfg();
    delete (modified.spec.selector as any).color;
    const live = { ...svc(), spec: { ...svc().spec as object, clusterIP: '10.96.0.10' } };
    expect(createThreeWayMergePatch(original, modified, live as any)).toEqual({ spec: { selector: { color: null } } });
  });
  it('lists by merge key get $setElementOrder and delete directives', () => {
    const mk = (names: string[]) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: { containers: names.map((n) => ({ name: n, image: `${n}:1` })) } } } });
    const p = createThreeWayMergePatch(mk(['a', 'b']), mk(['a', 'c']), mk(['a', 'b']) as any);
    expect(p).toEqual({ spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'a' }, { name: 'c' }], containers: [{ name: 'c', image: 'c:1' }, { $patch: 'delete', name: 'b' }] } } } });
    const applied = applyPatch(mk(['a', 'b']) as any, 'strategic', p) as any;
    expect(applied.spec.template.spec.containers).toEqual([{ name: 'a', image: 'a:1' }, { name: 'c', image: 'c:1' }]);
  });
});

function catchErr(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('no error');
}
