/**
 * A small JSON Schema checker for the subset docs/schemas/grade-report.schema.json uses (type,
 * const, enum, properties, required, additionalProperties: false, items, minimum, $ref to
 * #/$defs): the project takes no JSON-schema library (docs/decisions). Returns problems as
 * `path: message`.
 */
type Schema = Record<string, unknown>;

/** Problems of `value` against `schema` (empty when it conforms). */
export function schemaProblems(value: unknown, schema: Schema, root: Schema = schema, path = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/$defs/', '');
    return schemaProblems(value, (root.$defs as Record<string, Schema>)[name], root, path);
  }
  const out: string[] = [];
  if ('const' in schema && value !== schema.const) out.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) out.push(`${path}: ${JSON.stringify(value)} not in enum`);
  const type = schema.type as string | undefined;
  if (type && !hasType(value, type)) return [...out, `${path}: expected ${type}`];
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum) out.push(`${path}: below minimum`);
  if (type === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) out.push(`${path}: missing ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) out.push(...schemaProblems(v, props[k], root, `${path}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${path}: unexpected property ${k}`);
    }
  }
  if (type === 'array' && schema.items) (value as unknown[]).forEach((v, i) => out.push(...schemaProblems(v, schema.items as Schema, root, `${path}[${i}]`)));
  return out;
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === type;
}
