/**
 * `--sort-by` (kubectl get/sorter.go TableSorter over objects from the server): each type's
 * rows sorted by the first JSONPath result of their object. Numbers compare as numbers,
 * strings as Kubernetes quantities when both parse, otherwise in natural order
 * (fvbommel/sortorder.NaturalLess); objects without the field sort first.
 */
import type { KubeObject } from '../../cluster/types.js';
import { KubectlError } from '../errors.js';
import { relaxedJsonPathExpression } from '../output/custom-columns.js';
import { findJsonPathResults, parseJsonPath } from '../output/jsonpath.js';
import type { Info } from './fetch.js';

/** Returns the infos with each one's objects sorted by the field. */
export function sortInfos(infos: Info[], sortBy: string): Info[] {
  let field: string;
  try {
    field = relaxedJsonPathExpression(sortBy);
  } catch {
    field = sortBy;
  }
  let template;
  try {
    template = parseJsonPath(field);
  } catch (err) {
    throw new KubectlError(`sorting error: ${(err as Error).message}`);
  }
  return infos.map((info) => {
    const keyed = info.objects.map((o) => ({ o, v: firstValue(template, o) }));
    if (keyed.length > 0 && keyed.every((k) => k.v === undefined)) {
      throw new KubectlError(`couldn't find any field with path "${field}" in the list of objects`);
    }
    keyed.sort((a, b) => (less(a.v, b.v) ? -1 : less(b.v, a.v) ? 1 : 0));
    return { ...info, objects: keyed.map((k) => k.o) };
  });
}

function firstValue(template: ReturnType<typeof parseJsonPath>, obj: KubeObject): unknown {
  const results = findJsonPathResults(template, obj, true);
  return results.length > 0 && results[0].length > 0 ? results[0][0] : undefined;
}

function less(a: unknown, b: unknown): boolean {
  if (a === undefined) return true;
  if (b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = quantity(a);
    const qb = quantity(b);
    if (qa !== undefined && qb !== undefined) return qa < qb;
    return naturalLess(a, b);
  }
  if (a === null) return b !== null;
  throw new KubectlError(`unsortable type: ${typeof a}`);
}

const SUFFIX: Record<string, number> = {
  '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** resource.ParseQuantity's value, or undefined when the text is not a quantity. */
function quantity(s: string): number | undefined {
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(s);
  if (!m) return undefined;
  return Number(m[1] + (m[2] ?? '')) * SUFFIX[m[3] ?? ''];
}

/** sortorder.NaturalLess: runs of digits compare as numbers, everything else byte by byte. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const da = isDigit(a[i]);
    const db = isDigit(b[j]);
    if (da !== db) return da;
    if (!da) {
      if (a[i] !== b[j]) return a[i] < b[j];
      i++;
      j++;
      continue;
    }
    let ei = i;
    while (ei < a.length && a[ei] === '0') ei++;
    let ej = j;
    while (ej < b.length && b[ej] === '0') ej++;
    let ni = ei;
    while (ni < a.length && isDigit(a[ni])) ni++;
    let nj = ej;
    while (nj < b.length && isDigit(b[nj])) nj++;
    const na = a.slice(ei, ni);
    const nb = b.slice(ej, nj);
    if (na.length !== nb.length) return na.length < nb.length;
    if (na !== nb) return na < nb;
    // Equal numbers: compare where the zeros ended (fewer leading zeros first).
    if (ei !== ej) return ei < ej;
    i = ni;
    j = nj;
  }
  return a.length < b.length;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
