/**
 * Helpers for the verb tests: a kubectl harness with the seed lesson's manifests applied
 * through the API server (create, or replace spec/labels as `kubectl apply` ends up writing),
 * and virtual time moved until the cluster is idle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Cluster } from '../../../src/cluster/cluster.js';
import type { KubeObject } from '../../../src/cluster/types.js';
import { kubectlHarness } from '../../helpers/kubectl-harness.js';

const SEED = join(import.meta.dirname, '../../cluster/admission/fixtures');

/** The objects of a seed fixture file (stable-env.yaml, stable-env-v115.yaml, canary-env.yaml...). */
export function seedObjects(file: string): KubeObject[] {
  return parseAllDocuments(readFileSync(join(SEED, file), 'utf8'))
    .map((d) => d.toJS() as KubeObject | null)
    .filter((o): o is KubeObject => o !== null);
}

/** Creates or updates every object of a seed file, then settles. */
export function applySeed(cluster: Cluster, file: string): void {
  for (const obj of seedObjects(file)) {
    const current = cluster.store.find(obj.kind, obj.metadata.namespace ?? 'default', obj.metadata.name!);
    if (!current) cluster.api.create(obj);
    else {
      const next = structuredClone(current) as Record<string, unknown> & KubeObject;
      for (const [k, v] of Object.entries(obj)) if (k !== 'metadata' && k !== 'status') next[k] = v;
      if (obj.metadata.labels) next.metadata.labels = obj.metadata.labels;
      cluster.api.update(next);
    }
  }
  cluster.settle();
}

/** A harness whose cluster already runs the given seed files, with pods started. */
export function lessonHarness(files: string[] = ['stable-env.yaml'], seed: number | string = 1) {
  const h = kubectlHarness({ seed });
  for (const f of files) applySeed(h.cluster, f);
  h.cluster.runUntilIdle(120_000);
  return h;
}
