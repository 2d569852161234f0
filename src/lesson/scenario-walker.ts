/**
 * Walks a parsed YAML document against the schema of scenario-schema.ts, reporting unknown
 * fields (with a "did you mean"), wrong types, missing fields and bad values at the position
 * of the node at fault. It also notes where step ids, step references and meter checks are,
 * for the cross-checks of scenario-loader.ts.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { resolveResource, RESOURCE_TYPES } from '../cluster/resources.js';
import { parseFieldPath } from './field-path.js';
import { didYouMean, type ProblemCode, type ScenarioProblem } from './scenario-problems.js';
import { BRANCH, CHECK_SPECS, ID_PATTERN, type Spec } from './scenario-schema.js';
import type { CheckKind } from './scenario-types.js';

/** A string value and where it was written. */
export interface Located {
  value: string;
  line: number;
  column: number;
}

/** What the walk found besides problems. */
export interface WalkNotes {
  /** Step references (`next`, `goto`, `noDowntimeOutside`), in file order. */
  refs: Located[];
  /** Meter checks (`noDowntime`, `noDowntimeOutside`), by check name. */
  meterChecks: Located[];
}

const CHECK_KINDS = Object.keys(CHECK_SPECS) as CheckKind[];
const KIND_NAMES = RESOURCE_TYPES.map((r) => r.kind);

/** Validates `doc` against `spec`; pushes problems and notes. */
export class ScenarioWalker {
  readonly problems: ScenarioProblem[] = [];
  readonly notes: WalkNotes = { refs: [], meterChecks: [] };

  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Checks `node` (undefined: the field is empty) against `spec`. */
  walk(node: unknown, spec: Spec, where: Node | undefined): void {
    if (isAlias(node)) node = node.resolve(this.doc);
    const at = (node as Node | undefined) ?? where;
    const value = isScalar(node) ? node.value : undefined;
    switch (spec.type) {
      case 'any':
        return;
      case 'string':
        if (typeof value !== 'string') return this.wrongType(at, 'a string', node);
        return this.checkFormat(value, spec.format, at);
      case 'number':
        if (typeof value !== 'number') return this.wrongType(at, 'a number', node);
        if (spec.integer && !Number.isInteger(value)) return this.report('bad-value', at, `expected a whole number, got ${value}`);
        if (spec.min !== undefined && value < spec.min) return this.report('bad-value', at, `expected at least ${spec.min}, got ${value}`);
        if (spec.max !== undefined && value > spec.max) return this.report('bad-value', at, `expected at most ${spec.max}, got ${value}`);
        return;
      case 'true':
        if (value !== true) return this.wrongType(at, 'true', node);
        return;
      case 'string-or-number':
        if (typeof value !== 'string' && typeof value !== 'number') return this.wrongType(at, 'a string or a number', node);
        return;
      case 'string-map':
        if (!isMap(node)) return this.wrongType(at, 'a map of strings', node);
        for (const pair of node.items) {
          this.walk(pair.key, { type: 'string' }, at);
          this.walk(pair.value, { type: 'string' }, (pair.key as Node) ?? at);
        }
        return;
      case 'list':
        if (!isSeq(node)) return this.wrongType(at, 'a list', node);
        if (spec.minItems !== undefined && node.items.length < spec.minItems) {
          return this.report('bad-value', at, spec.minItems === 1 ? 'expected a list with at least one item' : `expected a list of at least ${spec.minItems} items`);
        }
        if (spec.maxItems !== undefined && node.items.length > spec.maxItems) {
          return this.report('bad-value', at, `expected a list of at most ${spec.maxItems} items`);
        }
        for (const item of node.items) this.walk(item, spec.of, at);
        return;
      case 'object':
        return this.walkObject(node, spec, at);
      case 'check':
        return this.walkCheck(node, at);
      case 'next':
        if (isSeq(node)) return this.walk(node, { type: 'list', of: BRANCH, minItems: 1 }, at);
        if (typeof value === 'string') return this.checkFormat(value, 'step-ref', at);
        return this.wrongType(at, 'a step id, "end" or a list of branches', node);
    }
  }

