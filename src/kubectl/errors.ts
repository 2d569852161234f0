/**
 * Errors as kubectl prints them (kubectl `cmd/util/helpers.go` CheckErr / StandardErrorMessage):
 * API errors as `Error from server (Reason): message`, client errors as `error: message`,
 * flag errors as `Error: message` plus the usage hint. Every kubectl failure exits 1.
 */
import { ApiError } from '../cluster/errors.js';
import { FlagError } from './flags.js';

/** A client-side failure that kubectl prints as `error: <message>`. */
export class KubectlError extends Error {
  constructor(
    message: string,
    /** Printed as is, without the `error: ` prefix, when true. */
    readonly raw = false,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'KubectlError';
  }
}

/** A usage error: `error: <message>` then `See 'kubectl <cmd> -h' for help and examples`. */
export class UsageError extends KubectlError {
  constructor(
    message: string,
    readonly commandPath: string,
  ) {
    super(message);
  }
}

/** The text kubectl writes to stderr for an error (with its final newline). */
export function formatKubectlError(err: unknown, commandPath: string): string {
  if (err instanceof FlagError) {
    return `Error: ${err.message}\nSee '${commandPath} --help' for usage.\n`;
  }
  if (err instanceof UsageError) {
    return `error: ${err.message}\nSee '${err.commandPath} -h' for help and examples\n`;
  }
  if (err instanceof KubectlError) {
    return err.raw ? ensureNewline(err.message) : `error: ${ensureNewline(err.message)}`;
  }
  if (err instanceof ApiError) {
    return `${formatApiError(err)}\n`;
  }
  // A bug in kubelab: say so plainly, without a stack trace.
  const what = err instanceof Error ? err.message : String(err);
  return `error: internal error in kubelab: ${what}\n`;
}

/**
 * `Error from server (NotFound): deployments.apps "x" not found`; Invalid errors print as
 * `The Deployment "x" is invalid: ...` (StandardErrorMessage's special case).
 */
export function formatApiError(err: ApiError, context?: string): string {
  const prefix = context ? `${context}: ` : '';
  if (err.reason === 'Invalid' && err.details.kind && err.details.name !== undefined) {
    const causes = err.details.causes ?? [];
    // statusCausesToAggrError drops repeated texts; MultilineError puts two or more on lines of
    // their own after the prefix (which keeps its trailing space).
    const texts = [...new Set(causes.map((c) => `${c.field}: ${c.message}`))];
    const head = `${prefix}The ${err.details.kind} "${err.details.name}" is invalid: `;
    if (texts.length === 0) return `${prefix}The ${err.details.kind} "${err.details.name}" is invalid`;
    return texts.length === 1 ? `${head}${texts[0]}` : `${head}\n${texts.map((t) => `* ${t}`).join('\n')}`;
  }
  return `Error from server (${err.reason}): ${prefix}${err.message}`;
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}
