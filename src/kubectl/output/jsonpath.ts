/**
 * client-go `util/jsonpath` execution (jsonpath.go) over decoded JSON, and kubectl's
 * `-o jsonpath=` / `-o jsonpath-as-json=` printer around it (cli-runtime printers/jsonpath.go,
 * jsonpath_flags.go): allowMissingKeys on, maps and slices printed as compact JSON, scalars as
 * Go's fmt prints them, the results of one action joined by a space, no final newline.
 * Input: the object as kubectl holds it (unstructured content); for several objects, the List
 * of `printedList`. Fidelity limit: Go ranges over a map in random order (`*`, `..`); here keys
 * are visited sorted.
 */
import { KubectlError } from '../errors.js';
import { GoFloat, goQuote, goSharpV, goSprint, goTypeName, isGoInt, sortedKeys } from './go-format.js';
import { JsonPathParseError, parseJsonPath, type JsonPathNode, type ListNode } from './jsonpath-parser.js';
import { goJsonMarshal } from './json.js';

export { JsonPathParseError, parseJsonPath } from './jsonpath-parser.js';

/** An execution failure, with jsonpath.go's message (`array index out of bounds: index 5, length 2`). */
export class JsonPathExecError extends Error {}

type Value = unknown;
const fail = (msg: string): never => {
  throw new JsonPathExecError(msg);
};
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoFloat);

/** FindResults: the values of each top-level node of the template, ranges unrolled. */
export function findJsonPathResults(template: ListNode, data: unknown, allowMissingKeys: boolean): Value[][] {
  return new Executor(template, allowMissingKeys).findResults(data);
}

class Executor {
  private root: JsonPathNode[];
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;

  constructor(
    template: ListNode,
    private readonly allowMissingKeys: boolean,
  ) {
    this.root = template.nodes;
  }

  findResults(data: unknown, offset = 0): Value[][] {
    const cur = [data];
    const nodes = this.root;
    const full: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = offset + i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        this.root = nodes.slice(i + 1);
        if (results.length > 0) for (const v of results) full.push(...this.findResults(v, offset + i + 1));
        else this.findResults(null, offset + i + 1);
        this.root = nodes;
        this.inRange--;
        // Resume after the `end` that closed this range.
        if (this.lastEndNode > offset + i && this.lastEndNode < offset + nodes.length) i = this.lastEndNode - offset;
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Value[], node: JsonPathNode): Value[] {
    switch (node.type) {
      case 'list':
        return node.nodes.reduce<Value[]>((cur, n) => this.walk(cur, n), input);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.value);
      case 'array':
        return input.flatMap((v) => evalArray(v, node.params));
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
      case 'bool':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => (Number.isInteger(node.value) ? new GoFloat(node.value) : node.value));
      case 'wildcard':
        return input.flatMap(children);
      case 'recursive':
        return evalRecursive(input);
      case 'union':
        return node.nodes.flatMap((l) => this.walk(input, l));
      case 'identifier':
        if (node.name === 'range') {
          this.beginRange++;
          return input;
        }
        if (node.name === 'end') {
          if (this.inRange > 0) this.endRange++;
          else fail('not in range, nothing to end');
          return [];
        }
        return fail(`unrecognized identifier ${node.name}`);
    }
  }

  private evalField(input: Value[], name: string): Value[] {
    if (input.length === 0) return [];
    const results = input.filter(isMap).filter((m) => Object.hasOwn(m, name)).map((m) => m[name]);
    if (results.length === 0 && !this.allowMissingKeys) fail(`${name} is not found`);
    return results;
  }

  private evalFilter(input: Value[], node: Extract<JsonPathNode, { type: 'filter' }>): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) fail(`${value === null ? '<invalid reflect.Value>' : goSprint(value)} is not array or slice and cannot be filtered`);
      for (const item of value as Value[]) {
        if (node.operator === 'exists') {
          // Go ignores the error here, and most failing nodes hand back their non-empty input.
          let lefts: Value[] = [item];
          try {
            lefts = this.walk([item], node.left);
          } catch (e) {
            if (!(e instanceof JsonPathExecError)) throw e;
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = this.walk([item], node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) fail('can only compare one element at a time');
        const rights = this.walk([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) fail('can only compare one element at a time');
        if (compare(lefts[0], rights[0], node.operator)) results.push(item);
      }
    }
    return results;
  }
}