  private walkObject(node: unknown, spec: Extract<Spec, { type: 'object' }>, at: Node | undefined): void {
    if (!isMap(node)) return this.wrongType(at, `a map (${spec.name})`, node);
    const names = Object.keys(spec.fields);
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const keyNode = (pair.key as Node | null) ?? node;
      if (key === undefined) {
        this.report('wrong-type', keyNode, 'expected a plain field name');
        continue;
      }
      const field = spec.fields[key];
      if (!field) {
        this.report('unknown-field', keyNode, `unknown field "${key}" in ${spec.name}${didYouMean(key, names)}`);
        continue;
      }
      seen.add(key);
      this.walk(pair.value, field.spec, keyNode);
    }
    for (const [name, field] of Object.entries(spec.fields)) {
      if (field.required && !seen.has(name)) this.report('missing-field', node, `${spec.name} is missing the required field "${name}"`);
    }
  }

  private walkCheck(node: unknown, at: Node | undefined): void {
    if (!isMap(node)) return this.wrongType(at, `a check (a map with one of ${CHECK_KINDS.join(', ')})`, node);
    if (node.items.length !== 1) {
      const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '?'));
      const message = keys.length === 0 ? 'a check needs one kind, e.g. "exists:"' : `a check has exactly one kind, found ${keys.map((k) => `"${k}"`).join(', ')}; combine checks with "all:"`;
      return this.report('bad-value', node, message);
    }
    const pair = node.items[0];
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyNode = (pair.key as Node | null) ?? node;
    const spec = CHECK_SPECS[key as CheckKind];
    if (!spec) return this.report('unknown-check', keyNode, `unknown check "${key}"${didYouMean(key, CHECK_KINDS)}`);
    if (key === 'noDowntime' || key === 'noDowntimeOutside') this.notes.meterChecks.push(this.locate(key, keyNode));
    this.walk(pair.value, spec, keyNode);
  }

  private checkFormat(value: string, format: Extract<Spec, { type: 'string' }>['format'], at: Node | undefined): void {
    if (format === 'id' && !ID_PATTERN.test(value)) {
      this.report('bad-value', at, `"${value}" is not a valid id: use lower-case letters, digits and single hyphens`);
    } else if (format === 'regex') {
      try {
        new RegExp(value);
      } catch (e) {
        this.report('bad-value', at, `invalid regular expression "${value}": ${(e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}`);
      }
    } else if (format === 'kind' && !resolveResource(value)) {
      this.report('bad-value', at, `unknown kind "${value}"${didYouMean(value, KIND_NAMES)}`);
    } else if (format === 'field-path') {
      try {
        parseFieldPath(value);
      } catch (e) {
        this.report('bad-value', at, (e as Error).message);
      }
    } else if (format === 'step-ref') {
      this.notes.refs.push(this.locate(value, at));
    }
  }

  private wrongType(at: Node | undefined, expected: string, node: unknown): void {
    this.report('wrong-type', at, `expected ${expected}, got ${describe(node)}`);
  }

  /** Records a problem at a node's start. */
  report(code: ProblemCode, at: Node | undefined | null, message: string): void {
    const { line, column } = this.locate('', at ?? undefined);
    this.problems.push({ code, line, column, message });
  }

  /** The position of a node (1:1 when unknown). */
  locate(value: string, at: Node | undefined): Located {
    const offset = at?.range?.[0];
    if (offset === undefined) return { value, line: 1, column: 1 };
    const { line, col } = this.lines.linePos(offset);
    return { value, line, column: col };
  }
}

function describe(node: unknown): string {
  if (node === undefined || node === null) return 'nothing';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'nothing';
    if (typeof v === 'string') return `the string "${v.length > 40 ? v.slice(0, 37) + '...' : v}"`;
    if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${v}`;
  }
  return 'something else';
}
