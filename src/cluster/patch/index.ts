/**
 * Server-side patch application (apiserver `endpoints/handlers/patch.go`): strategic merge
 * patch guided by the kind's Go struct tags, JSON merge patch, JSON patch. Failures are the
 * ApiErrors the real server answers: a 400 for a patch that does not decode, a 422 without
 * causes for a JSON patch that does not apply (kubectl prints `The request is invalid`), and
 * a 500 with the library's text for other strategic-merge failures.
 */
import { ApiError, badRequest } from '../errors.js';
import type { KubeObject } from '../types.js';
import { applyJsonPatch, applyMergePatch, goJsonKind, JsonPatchError } from './json-patch.js';
import { schemaForKind } from './patch-meta.js';
import { strategicMergePatch, StrategicPatchError } from './strategic.js';

/** The three patch content types kubectl sends. */
export type PatchType = 'strategic' | 'merge' | 'json';

/** The Content-Type of each patch type, as kubectl sends it. */
export const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
};

/** Returns the patched copy of `obj`; throws ApiError for a patch that does not apply. */
export function applyPatch(obj: KubeObject, type: PatchType, patch: unknown): KubeObject {
  const body = typeof patch === 'string' ? parsePatchText(patch, type) : patch;
  switch (type) {
    case 'strategic': {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw badRequest(`json: cannot unmarshal ${goJsonKind(body)} into Go value of type map[string]interface {}`);
      }
      try {
        return strategicMergePatch(obj as Record<string, unknown>, body as Record<string, unknown>, schemaForKind(obj.kind)) as KubeObject;
      } catch (e) {
        if (!(e instanceof StrategicPatchError)) throw e;
        if (e.badRequest) throw badRequest(e.message);
        // A plain error from the handler: 500, no reason (ErrorToAPIStatus).
        throw new ApiError('' as 'InternalError', 500, e.message);
      }
    }
    case 'merge':
      return applyMergePatch(obj, body) as KubeObject;
    case 'json':
      if (!Array.isArray(body)) {
        throw badRequest(`error decoding patch: json: cannot unmarshal ${goJsonKind(body)} into Go value of type []handlers.jsonPatchOp`);
      }
      try {
        return applyJsonPatch(obj, body) as KubeObject;
      } catch (e) {
        if (!(e instanceof JsonPatchError)) throw e;
        if (e.decode) throw badRequest(`error decoding patch: ${e.message}`);
        throw jsonPatchRejected();
      }
  }
}

/** NewGenericServerResponse(422, ...) with no causes: what a JSON patch that does not apply gets. */
export function jsonPatchRejected(): ApiError {
  return new ApiError('Invalid', 422, 'the server rejected our request due to an error in our request', {});
}

function parsePatchText(text: string, type: PatchType): unknown {
  try {
    return JSON.parse(text);
  } catch {
    if (type === 'merge') throw badRequest('Invalid JSON Patch');
    throw badRequest(`invalid character '${text.trim()[0] ?? ''}' looking for beginning of value`);
  }
}

export { applyJsonPatch, applyMergePatch, strategicMergePatch, JsonPatchError, StrategicPatchError };
