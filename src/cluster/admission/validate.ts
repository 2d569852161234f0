/**
 * Per-kind create and update validation (pkg/apis/apps/validation, pkg/apis/core/validation,
 * and the registry strategies' ValidateUpdate). Causes are deduplicated by text, as
 * field.ErrorList.ToAggregate does.
 */
import type { FieldCause } from '../errors.js';
import { selectorMatches } from '../selectors.js';
import type { KubeObject } from '../types.js';
import {
  forbidden, goLabelSelector, goStringMap, GoValue, invalid, tooLong, isConfigMapKey, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain,
  isQualifiedName, notSupported, required, validateLabels, duplicate,
} from './field-errors.js';
import { validatePodSpec, validatePortNumOrName } from './validate-pod.js';

type Obj = Record<string, any>;

const NAME_FN: Record<string, (v: string) => string[]> = {
  Service: isDNS1035Label,
  Namespace: isDNS1123Label,
};

/** ValidateObjectMeta (name, generateName, labels, annotation keys). */
function validateMeta(obj: KubeObject): FieldCause[] {
  const out: FieldCause[] = [];
  const meta = obj.metadata;
  const nameFn = NAME_FN[obj.kind] ?? isDNS1123Subdomain;
  if (meta.generateName) {
    const masked = meta.generateName.endsWith('-') ? `${meta.generateName.slice(0, -1)}a` : meta.generateName;
    for (const m of nameFn(masked)) out.push(invalid('metadata.generateName', meta.generateName, m));
  }
  if (!meta.name) {
    if (!meta.generateName) out.push(required('metadata.name', 'name or generateName is required'));
  } else for (const m of nameFn(meta.name)) out.push(invalid('metadata.name', meta.name, m));
  out.push(...validateLabels(meta.labels, 'metadata.labels'));
  for (const k of Object.keys(meta.annotations ?? {}).sort()) {
    for (const m of isQualifiedName(k.toLowerCase())) out.push(invalid('metadata.annotations', k, m));
  }
  return out;
}

