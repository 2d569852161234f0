/**
 * Admission: decoding with strict field validation, defaulting and validation.
 * PLACEHOLDER until the admission work lands: decodes without checks.
 */
import type { FieldValidation } from '../api-server.js';
import { badRequest } from '../errors.js';
import { deepCopy } from '../store.js';
import type { FieldCause } from '../errors.js';
import type { KubeObject } from '../types.js';

/** Decodes a client's JSON into an object, applying field validation; throws BadRequest. */
export function decodeObject(input: unknown, _mode: FieldValidation): { object: KubeObject; warnings: string[] } {
  if (typeof input !== 'object' || input === null) throw badRequest('the object is not a JSON object');
  const object = deepCopy(input) as KubeObject;
  object.metadata ??= {};
  return { object, warnings: [] };
}

/** Applies the API server's defaults in place. */
export function defaultObject(_obj: KubeObject): void {}

/** Field problems of a new object. */
export function validateCreate(_obj: KubeObject): FieldCause[] {
  return [];
}

/** Field problems of an update, immutability included. */
export function validateUpdate(_obj: KubeObject, _old: KubeObject): FieldCause[] {
  return [];
}

/** Carries over server-owned fields (status for spec updates, uid) before validation. */
export function prepareForUpdate(_obj: KubeObject, _old: KubeObject): void {}
