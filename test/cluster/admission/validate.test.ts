import { describe, expect, it, test } from 'vitest';
import { decodeObject, defaultObject, imageTag, prepareForUpdate, validateCreate, validateUpdate } from '../../../src/cluster/admission/index.js';
import { invalid as invalidError } from '../../../src/cluster/errors.js';
import { resourceForKind } from '../../../src/cluster/resources.js';
import type { KubeObject } from '../../../src/cluster/types.js';

/** Decodes, sets the namespace and defaults, as the API server does before validation. */
function admit(input: Record<string, unknown>): KubeObject {
  const { object } = decodeObject(input, 'Strict');
  if (resourceForKind(object.kind).namespaced) object.metadata.namespace = 'default';
  defaultObject(object);
  return object;
}

const texts = (obj: KubeObject) => validateCreate(obj).map((c) => `${c.field}: ${c.message}`);

const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const dep = (name = 'web', spec: Record<string, unknown> = {}, labels: Record<string, unknown> = { app: 'web' }) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14' }] } },
    ...spec,
  },
});

describe('defaults (apps/v1 and core/v1 defaults.go)', () => {
  it('defaults a Deployment and its pod template', () => {
    const d = admit(dep()) as any;
    expect(d.spec).toMatchObject({ replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } } });
    expect(d.spec.template.spec).toEqual({
      containers: [{ name: 'nginx', image: 'nginx:1.14', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' }],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
    });
    expect(d.spec.template.spec.enableServiceLinks).toBeUndefined();
    expect(Object.keys(d.spec)).toEqual(['replicas', 'selector', 'template', 'strategy', 'revisionHistoryLimit', 'progressDeadlineSeconds']);
    expect(d.status).toEqual({});
  });
  it('defaults a Service: ClusterIP, None, TCP, targetPort = port, internalTrafficPolicy Cluster', () => {
    const s = admit({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx-service' }, spec: { selector: { app: 'nginx' }, ports: [{ port: 80 }] } }) as any;
    expect(s.spec).toEqual({ ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }], selector: { app: 'nginx' }, type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster' });
    expect(s.status).toEqual({ loadBalancer: {} });
  });
  it('defaults a bare Pod, with the create-time admission plugins', () => {
    const p = admit({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'tmp' }, spec: { containers: [{ name: 'tmp', image: 'busybox' }], restartPolicy: 'Never' } }) as any;
    expect(p.spec.containers[0].imagePullPolicy).toBe('Always');
    expect(p.spec).toMatchObject({ restartPolicy: 'Never', serviceAccountName: 'default', serviceAccount: 'default', enableServiceLinks: true, priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
    expect(p.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });
  it('defaults a configMap volume to mode 420 and a sourceless volume to emptyDir', () => {
    const d = admit(dep('web', {}, { app: 'web' })) as any;
    const withVolumes = admit({ ...dep(), spec: { ...dep().spec, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'n', image: 'nginx' }], volumes: [{ name: 'html', configMap: { name: 'x' } }, { name: 'tmp' }] } } } }) as any;
    expect(d).toBeDefined();
    expect(withVolumes.spec.template.spec.volumes).toEqual([{ name: 'html', configMap: { name: 'x', defaultMode: 420 } }, { name: 'tmp', emptyDir: {} }]);
  });
  test.each([
    ['nginx', 'latest'],
    ['nginx:1.14', '1.14'],
    ['nginx:latest', 'latest'],
    ['registry:5000/team/nginx', 'latest'],
    ['registry:5000/team/nginx:1.15', '1.15'],
    ['nginx@sha256:abcd', ''],
  ])('image %s has tag %j', (image, tag) => {
    expect(imageTag(image)).toBe(tag);
  });
});

