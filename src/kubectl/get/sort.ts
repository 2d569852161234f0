/** `--sort-by` (kubectl get/sorter.go TableSorter): rows sorted by a JSONPath over each object. */
import { KubectlError } from '../errors.js';
import type { Info } from './fetch.js';

/** Sorts each info's objects by the field. */
export function sortInfos(infos: Info[], sortBy: string): Info[] {
  void infos;
  throw new KubectlError(`kubelab does not simulate "--sort-by=${sortBy}" yet`);
}
