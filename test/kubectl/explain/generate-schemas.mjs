// Regenerates src/kubectl/explain/schemas.ts from the npm package kubernetes-types@1.30.0
// (TypeScript definitions generated from the Kubernetes v1.30 OpenAPI spec, descriptions kept).
// Usage: (cd /tmp/kt && npm i --no-save kubernetes-types@1.30.0) then
//   node test/kubectl/explain/generate-schemas.mjs /tmp/kt/node_modules/kubernetes-types
// Only the schemas reachable from the kinds kubelab models are kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = process.argv[2];
const FILES = { 'core/v1': 'io.k8s.api.core.v1', 'apps/v1': 'io.k8s.api.apps.v1', 'discovery/v1': 'io.k8s.api.discovery.v1', 'meta/v1': 'io.k8s.apimachinery.pkg.apis.meta.v1', 'api/resource': 'io.k8s.apimachinery.pkg.api.resource', runtime: 'io.k8s.apimachinery.pkg.runtime', 'util/intstr': 'io.k8s.apimachinery.pkg.util.intstr' };
const KINDS = [['core/v1', 'Pod', ''], ['apps/v1', 'Deployment', 'apps'], ['apps/v1', 'ReplicaSet', 'apps'], ['core/v1', 'Service', ''], ['core/v1', 'Endpoints', ''], ['discovery/v1', 'EndpointSlice', 'discovery.k8s.io'], ['core/v1', 'ConfigMap', ''], ['core/v1', 'Namespace', ''], ['core/v1', 'Node', ''], ['core/v1', 'Event', '']];

const decls = new Map(); // full name -> { node, file, imports }
for (const [file, prefix] of Object.entries(FILES)) {
  let text;
  try { text = readFileSync(join(root, `${file}.d.ts`), 'utf8'); } catch { continue; }
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const imports = new Map();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const from = st.moduleSpecifier.text.replace(/^\.\.\//, '').replace(/^\.\//, file.includes('/') ? file.split('/')[0] + '/' : '');
      for (const el of st.importClause?.namedBindings?.elements ?? []) imports.set(el.name.text, `${FILES[from] ?? from}.${el.name.text}`);
    }
    if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) decls.set(`${prefix}.${st.name.text}`, { node: st, prefix, imports, sf });
  }
}

function doc(node) {
  const tags = ts.getJSDocCommentsAndTags(node);
  const c = tags.find((t) => ts.isJSDoc(t))?.comment;
  const text = typeof c === 'string' ? c : (c ?? []).map((p) => p.text).join('');
  return text || undefined;
}

const out = {};
const queue = [];
function refName(d, name) {
  return d.imports.get(name) ?? `${d.prefix}.${name}`;
}
function typeSchema(d, t) {
  if (t.kind === ts.SyntaxKind.StringKeyword || ts.isLiteralTypeNode(t)) return { type: 'string' };
  if (t.kind === ts.SyntaxKind.NumberKeyword) return { type: 'integer' };
  if (t.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean' };
  if (ts.isArrayTypeNode(t)) return { type: 'array', items: itemSchema(d, t.elementType) };
  if (ts.isTypeReferenceNode(t) && t.typeName.text === 'Array') return { type: 'array', items: itemSchema(d, t.typeArguments[0]) };
  if (ts.isTypeLiteralNode(t)) return { type: 'object', additionalProperties: itemSchema(d, t.members[0].type) };
  if (ts.isTypeReferenceNode(t)) {
    const full = refName(d, t.typeName.text);
    queue.push(full);
    return { allOf: [{ $ref: `#/components/schemas/${full}` }] };
  }
  if (ts.isUnionTypeNode(t)) return { type: 'string' };
  throw new Error(`unknown type ${ts.SyntaxKind[t.kind]}`);
}
function itemSchema(d, t) {
  const s = typeSchema(d, t);
  return s.allOf ? { ...s, default: {} } : s;
}
function emit(full) {
  if (out[full]) return;
  const d = decls.get(full);
  if (!d) { out[full] = { type: 'object' }; return; }
  const n = d.node;
  if (ts.isTypeAliasDeclaration(n)) {
    out[full] = { description: doc(n), type: 'string' };
    return;
  }
  const schema = { description: doc(n), properties: {}, type: 'object' };
  out[full] = schema;
  const required = [];
  for (const m of n.members) {
    if (!ts.isPropertySignature(m)) continue;
    const name = m.name.text ?? m.name.getText(d.sf).replace(/"/g, '');
    const s = typeSchema(d, m.type);
    const desc = doc(m);
    schema.properties[name] = s.allOf ? { allOf: s.allOf, ...(desc ? { description: desc } : {}) } : { ...(desc ? { description: desc } : {}), ...s };
    if (!m.questionToken) required.push(name);
  }
  if (required.length) schema.required = required;
}
for (const [file, kind, group] of KINDS) {
  const full = `${FILES[file]}.${kind}`;
  emit(full);
  out[full]['x-kubernetes-group-version-kind'] = [{ group, kind, version: 'v1' }];
  // apiVersion and kind are literal types in kubernetes-types; the OpenAPI spec has them optional strings.
  out[full].required = (out[full].required ?? []).filter((r) => r !== 'apiVersion' && r !== 'kind');
  if (out[full].required.length === 0) delete out[full].required;
}
while (queue.length) emit(queue.shift());
const sorted = Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
const header = `/**\n * OpenAPI v3 schemas (components.schemas) of the kinds kubelab models and every schema they\n * reach, for \`kubectl explain\`. GENERATED by test/kubectl/explain/generate-schemas.mjs from\n * kubernetes-types@1.30.0 (Kubernetes v1.30 API descriptions; no enum lists): do not edit.\n */\n\n/** One schema, in the OpenAPI v3 shape kubectl's explain template reads. */\nexport interface OpenApiSchema {\n  description?: string;\n  type?: string;\n  properties?: Record<string, OpenApiSchema>;\n  required?: string[];\n  items?: OpenApiSchema;\n  additionalProperties?: OpenApiSchema | boolean;\n  allOf?: OpenApiSchema[];\n  $ref?: string;\n  enum?: unknown[];\n  default?: unknown;\n  'x-kubernetes-group-version-kind'?: { group: string; kind: string; version: string }[];\n}\n\n/** Schemas by full name (\`io.k8s.api.apps.v1.Deployment\`). */\nexport const SCHEMAS: Record<string, OpenApiSchema> = `;
const body = `{\n${Object.entries(sorted).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}`;
writeFileSync(new URL('../../../src/kubectl/explain/schemas.ts', import.meta.url), `${header}${body};\n`);
console.log(Object.keys(sorted).length, 'schemas');
