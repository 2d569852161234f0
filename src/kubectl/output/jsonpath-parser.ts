/**
 * The parser of client-go `util/jsonpath` (parser.go), ported rune for rune: text and `{...}`
 * actions, fields, `['key']`, indexes and slices, `[*]`, unions, `..`, filters, quoted
 * strings, numbers, booleans and the `range`/`end` identifiers. Error texts are Go's.
 */
import { goRuneU, unquoteExtend } from './go-format.js';

/** A parsed template node (client-go node.go). */
export type JsonPathNode =
  | { type: 'list'; nodes: JsonPathNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'array'; params: SliceParam[] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] }
  | { type: 'identifier'; name: string };

/** A list of nodes: the template root, one action, a union member or a filter side. */
export type ListNode = { type: 'list'; nodes: JsonPathNode[] };

/** One of an array node's start, end and step (ParamsEntry). */
export interface SliceParam {
  value: number;
  known: boolean;
  derived: boolean;
}

/** A template parse failure, with parser.go's message (`unclosed action`). */
export class JsonPathParseError extends Error {}

const EOF = '';
const fail = (msg: string): never => {
  throw new JsonPathParseError(msg);
};

/** Parses a jsonpath template (`{.metadata.name}`, `name: {.a}{"\n"}`) into its root list. */
export function parseJsonPath(text: string): ListNode {
  return new Parser(text).root;
}

/** parseAction: the list node of one `{text}` action. */
function parseAction(text: string): ListNode {
  return new Parser(`{${text}}`).root.nodes[0] as ListNode;
}

const isTerminator = (r: string) => r === EOF || ' \t\r\n.,[]$@{}'.includes(r);
const isAlphaNumeric = (r: string) => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const isDigit = (r: string) => /^\p{Nd}$/u.test(r);

class Parser {
  readonly root: ListNode = { type: 'list', nodes: [] };
  private pos = 0;
  private start = 0;
  private width = 0;

  constructor(private readonly input: string) {
    this.parseText(this.root);
  }

  private consumeText(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.width = r.length;
    this.pos += r.length;
    return r;
  }

  private peek(): string {
    const r = this.next();
    this.pos -= this.width;
    return r;
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
        this.pos += 1;
        this.consumeText();
        const action: ListNode = { type: 'list', nodes: [] };
        cur.nodes.push(action);
        return this.parseInsideAction(action);
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
  }

  private parseInsideAction(cur: ListNode): void {
    // Go recurses once per token; a loop keeps long templates off the JavaScript stack.
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consumeText();
        return this.parseText(this.root);
      }
      if (rest.startsWith('[?(')) this.parseFilter(cur);
      else if (rest.startsWith('..')) this.parseRecursive(cur);
      else {
        const r = this.next();
        if (r === EOF || r === '\r' || r === '\n') fail('unclosed action');
        else if (r === ' ' || r === '@' || r === '$') this.consumeText();
        else if (r === '[') this.parseArray(cur);
        else if (r === '"' || r === "'") this.parseQuote(cur, r);
        else if (r === '.') this.parseField(cur);
        else if (r === '+' || r === '-' || isDigit(r)) {
          this.pos -= this.width;
          this.parseNumber(cur);
        } else if (isAlphaNumeric(r)) {
          this.pos -= this.width;
          this.parseIdentifier(cur);
        } else fail(`unrecognized character in action: ${goRuneU(r)}`);
      }
    }
  }

  private parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.next()));
    this.pos -= this.width;
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes.at(-1)?.type === 'recursive') fail('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      const c = this.next();
      if (c !== '.' && !isDigit(c)) {
        this.pos -= this.width;
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: 'int', value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ type: 'float', value: Number(value) });
    else fail(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') fail('unterminated array');
      if (r === ']') break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === '*') text = ':';
    const strs = text.split(',');
    if (strs.length > 1) {
      cur.nodes.push({ type: 'union', nodes: strs.map((s) => parseAction(`[${s.replace(/^ +| +$/g, '')}]`)) });
      return;
    }
    const dictKey = /^'([^']*)'$/.exec(text);
    if (dictKey) {
      cur.nodes.push(...parseAction(`.${dictKey[1]}`).nodes);
      return;
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!m) return fail(`invalid array index ${text}`);
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params.push({ value: 0, known: false, derived: false });
        else if (!/^[+-]?\d+$/.test(v)) fail(`array index ${v} is not a number`);
        else params.push({ value: Number(v), known: true, derived: false });
      } else if (i === 1) params.push({ value: params[0].value + 1, known: true, derived: true });
      else params.push({ value: 0, known: false, derived: false });
    }
    cur.nodes.push({ type: 'array', params });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') fail('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') fail('unclosed array expect ]');
    const text = this.consumeText().slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) cur.nodes.push({ type: 'filter', left: parseAction(text), right: { type: 'list', nodes: [] }, operator: 'exists' });
    else cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), operator: m[2] });
  }

  private parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') fail('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    const s = unquoteExtend(value);
    if (s === undefined) fail(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ type: 'text', text: s! });
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    for (;;) {
      const r = this.next();
      if (r === '\\') this.next();
      else if (isTerminator(r)) {
        this.pos -= this.width;
        break;
      }
    }
    const value = this.consumeText();
    cur.nodes.push(value === '*' ? { type: 'wildcard' } : { type: 'field', value: value.replace(/\\/g, '') });
  }
}