/** ValidateLabelSelector: matchLabels as labels, expressions' keys, operators and values. */
function validateSelector(sel: Obj, path: string): FieldCause[] {
  const out = validateLabels(sel.matchLabels, `${path}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((e: Obj, i: number) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = e.values ?? [];
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (values.length === 0) out.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (values.length > 0) out.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else out.push(notSupported(`${p}.operator`, e.operator, ['DoesNotExist', 'Exists', 'In', 'NotIn']));
    for (const m of isQualifiedName(e.key ?? '')) out.push(invalid(`${p}.key`, e.key ?? '', m));
  });
  return out;
}

/** ValidateDeploymentSpec / ValidateReplicaSetSpec (and ValidatePodTemplateSpecForReplicaSet). */
function validateWorkloadSpec(kind: string, spec: Obj): FieldCause[] {
  const out: FieldCause[] = [];
  if (spec.replicas < 0) out.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  if (kind === 'ReplicaSet' && spec.minReadySeconds < 0) out.push(invalid('spec.minReadySeconds', spec.minReadySeconds, 'must be greater than or equal to 0'));
  const sel = spec.selector;
  if (!sel) {
    out.push(required('spec.selector'));
  } else {
    out.push(...validateSelector(sel, 'spec.selector'));
    if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
      out.push(invalid('spec.selector', new GoValue(goLabelSelector(sel)), 'empty selector is invalid for deployment'));
    }
  }
  const template = spec.template ?? {};
  const labels = template.metadata?.labels;
  const nonEmpty = sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length > 0;
  // LabelSelectorAsSelector(nil) is labels.Nothing(): not Empty(), matches nothing.
  if (!sel || (nonEmpty && !selectorMatches(sel, labels ?? {}))) {
    out.push(invalid('spec.template.metadata.labels', new GoValue(goStringMap(labels)), '`selector` does not match template `labels`'));
  }
  // ValidatePodTemplateSpec names the path `labels` under the template, not `metadata.labels`.
  out.push(...validateLabels(labels, 'spec.template.labels'));
  out.push(...validatePodSpec(template.spec ?? {}, 'spec.template.spec'));
  if (template.spec?.restartPolicy && template.spec.restartPolicy !== 'Always') {
    out.push(notSupported('spec.template.spec.restartPolicy', template.spec.restartPolicy, ['Always']));
  }
  if (kind === 'Deployment') {
    const st = spec.strategy ?? {};
    if (st.type === 'Recreate' && st.rollingUpdate) out.push(forbidden('spec.strategy.rollingUpdate', 'may not be specified when strategy `type` is \'Recreate\''));
    if (st.type && st.type !== 'Recreate' && st.type !== 'RollingUpdate') out.push(notSupported('spec.strategy.type', st.type, ['Recreate', 'RollingUpdate']));
    if (spec.minReadySeconds < 0) out.push(invalid('spec.minReadySeconds', spec.minReadySeconds, 'must be greater than or equal to 0'));
    if (spec.revisionHistoryLimit < 0) out.push(invalid('spec.revisionHistoryLimit', spec.revisionHistoryLimit, 'must be greater than or equal to 0'));
    if (spec.progressDeadlineSeconds !== undefined) {
      if (spec.progressDeadlineSeconds < 0) out.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than or equal to 0'));
      if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) out.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return out;
}

/** ValidateService (create-time parts). */
function validateServiceSpec(spec: Obj): FieldCause[] {
  const out: FieldCause[] = [];
  const ports: Obj[] = spec.ports ?? [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') out.push(required('spec.ports'));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) out.push(required(`${path}.name`));
    else if (p.name) {
      for (const m of isDNS1123Label(p.name)) out.push(invalid(`${path}.name`, p.name, m));
      if (names.has(p.name)) out.push(duplicate(`${path}.name`, p.name));
      else names.add(p.name);
    }
    if (!(p.port >= 1 && p.port <= 65535)) out.push(invalid(`${path}.port`, p.port ?? 0, 'must be between 1 and 65535, inclusive'));
    if (!p.protocol) out.push(required(`${path}.protocol`));
    else if (!['SCTP', 'TCP', 'UDP'].includes(p.protocol)) out.push(notSupported(`${path}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
    out.push(...validatePortNumOrName(p.targetPort ?? 0, `${path}.targetPort`));
  });
  if (spec.selector) out.push(...validateLabels(spec.selector, 'spec.selector'));
  if (!spec.sessionAffinity) out.push(required('spec.sessionAffinity'));
  else if (!['ClientIP', 'None'].includes(spec.sessionAffinity)) out.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  if (!spec.type) out.push(required('spec.type'));
  else if (!['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(spec.type)) {
    out.push(notSupported('spec.type', spec.type, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']));
  }
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (seen.has(key)) {
      const go = `core.ServicePort{Name:"", Protocol:${JSON.stringify(p.protocol)}, AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
      out.push(duplicate(`spec.ports[${i}]`, new GoValue(go)));
    }
    seen.add(key);
  });
  return out;
}

/** core.MaxSecretSize: the most a ConfigMap's (or Secret's) values may hold together. */
const MAX_CONFIG_MAP_BYTES = 1024 * 1024;

/** ValidateConfigMap: keys of data and binaryData, and their total size (1 MiB). */
function validateConfigMap(cm: Obj): FieldCause[] {
  const out: FieldCause[] = [];
  let total = 0;
  for (const v of Object.values(cm.data ?? {})) total += Buffer.byteLength(String(v), 'utf8');
  for (const v of Object.values(cm.binaryData ?? {})) total += Buffer.from(String(v), 'base64').length;

  for (const key of Object.keys(cm.data ?? {}).sort()) {
    for (const m of isConfigMapKey(key)) out.push(invalid(`data[${key}]`, key, m));
    if (cm.binaryData && key in cm.binaryData) out.push(invalid(`data[${key}]`, key, 'duplicate of key present in binaryData'));
  }
  for (const key of Object.keys(cm.binaryData ?? {}).sort()) {
    for (const m of isConfigMapKey(key)) out.push(invalid(`binaryData[${key}]`, key, m));
  }
  // The whole object is at fault: the real message names the empty path, printed `[]`.
  if (total > MAX_CONFIG_MAP_BYTES) out.push(tooLong('[]', MAX_CONFIG_MAP_BYTES));
  return out;
}

/** Field problems of a new object. */
export function validateObjectCreate(obj: KubeObject): FieldCause[] {
  const o = obj as Obj;
  const out = validateMeta(obj);
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
      out.push(...validateWorkloadSpec(obj.kind, o.spec ?? {}));
      break;
    case 'Pod':
      out.push(...validatePodSpec(o.spec ?? {}, 'spec'));
      break;
    case 'Service':
      out.push(...validateServiceSpec(o.spec ?? {}));
      break;
    case 'ConfigMap':
      out.push(...validateConfigMap(o));
      break;
  }
  return dedupe(out);
}

/** Field problems of an update: the object's own, then immutable fields. */
export function validateObjectUpdate(obj: KubeObject, old: KubeObject): FieldCause[] {
  const o = obj as Obj;
  const prev = old as Obj;
  const out = validateObjectCreate(obj);
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
      if (JSON.stringify(normSel(o.spec?.selector)) !== JSON.stringify(normSel(prev.spec?.selector))) {
        const sel = o.spec?.selector;
        out.push(invalid('spec.selector', sel ? new GoValue(goLabelSelector(sel)) : null, 'field is immutable'));
      }
      break;
    case 'Service': {
      const before: string[] = prev.spec?.clusterIPs ?? [];
      const after: string[] = o.spec?.clusterIPs ?? [];
      const go = new GoValue(after.length ? `[]string{${after.map((s) => JSON.stringify(s)).join(', ')}}` : '[]string(nil)');
      if (o.spec?.type !== 'ExternalName' && prev.spec?.type !== 'ExternalName' && !(before[0] === 'None' && after[0] === 'None')) {
        if (before.length > 0 && after.length === 0) out.push(invalid('spec.clusterIPs[0]', go, 'primary clusterIP can not be unset'));
        else before.forEach((ip, i) => {
          if (i < after.length && ip !== after[i]) out.push(invalid(`spec.clusterIPs[${i}]`, go, 'may not change once set'));
        });
      }
      break;
    }
    case 'ConfigMap':
      if (prev.immutable === true) {
        if (o.immutable !== true) out.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
        if (JSON.stringify(o.data ?? {}) !== JSON.stringify(prev.data ?? {})) out.push(forbidden('data', 'field is immutable when `immutable` is set'));
        if (JSON.stringify(o.binaryData ?? {}) !== JSON.stringify(prev.binaryData ?? {})) out.push(forbidden('binaryData', 'field is immutable when `immutable` is set'));
      }
      break;
  }
  return dedupe(out);
}

/** Semantic equality ignores nil versus empty (apimachinery equality.Semantic). */
function normSel(sel: Obj | undefined): unknown {
  if (!sel) return null;
  const labels = sel.matchLabels ?? {};
  return { l: Object.fromEntries(Object.keys(labels).sort().map((k) => [k, labels[k]])), e: sel.matchExpressions ?? [] };
}

function dedupe(causes: FieldCause[]): FieldCause[] {
  const seen = new Set<string>();
  return causes.filter((c) => {
    const key = `${c.field}: ${c.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