describe('validation messages (core and apps validation)', () => {
  it('accepts a valid Deployment', () => {
    expect(texts(admit(dep()))).toEqual([]);
  });
  it('rejects an invalid name as a DNS-1123 subdomain', () => {
    expect(texts(admit(dep('Web_1')))).toEqual([`metadata.name: Invalid value: "Web_1": ${DNS1123_SUBDOMAIN_MSG}`]);
  });
  it('rejects a Service name that is not a DNS-1035 label', () => {
    const s = admit({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1svc' }, spec: { ports: [{ port: 80 }] } });
    expect(texts(s)).toEqual([
      `metadata.name: Invalid value: "1svc": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });
  it('requires a name', () => {
    expect(texts(admit({ ...dep(), metadata: {} }))).toEqual(['metadata.name: Required value: name or generateName is required']);
  });
  it('rejects a bad label value', () => {
    const d = admit({ ...dep(), metadata: { name: 'web', labels: { version: '1.14-' } } });
    expect(texts(d)).toEqual([`metadata.labels: Invalid value: "1.14-": ${LABEL_VALUE_MSG}`]);
  });
  it('rejects a selector that does not match the template labels', () => {
    const d = admit(dep('web', {}, { app: 'x' }));
    expect(texts(d)).toEqual(['spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`']);
  });
  it('rejects an empty selector', () => {
    const d = admit(dep('web', { selector: {} }));
    expect(texts(d)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ]);
  });
  it('requires a selector; a missing one matches no template labels (labels.Nothing())', () => {
    // ValidateDeploymentSpec v1.32 has no early return; seen in the wild as
    // `[spec.selector: Required value, spec.template.metadata.labels: ...]` (MaximilianMeister/kuberneteth#16).
    expect(texts(admit(dep('web', { selector: null })))).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });
  it('rejects negative replicas', () => {
    expect(texts(admit(dep('web', { replicas: -1 })))).toEqual(['spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
  });
  it('requires container name and image, and checks ports', () => {
    const d = admit(dep('web', { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ ports: [{ containerPort: 70000 }, { containerPort: 80, protocol: 'HTTP' }] }] } } }));
    expect(texts(d)).toEqual([
      'spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.template.spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.template.spec.containers[0].name: Required value',
      'spec.template.spec.containers[0].image: Required value',
    ].sort((a, b) => order(a) - order(b)));
  });
  it('requires containers', () => {
    expect(texts(admit(dep('web', { template: { metadata: { labels: { app: 'web' } }, spec: {} } })))).toEqual(['spec.template.spec.containers: Required value']);
  });
  it('rejects a container name that is not a DNS-1123 label and a mount of a missing volume', () => {
    const d = admit(dep('web', { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'Nginx', image: 'nginx', volumeMounts: [{ name: 'html', mountPath: '/x' }] }] } } }));
    expect(texts(d)).toEqual([`spec.template.spec.containers[0].name: Invalid value: "Nginx": ${DNS1123_LABEL_MSG}`, 'spec.template.spec.containers[0].volumeMounts[0].name: Not found: "html"']);
  });
  it('checks Service ports', () => {
    const s = admit({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }, { name: 'b', port: 0, targetPort: 'Http_1' }] } });
    expect(texts(s)).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[1].targetPort: Invalid value: "Http_1": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
    const noPorts = admit({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'x' } } });
    expect(texts(noPorts)).toEqual(['spec.ports: Required value']);
  });
  it('checks ConfigMap keys', () => {
    const cm = admit({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'index html': 'x', '..a': 'y' } });
    expect(texts(cm)).toEqual([
      `data[..a]: Invalid value: "..a": must not start with '..'`,
      `data[index html]: Invalid value: "index html": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ]);
  });
  it('formats the Invalid error: one cause bare, several bracketed', () => {
    const r = resourceForKind('Deployment');
    expect(invalidError(r, 'web', validateCreate(admit(dep('web', { replicas: -1 })))).message).toBe(
      'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(invalidError(r, 'web', validateCreate(admit(dep('web', { replicas: -1 }, { app: 'x' })))).message).toBe(
      'Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`]',
    );
  });
});

function order(text: string): number {
  return ['name: Required', 'image: Required', 'ports[0]', 'ports[1]'].findIndex((k) => text.includes(k));
}

describe('updates', () => {
  it('makes a Deployment selector immutable', () => {
    const old = admit(dep());
    const next = admit(dep('web', { selector: { matchLabels: { app: 'web', color: 'green' } } }, { app: 'web', color: 'green' }));
    prepareForUpdate(next, old);
    expect(validateUpdate(next, old).map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "color":"green"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
  it('keeps status from the old object on a main-resource update', () => {
    const old = admit(dep()) as any;
    old.status = { observedGeneration: 1, replicas: 1 };
    const next = admit(dep('web', { replicas: 3 })) as any;
    next.status = { replicas: 99 };
    prepareForUpdate(next, old);
    expect(next.status).toEqual({ observedGeneration: 1, replicas: 1 });
  });
  it('keeps an allocated clusterIP left out of a Service update, and refuses to change it', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx-service' }, spec: { selector: { app: 'nginx' }, ports: [{ port: 80 }] } };
    const old = admit(svc) as any;
    Object.assign(old.spec, { clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
    const next = admit(svc) as any;
    prepareForUpdate(next, old);
    expect(next.spec).toMatchObject({ clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
    expect(validateUpdate(next, old)).toEqual([]);
    const changed = admit({ ...svc, spec: { ...svc.spec, clusterIP: '10.96.0.30', clusterIPs: ['10.96.0.30'] } });
    prepareForUpdate(changed, old);
    expect(validateUpdate(changed, old).map((c) => `${c.field}: ${c.message}`)).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.30"}: may not change once set']);
  });
});