/** The elements, values or characters of a value (wildcard and recursive descent). */
function children(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return sortedKeys(v).map((k) => v[k]);
  if (typeof v === 'string') return [...Buffer.from(v)];
  return [];
}

function evalRecursive(input: Value[]): Value[] {
  const out: Value[] = [];
  for (const v of input) {
    if (v === null || v === undefined) continue;
    const kids = children(v);
    if (kids.length > 0) out.push(v, ...evalRecursive(kids));
  }
  return out;
}

function evalArray(value: Value, params: readonly { value: number; known: boolean; derived: boolean }[]): Value[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return fail(`${goTypeName(value)} is not array or slice`);
  const len = value.length;
  let start = params[0].known ? params[0].value : 0;
  if (start < 0) start += len;
  let end = params[1].known ? params[1].value : len;
  if (end < 0 || (end === 0 && params[1].derived)) end += len;
  if (end === start) return [];
  if (start >= len || start < 0) fail(`array index out of bounds: index ${start}, length ${len}`);
  if (end > len || end < 0) fail(`array index out of bounds: index ${end - 1}, length ${len}`);
  if (start > end) fail(`starting index ${start} is greater than ending index ${end}`);
  const step = params[2].known ? params[2].value : 1;
  if (params[2].known && step <= 0) fail('step must be > 0');
  const out: Value[] = [];
  for (let i = start; i < end; i += step) out.push(value[i]);
  return out;
}

type Kind = 'bool' | 'int' | 'float' | 'string';
function basicKind(v: Value): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (v instanceof GoFloat) return 'float';
  if (typeof v === 'number') return isGoInt(v) ? 'int' : 'float';
  return fail('invalid type for comparison');
}

/** text/template's eq/lt family, as the forked copy in client-go compares filter operands. */
function compare(left: Value, right: Value, op: string): boolean {
  const num = (v: Value) => (v instanceof GoFloat ? v.value : (v as number | string | boolean));
  const k1 = basicKind(left);
  const k2 = basicKind(right);
  const eq = () => {
    if (k1 !== k2) fail('incompatible types for comparison');
    return num(left) === num(right);
  };
  const lt = () => {
    if (k1 !== k2) fail('incompatible types for comparison');
    if (k1 === 'bool') fail('invalid type for comparison');
    return k1 === 'string' ? Buffer.compare(Buffer.from(left as string), Buffer.from(right as string)) < 0 : num(left) < num(right);
  };
  switch (op) {
    case '==':
      return eq();
    case '!=':
      return !eq();
    case '<':
      return lt();
    case '<=':
      return lt() || eq();
    case '>':
      return !(lt() || eq());
    case '>=':
      return !lt();
    default:
      return fail(`unrecognized filter operator ${op}`);
  }
}

/** PrintResults for one action's values: JSON for maps and slices, Go's `%v` otherwise, space-joined. */
export function printJsonPathResults(results: readonly Value[]): string {
  return results.map((r) => (r === null || r === undefined ? 'null' : Array.isArray(r) || isMap(r) ? goJsonMarshal(r) : goSprint(r))).join(' ');
}

/**
 * `kubectl get -o jsonpath=<template>` (or `jsonpath-as-json` with asJson) of one object or of a
 * `printedList`: the text to print (no final newline), or a KubectlError with kubectl's message
 * (`error parsing jsonpath {.a, unclosed action`, `error executing jsonpath "...": Error executing template: ...`).
 */
export function printJsonPath(template: string, obj: unknown, opts: { asJson?: boolean } = {}): string {
  if (template === '') throw new KubectlError('template format specified but no template given');
  let parsed: ListNode;
  try {
    parsed = parseJsonPath(template);
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new KubectlError(`error parsing jsonpath ${template}, ${e.message}\n`);
    throw e;
  }
  let groups: Value[][];
  try {
    groups = findJsonPathResults(parsed, obj, true);
  } catch (e) {
    if (!(e instanceof JsonPathExecError)) throw e;
    const debug =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n`;
    throw new KubectlError(`error executing jsonpath ${goQuote(template)}: ${debug}\n`);
  }
  if (opts.asJson) return groups.map((g) => `${goJsonMarshal(g, { indent: '    ' })}\n`).join('');
  return groups.map(printJsonPathResults).join('');
}
