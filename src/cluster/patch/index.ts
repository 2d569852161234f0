/**
 * Server-side patch application. PLACEHOLDER until the patch work lands.
 */
import type { KubeObject } from '../types.js';

/** The three patch content types kubectl sends. */
export type PatchType = 'strategic' | 'merge' | 'json';

/** Returns the patched copy of `obj`; throws ApiError for a patch that does not apply. */
export function applyPatch(_obj: KubeObject, _type: PatchType, _patch: unknown): KubeObject {
  throw new Error('patch not implemented yet');
}
