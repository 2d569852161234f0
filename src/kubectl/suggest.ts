/**
 * cobra's "Did you mean this?" (`command.go` SuggestionsFor): commands within Levenshtein
 * distance 2 (case-insensitive) or starting with what was typed, in registration order.
 */

/** Levenshtein distance, case-insensitive as cobra calls it. */
export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[] = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cur = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (s[i - 1] === t[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[t.length];
}

/** The suggestions for a mistyped command among `names`. */
export function suggestCommands(typed: string, names: readonly string[]): string[] {
  return names.filter((n) => levenshtein(typed, n) <= 2 || n.toLowerCase().startsWith(typed.toLowerCase()));
}

/** Every top-level kubectl v1.32 command in registration order (`kubectl --help`). */
export const KUBECTL_COMMAND_NAMES = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach',
  'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait',
  'kustomize', 'label', 'annotate', 'completion', 'alpha', 'api-resources', 'api-versions', 'config', 'plugin',
  'version', 'options', 'help',
];
