/**
 * Label selectors (apimachinery `labels` and `metav1.LabelSelectorAsSelector`): matchLabels and
 * matchExpressions with In, NotIn, Exists, DoesNotExist, and the string form kubectl's `-l` takes.
 */
import type { LabelSelector } from './types.js';

/** True if `labels` satisfy the selector. An empty selector matches everything. */
export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(labels[e.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** True if a plain map selector (a Service's) matches; an empty or missing map matches nothing. */
export function mapSelectorMatches(selector: Record<string, string> | null | undefined, labels: Record<string, string>): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** `app=nginx,version=canary`, keys sorted, as `labels.Set.String()` / describe prints. */
export function formatLabelMap(labels: Record<string, string> | null | undefined): string {
  return Object.keys(labels ?? {})
    .sort()
    .map((k) => `${k}=${labels![k]}`)
    .join(',');
}
