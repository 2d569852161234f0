/**
 * Resource types and object names for kubectl's completion, read from the store's read-only
 * views (no copies, no table printing: it runs on a keypress). Types are proposed by their
 * plural name (`deployments`), the word the lessons use; names are those of the objects in the
 * namespace, less the ones already on the line, as kubectl's `__complete` lists them.
 */
import { resolveResource, type ResourceType } from '../../cluster/resources.js';
import type { Store } from '../../cluster/store.js';
import { allCategoryTypes } from '../../kubectl/resource-args.js';
import type { Candidate } from './completion-types.js';

/** Candidates from plain words that start with `typed` (each followed by a space when alone). */
export function wordCandidates(words: Iterable<string>, typed: string, noSpace = false): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const w of words) {
    if (!w.startsWith(typed) || seen.has(w)) continue;
    seen.add(w);
    out.push(noSpace ? { text: w, noSpace } : { text: w });
  }
  return out;
}

/** The types a `TYPE[,TYPE...]` argument names (`all` is pods, services, deployments, replicasets); unknown ones dropped. */
export function typesOf(arg: string): ResourceType[] {
  const out: ResourceType[] = [];
  for (const t of arg.split(',')) {
    for (const r of t === 'all' ? allCategoryTypes() : [resolveResource(t)]) if (r && !out.includes(r)) out.push(r);
  }
  return out;
}

/** Names of the objects of `types` in `namespace` (cluster-scoped types: all), without `exclude`. */
export function objectNames(store: Store | undefined, types: readonly ResourceType[], namespace: string, exclude: readonly string[] = []): string[] {
  if (!store) return [];
  const skip = new Set(exclude);
  const out: string[] = [];
  for (const t of types) {
    for (const o of store.view(t.kind, t.namespaced ? namespace : undefined)) {
      const name = o.metadata.name;
      if (name !== undefined && !skip.has(name)) out.push(name);
    }
  }
  return out;
}

/** `TYPE/NAME` candidates for a word with a slash (`deployment/we`): the type kept as typed. */
export function slashNameCandidates(store: Store | undefined, word: string, namespace: string): Candidate[] {
  const slash = word.indexOf('/');
  const typed = word.slice(0, slash);
  const type = resolveResource(typed);
  if (!type || word.indexOf('/', slash + 1) >= 0) return [];
  return wordCandidates(
    objectNames(store, [type], namespace).map((n) => `${typed}/${n}`),
    word,
  );
}

/** Namespace names (for `-n`). */
export function namespaceNames(store: Store | undefined): string[] {
  return store ? store.view('Namespace').map((o) => o.metadata.name ?? '') : [];
}
