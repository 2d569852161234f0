/**
 * Defaulting as kube-apiserver v1.32 does it (pkg/apis/apps/v1/defaults.go, pkg/apis/core/v1/
 * defaults.go, pkg/apis/discovery/v1/defaults.go), plus the create-time mutations of the
 * default admission plugins on Pods (ServiceAccount, DefaultTolerationSeconds, Priority).
 * Fidelity limit: the ServiceAccount plugin's `kube-api-access-<5>` projected volume and its
 * mounts are not added (they need a random suffix; see the admission README in the report).
 */
import type { KubeObject } from '../types.js';

type Obj = Record<string, any>;

/** Sets the defaults of one object in place (fields only; key order is the caller's). */
export function applyDefaults(obj: KubeObject): void {
  const o = obj as Obj;
  switch (obj.kind) {
    case 'Deployment':
      defaultDeploymentSpec((o.spec ??= {}));
      defaultPodSpec(((o.spec.template ??= {}).spec ??= {}));
      break;
    case 'ReplicaSet':
      o.spec ??= {};
      o.spec.replicas ??= 1;
      defaultPodSpec(((o.spec.template ??= {}).spec ??= {}));
      break;
    case 'Pod':
      defaultPodSpec((o.spec ??= {}));
      defaultBarePod(o);
      break;
    case 'Service':
      defaultService((o.spec ??= {}));
      break;
    case 'Namespace':
      if (obj.metadata.name) (obj.metadata.labels ??= {})['kubernetes.io/metadata.name'] = obj.metadata.name;
      (o.status ??= {}).phase ||= 'Active';
      break;
    case 'Node':
      if (o.status?.capacity && !o.status.allocatable) o.status.allocatable = { ...o.status.capacity };
      break;
    case 'Endpoints':
      for (const subset of o.subsets ?? []) for (const p of subset.ports ?? []) p.protocol ||= 'TCP';
      break;
    case 'EndpointSlice':
      for (const p of o.ports ?? []) {
        p.name ??= '';
        p.protocol ??= 'TCP';
      }
      break;
  }
}

/** SetDefaults_Deployment: 1 replica, RollingUpdate 25%/25%, history 10, deadline 600 s. */
function defaultDeploymentSpec(spec: Obj): void {
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
}

/** SetDefaults_PodSpec and the defaults of everything inside it. */
export function defaultPodSpec(spec: Obj): void {
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])]) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

function defaultContainer(c: Obj): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  for (const p of c.ports ?? []) p.protocol ||= 'TCP';
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) defaultProbe(probe);
  for (const handler of [c.lifecycle?.postStart, c.lifecycle?.preStop]) if (handler?.httpGet) defaultHttpGet(handler.httpGet);
  for (const e of c.env ?? []) if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ||= 'v1';
}

/** SetDefaults_Probe: timeout 1, period 10, success 1, failure 3. */
function defaultProbe(p: Obj): void {
  p.timeoutSeconds ||= 1;
  p.periodSeconds ||= 10;
  p.successThreshold ||= 1;
  p.failureThreshold ||= 3;
  if (p.httpGet) defaultHttpGet(p.httpGet);
}

function defaultHttpGet(h: Obj): void {
  h.path ||= '/';
  h.scheme ||= 'HTTP';
}

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos',
  'csi', 'ephemeral', 'image',
];

/** The volume source fields of a Volume, in Go order. */
export function volumeSources(v: Obj): string[] {
  return VOLUME_SOURCES.filter((k) => v[k] !== undefined && v[k] !== null);
}

/** SetDefaults_Volume (no source → emptyDir) and the 0644 (420) defaultMode of file sources. */
function defaultVolume(v: Obj): void {
  if (volumeSources(v).length === 0) v.emptyDir = {};
  for (const k of ['configMap', 'secret', 'downwardAPI', 'projected']) if (v[k]) v[k].defaultMode ??= 420;
  if (v.hostPath) v.hostPath.type ??= '';
  for (const item of v.downwardAPI?.items ?? []) if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
}

/**
 * The tag `parsers.ParseImageName` finds: `latest` when there is neither tag nor digest.
 * `nginx` → latest, `nginx:1.14` → 1.14, `host:5000/nginx` → latest, `nginx@sha256:…` → "".
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  if (colon >= 0) return name.slice(colon + 1);
  return at >= 0 ? '' : 'latest';
}

/** SetDefaults_Pod and the create-time admission plugins that every real cluster runs. */
function defaultBarePod(pod: Obj): void {
  const spec = pod.spec;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const limits = c.resources?.limits;
    if (limits) {
      c.resources.requests ??= {};
      for (const [k, v] of Object.entries(limits)) c.resources.requests[k] ??= v;
    }
  }
  spec.enableServiceLinks ??= true;
  if (pod.metadata?.uid) return; // the plugins below run on create only
  if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
  spec.serviceAccount = spec.serviceAccountName;
  const tolerations: Obj[] = (spec.tolerations ??= []);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const has = tolerations.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
    if (!has) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
}

/** SetDefaults_Service. */
function defaultService(spec: Obj): void {
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds == null) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  spec.type ||= 'ClusterIP';
  for (const p of spec.ports ?? []) {
    p.protocol ||= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  const external = spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
  if (external) spec.externalTrafficPolicy ||= 'Cluster';
  if (spec.internalTrafficPolicy == null && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}
