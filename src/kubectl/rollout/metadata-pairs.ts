/**
 * `kubectl label` and `kubectl annotate` share kubectl's argument split
 * (cmdutil.GetResourcesAndPairs), the `key=value` / `key-` parsing (label.go parseLabels,
 * cmdutil.ParsePairs) and the per-object update with its overwrite checks and messages.
 */
import { KubectlError } from '../errors.js';

/** Splits arguments into resources and `k=v`/`k-` pairs; resources must come first. */
export function resourcesAndPairs(args: readonly string[], pairType: 'label' | 'annotation' | 'image'): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) resources.push(s);
    else throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
  }
  return { resources, pairs };
}

/** New pairs (in argument order) and keys to remove. */
export interface PairChanges {
  set: [string, string][];
  remove: string[];
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** apimachinery validation.IsValidLabelValue: the error texts, empty when valid. */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) {
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  }
  return errs;
}

/** label.go parseLabels. */
export function parseLabelPairs(specs: readonly string[]): PairChanges {
  const out: PairChanges = { set: [], remove: [] };
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`);
      const errs = labelValueErrors(parts[1]);
      if (errs.length > 0) throw new KubectlError(`invalid label value: "${spec}": ${errs.join(';')}`);
      upsert(out.set, parts[0], parts[1]);
    } else if (spec.endsWith('-')) out.remove.push(spec.slice(0, -1));
    else throw new KubectlError(`unknown label spec: ${spec}`);
  }
  if (out.remove.some((k) => out.set.some(([s]) => s === k))) throw new KubectlError('can not both modify and remove a label in the same command');
  return out;
}

/** cmdutil.ParsePairs(args, "annotation", true) and annotate's validateAnnotations. */
export function parseAnnotationPairs(specs: readonly string[]): PairChanges {
  const out: PairChanges = { set: [], remove: [] };
  const invalid: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=') && spec[0] !== '=') {
      const i = spec.indexOf('=');
      upsert(out.set, spec.slice(0, i), spec.slice(i + 1));
    } else if (spec.endsWith('-') && spec !== '-') out.remove.push(spec.slice(0, -1));
    else invalid.push(spec);
  }
  if (invalid.length > 0) throw new KubectlError(`invalid annotation format: ${invalid.join(', ')}`);
  const both = out.remove.filter((k) => out.set.some(([s]) => s === k));
  if (both.length > 0) throw new KubectlError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  return out;
}

function upsert(list: [string, string][], key: string, value: string): void {
  const i = list.findIndex(([k]) => k === key);
  if (i >= 0) list[i] = [key, value];
  else list.push([key, value]);
}

/**
 * Applies the changes to a metadata map as labelFunc/updateAnnotations do (a missing map
 * becomes `{}`, so the object's JSON gains `"labels":{}`). Returns the new map.
 */
export function applyPairs(current: Record<string, string> | undefined, changes: PairChanges): Record<string, string> {
  const next = { ...(current ?? {}) };
  for (const [k, v] of changes.set) next[k] = v;
  for (const k of changes.remove) delete next[k];
  return next;
}

/** label.go updateDataChangeMsg: `not labeled`, `labeled`, or `unlabeled` (no --overwrite and the object shrank). */
export function labelChangeMessage(oldJson: string, newJson: string, overwrite: boolean): string {
  if (oldJson === newJson) return 'not labeled';
  if (!overwrite && newJson.length < oldJson.length) return 'unlabeled';
  return 'labeled';
}
