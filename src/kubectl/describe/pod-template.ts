/**
 * describe.go DescribePodTemplate and describeVolumes: the `Pod Template:` section of
 * Deployments and ReplicaSets, and the `Volumes:` section of pods.
 */
import type { LabelSelector, PodTemplateSpec, Volume } from '../../cluster/types.js';
import { describeContainers } from './containers.js';
import { formatLabelSelector, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline, type Toleration } from './format.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer.js';

/** DescribePodTemplate. */
export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const meta = template.metadata ?? {};
  printLabelsMultiline(w, '  Labels', meta.labels);
  if (meta.annotations && Object.keys(meta.annotations).length > 0) printAnnotationsMultiline(w, '  Annotations', meta.annotations);
  const spec = template.spec;
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers && spec.initContainers.length > 0) describeContainers(w, 'Init Containers', spec.initContainers, undefined, undefined, '  ');
  describeContainers(w, 'Containers', spec.containers ?? [], undefined, undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  describeTopologySpreadConstraints(w, spec.topologySpreadConstraints as TopologySpreadConstraint[] | undefined, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${String(spec.priorityClassName)}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector as Record<string, string> | undefined);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations as Toleration[] | undefined);
}

interface TopologySpreadConstraint {
  topologyKey: string;
  whenUnsatisfiable: string;
  maxSkew: number;
  labelSelector?: LabelSelector;
}

/** describeTopologySpreadConstraints (nothing when there are none). */
export function describeTopologySpreadConstraints(w: PrefixWriter, tscs: TopologySpreadConstraint[] | undefined, space: string): void {
  if (!tscs || tscs.length === 0) return;
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let s = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) s += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** describeVolumes: `Volumes:  <none>` or one entry per volume with its source. */
export function describeVolumes(w: PrefixWriter, volumes: Volume[] | undefined, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    describeVolumeSource(w, v);
  }
}

type Src = Record<string, unknown>;

function describeVolumeSource(w: PrefixWriter, v: Volume): void {
  const src = v as Src;
  const s = (k: string) => src[k] as Src | undefined;
  if (s('hostPath')) {
    const h = s('hostPath')!;
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(h.path)}\n    HostPathType:\t${str(h.type) || '<none>'}\n`);
  } else if (s('emptyDir')) {
    const e = s('emptyDir')!;
    const size = e.sizeLimit && String(e.sizeLimit) !== '0' ? String(e.sizeLimit) : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(e.medium)}\n    SizeLimit:\t${size}\n`);
  } else if (s('secret')) {
    const x = s('secret')!;
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(x.secretName)}\n    Optional:\t${x.optional === true}\n`);
  } else if (s('configMap')) {
    const x = s('configMap')!;
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(x.name)}\n    Optional:\t${x.optional === true}\n`);
  } else if (s('persistentVolumeClaim')) {
    const x = s('persistentVolumeClaim')!;
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${str(x.claimName)}\n    ReadOnly:\t${x.readOnly === true}\n`);
  } else if (s('downwardAPI')) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of (s('downwardAPI')!.items as Src[] | undefined) ?? []) {
      const f = item.fieldRef as Src | undefined;
      const r = item.resourceFieldRef as Src | undefined;
      if (f) w.write(LEVEL_3, `${str(f.fieldPath)} -> ${str(item.path)}\n`);
      if (r) w.write(LEVEL_3, `${str(r.resource)} -> ${str(item.path)}\n`);
    }
  } else if (s('projected')) {
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const p of (s('projected')!.sources as Src[] | undefined) ?? []) {
      const sec = p.secret as Src | undefined;
      const cm = p.configMap as Src | undefined;
      const token = p.serviceAccountToken as Src | undefined;
      if (sec) w.write(LEVEL_2, `SecretName:\t${str(sec.name)}\n    Optional:\t${sec.optional === true}\n`);
      else if (p.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      else if (cm) w.write(LEVEL_2, `ConfigMapName:\t${str(cm.name)}\n    Optional:\t${cm.optional === true}\n`);
      else if (token) w.write(LEVEL_2, `TokenExpirationSeconds:\t${str(token.expirationSeconds)}\n`);
    }
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}
