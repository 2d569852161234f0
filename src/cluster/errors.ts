/**
 * API errors as data (apimachinery `pkg/api/errors`): a reason, an HTTP code, the server's
 * message, and for Invalid the field causes. kubectl decides how to print them; `message`
 * is exactly the text the real API server puts in `Status.message`.
 */
import { qualifiedResource, type ResourceType } from './resources.js';

/** metav1.StatusReason values kubelab produces. */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Invalid'
  | 'Conflict'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'UnsupportedMediaType'
  | 'RequestEntityTooLarge'
  | 'Unauthorized'
  | 'InternalError';

/** One field problem of an Invalid error (field.Error). */
export interface FieldCause {
  /** `FieldValueInvalid`, `FieldValueRequired`, `FieldValueNotSupported`, `FieldValueDuplicate`, `FieldValueForbidden`, `FieldValueTooLong`. */
  reason: string;
  /** The field path, e.g. `spec.template.metadata.labels`. */
  field: string;
  /** The text after the field path, e.g. `Required value`. */
  message: string;
}

/** A typed API server error. Thrown by the store and the API server, caught by kubectl. */
export class ApiError extends Error {
  constructor(
    readonly reason: StatusReason,
    readonly code: number,
    message: string,
    readonly details: { group?: string; kind?: string; name?: string; causes?: FieldCause[] } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The metav1.Status object the HTTP API sends for this error. */
  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      details: this.details,
      code: this.code,
    };
  }
}

/** `pods "x" not found`. */
export function notFound(r: ResourceType, name: string): ApiError {
  return new ApiError('NotFound', 404, `${qualifiedResource(r)} "${name}" not found`, {
    group: r.group,
    kind: r.plural,
    name,
  });
}

/** `deployments.apps "x" already exists`. */
export function alreadyExists(r: ResourceType, name: string): ApiError {
  return new ApiError('AlreadyExists', 409, `${qualifiedResource(r)} "${name}" already exists`, {
    group: r.group,
    kind: r.plural,
    name,
  });
}

/**
 * `Operation cannot be fulfilled on deployments.apps "x": the object has been modified; please
 * apply your changes to the latest version and try again`.
 */
export function conflict(r: ResourceType, name: string, why = 'the object has been modified; please apply your changes to the latest version and try again'): ApiError {
  return new ApiError('Conflict', 409, `Operation cannot be fulfilled on ${qualifiedResource(r)} "${name}": ${why}`, {
    group: r.group,
    kind: r.plural,
    name,
  });
}

/**
 * `Deployment.apps "x" is invalid: [a, b]` (apimachinery `NewInvalid`): one cause is printed
 * bare, several are bracketed and comma-separated.
 */
export function invalid(r: ResourceType, name: string, causes: FieldCause[]): ApiError {
  const kind = r.group ? `${r.kind}.${r.group}` : r.kind;
  const texts = causes.map((c) => `${c.field}: ${c.message}`);
  const joined = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  return new ApiError('Invalid', 422, `${kind} "${name}" is invalid: ${joined}`, {
    group: r.group,
    kind: r.kind,
    name,
    causes,
  });
}

/** A 400 with the given message (decode errors, strict field validation). */
export function badRequest(message: string): ApiError {
  return new ApiError('BadRequest', 400, message);
}
