/**
 * Pod spec validation (pkg/apis/core/validation ValidatePodSpec, validateContainers,
 * validateContainerCommon, validateContainerPorts, validateVolumes, ValidateVolumeMounts),
 * for the fields kubelab's lessons reach. Causes come in the real validator's order.
 */
import type { FieldCause } from '../errors.js';
import { volumeSources } from './defaults.js';
import { duplicate, forbidden, invalid, isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, notFound, notSupported, required, validateLabels } from './field-errors.js';

type Obj = Record<string, any>;

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** ValidatePodSpec at `path` (e.g. `spec` or `spec.template.spec`). */
export function validatePodSpec(spec: Obj, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  const volumeNames = new Set<string>();
  (spec.volumes ?? []).forEach((v: Obj, i: number) => {
    const p = `${path}.volumes[${i}]`;
    const el: FieldCause[] = [];
    const sources = volumeSources(v);
    if (sources.length > 1) el.push(forbidden(`${p}.${sources[1]}`, 'may not specify more than 1 volume type'));
    if (v.configMap && !v.configMap.name) el.push(required(`${p}.configMap.name`));
    for (const k of ['configMap', 'secret']) {
      const mode = v[k]?.defaultMode;
      if (mode !== undefined && (mode > 0o777 || mode < 0)) {
        el.push(invalid(`${p}.${k}.defaultMode`, mode, 'must be a number between 0 and 0777 (octal), both inclusive'));
      }
    }
    if (!v.name) el.push(required(`${p}.name`));
    else for (const m of isDNS1123Label(v.name)) el.push(invalid(`${p}.name`, v.name, m));
    if (volumeNames.has(v.name)) el.push(duplicate(`${p}.name`, v.name));
    if (el.length === 0) volumeNames.add(v.name);
    out.push(...el);
  });
  out.push(...validateContainers(spec.containers ?? [], volumeNames, `${path}.containers`));
  const initNames = new Set((spec.containers ?? []).map((c: Obj) => c.name));
  (spec.initContainers ?? []).forEach((c: Obj, i: number) => {
    const p = `${path}.initContainers[${i}]`;
    out.push(...validateContainerCommon(c, volumeNames, p));
    if (initNames.has(c.name)) out.push(duplicate(`${p}.name`, c.name));
    initNames.add(c.name);
  });
  if (!['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) {
    out.push(spec.restartPolicy ? notSupported(`${path}.restartPolicy`, spec.restartPolicy, ['Always', 'Never', 'OnFailure']) : required(`${path}.restartPolicy`));
  }
  if (!['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(spec.dnsPolicy)) {
    out.push(spec.dnsPolicy ? notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']) : required(`${path}.dnsPolicy`));
  }
  out.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  if (spec.serviceAccountName) {
    for (const m of isDNS1123Subdomain(spec.serviceAccountName)) out.push(invalid(`${path}.serviceAccountName`, spec.serviceAccountName, m));
  }
  if (spec.nodeName) for (const m of isDNS1123Subdomain(spec.nodeName)) out.push(invalid(`${path}.nodeName`, spec.nodeName, m));
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    out.push(invalid(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  }
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds <= 0) {
    out.push(invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  return out;
}

function validateContainers(containers: Obj[], volumes: Set<string>, path: string): FieldCause[] {
  if (containers.length === 0) return [required(path)];
  const out: FieldCause[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    out.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name)) out.push(duplicate(`${p}.name`, c.name));
    else names.add(c.name);
  });
  return out;
}

function validateContainerCommon(c: Obj, volumes: Set<string>, p: string): FieldCause[] {
  const out: FieldCause[] = [];
  if (!c.name) out.push(required(`${p}.name`));
  else for (const m of isDNS1123Label(c.name)) out.push(invalid(`${p}.name`, c.name, m));
  if (!c.image) out.push(required(`${p}.image`));
  out.push(...validateContainerPorts(c.ports ?? [], `${p}.ports`));
  (c.env ?? []).forEach((e: Obj, i: number) => {
    if (!e.name) out.push(required(`${p}.env[${i}].name`));
  });
  const mountPaths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m: Obj, i: number) => {
    const mp = `${p}.volumeMounts[${i}]`;
    if (!m.name) out.push(required(`${mp}.name`));
    if (!volumes.has(m.name)) out.push(notFound(`${mp}.name`, m.name ?? ''));
    if (!m.mountPath) out.push(required(`${mp}.mountPath`));
    if (mountPaths.has(m.mountPath)) out.push(invalid(`${mp}.mountPath`, m.mountPath, 'must be unique'));
    mountPaths.add(m.mountPath);
  });
  if (!['Always', 'Never', 'IfNotPresent'].includes(c.imagePullPolicy)) {
    out.push(c.imagePullPolicy ? notSupported(`${p}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']) : required(`${p}.imagePullPolicy`));
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const port = c[probe]?.httpGet?.port ?? c[probe]?.tcpSocket?.port;
    if (port !== undefined) out.push(...validatePortNumOrName(port, `${p}.${probe}.${c[probe].httpGet ? 'httpGet' : 'tcpSocket'}.port`));
  }
  return out;
}

/** validateContainerPorts. */
function validateContainerPorts(ports: Obj[], path: string): FieldCause[] {
  const out: FieldCause[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) for (const m of msgs) out.push(invalid(`${p}.name`, port.name, m));
      else if (names.has(port.name)) out.push(duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) out.push(required(`${p}.containerPort`));
    else for (const m of isValidPortNum(port.containerPort)) out.push(invalid(`${p}.containerPort`, port.containerPort, m));
    if (port.hostPort) for (const m of isValidPortNum(port.hostPort)) out.push(invalid(`${p}.hostPort`, port.hostPort, m));
    if (!port.protocol) out.push(required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(port.protocol)) out.push(notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
  });
  return out;
}

/** ValidatePortNumOrName: numbers 1–65535, names IANA_SVC_NAME. */
export function validatePortNumOrName(port: number | string, path: string): FieldCause[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  return isValidPortName(port).map((m) => invalid(path, port, m));
}
