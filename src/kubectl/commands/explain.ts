/**
 * `kubectl explain RESOURCE[.FIELD...] [--recursive] [--api-version=G/V]` (kubectl v1.32
 * pkg/cmd/explain, OpenAPI v3 plaintext template) for the kinds kubelab models. The field
 * documentation is kubelab's vendored copy (src/kubectl/explain/schemas.ts, from the Kubernetes
 * v1.30 API descriptions, without enum lists); `--output=plaintext-openapiv2` is not simulated.
 */
import { flagBool, flagString, type CommandDef, type Invocation } from '../command.js';
import { KubectlError } from '../errors.js';
import { findExplainTarget } from '../explain/lookup.js';
import { explainBody, ExplainError, explainHeader } from '../explain/render.js';

async function runExplain(inv: Invocation): Promise<number> {
  const { ctx } = inv;
  if (inv.args.length === 0) {
    throw new KubectlError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  if (inv.args.length > 1) throw new KubectlError('We accept only this format: explain RESOURCE');
  const output = flagString(inv, 'output');
  if (output === 'plaintext-openapiv2') throw new KubectlError('kubelab does not simulate "kubectl explain --output=plaintext-openapiv2"; use the default plaintext output');
  if (output !== 'plaintext') throw new KubectlError(`unrecognized format: ${output}`);
  // 270 KB of schemas, ~15 ms to load: only explain needs them, so a start does not pay.
  const { SCHEMAS } = await import('../explain/schemas.js');
  const target = findExplainTarget(inv.args[0], flagString(inv, 'api-version'), SCHEMAS);
  ctx.stdout(explainHeader(target.gvk));
  try {
    ctx.stdout(explainBody(target.root, target.fieldPath, flagBool(inv, 'recursive'), SCHEMAS));
  } catch (e) {
    if (e instanceof ExplainError) throw new KubectlError(e.message, true);
    throw e;
  }
  return 0;
}

/** kubectl explain. */
export const explainCommand: CommandDef = {
  name: 'explain',
  flags: [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext' },
  ],
  run: runExplain,
};
