/**
 * Admission: decoding with strict field validation, defaulting, validation and update
 * preparation, as kube-apiserver v1.32 runs them for the kinds kubelab serves. The stored
 * JSON is what the real server's Go encoder writes: fields in Go struct order, unknown
 * fields dropped, zero-valued omitempty fields left out, value structs always present.
 */
import type { FieldValidation } from '../api-server.js';
import type { FieldCause } from '../errors.js';
import type { KubeObject } from '../types.js';
import { decodeStruct } from './decode.js';
import { decodeBody } from './decode-object.js';
import { applyDefaults } from './defaults.js';
import { nodeFromValue } from './json-node.js';
import { hasStruct } from './schema.js';
import { prepareObjectForCreate, prepareObjectForUpdate } from './strategy.js';
import { validateObjectCreate, validateObjectUpdate } from './validate.js';

export { goPlusV, strictPatchCause } from './decode-object.js';
export { imageTag } from './defaults.js';

/**
 * Decodes a client's body (a JSON value, or JSON text to catch duplicate fields) into an
 * object, applying field validation; throws ApiError BadRequest with the server's message.
 */
export function decodeObject(input: unknown, mode: FieldValidation): { object: KubeObject; warnings: string[] } {
  return decodeBody(input, mode);
}

/** Applies the API server's defaults in place, then puts keys in Go struct order. */
export function defaultObject(obj: KubeObject): void {
  applyDefaults(obj);
  normalizeInPlace(obj);
}

/** Field problems of a new object. */
export function validateCreate(obj: KubeObject): FieldCause[] {
  return validateObjectCreate(obj);
}

/** Field problems of an update, immutability included. */
export function validateUpdate(obj: KubeObject, old: KubeObject): FieldCause[] {
  return validateObjectUpdate(obj, old);
}

/** Resets what a client may not set on create (status), as the registry strategies do. */
export function prepareForCreate(obj: KubeObject): void {
  prepareObjectForCreate(obj);
}

/** Carries over server-owned fields (status for spec updates, allocated Service IPs) before validation. */
export function prepareForUpdate(obj: KubeObject, old: KubeObject): void {
  prepareObjectForUpdate(obj, old);
}

/**
 * The object as the real API server would encode it (Go struct key order, omitempty, value
 * structs present). Unknown fields are dropped; an object that does not decode is returned
 * as a copy unchanged. For writers that bypass decodeObject (controllers using the store).
 */
export function normalizeObject<T extends KubeObject>(obj: T): T {
  if (!hasStruct(obj.kind)) return structuredClone(obj);
  const result = decodeStruct(nodeFromValue(obj), obj.kind);
  return (result.error === undefined ? result.value : structuredClone(obj)) as T;
}

function normalizeInPlace(obj: KubeObject): void {
  const normal = normalizeObject(obj) as Record<string, unknown>;
  const target = obj as Record<string, unknown>;
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, normal);
}
