/**
 * A JSON tree that keeps what `JSON.parse` loses and the Go decoder sees: duplicate keys, key
 * order and the literal text of numbers. Built from JSON text (the HTTP body) or from a JS value.
 */

/** One JSON value. */
export type JNode =
  | { k: 'obj'; entries: [string, JNode][] }
  | { k: 'arr'; items: JNode[] }
  | { k: 'str'; v: string }
  | { k: 'num'; raw: string }
  | { k: 'bool'; v: boolean }
  | { k: 'null' };

/** Converts a JS value (already parsed) to a JNode; numbers keep their shortest text. */
export function nodeFromValue(value: unknown): JNode {
  if (value === null || value === undefined) return { k: 'null' };
  if (typeof value === 'string') return { k: 'str', v: value };
  if (typeof value === 'number') return { k: 'num', raw: String(value) };
  if (typeof value === 'boolean') return { k: 'bool', v: value };
  if (Array.isArray(value)) return { k: 'arr', items: value.map(nodeFromValue) };
  if (typeof value === 'object') {
    const entries: [string, JNode][] = [];
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined) entries.push([key, nodeFromValue(v)]);
    }
    return { k: 'obj', entries };
  }
  return { k: 'null' };
}

/** The JS value of a node (later duplicates win, as in Go's map decoding). */
export function nodeToValue(node: JNode): unknown {
  switch (node.k) {
    case 'obj': {
      const out: Record<string, unknown> = {};
      for (const [key, v] of node.entries) out[key] = nodeToValue(v);
      return out;
    }
    case 'arr':
      return node.items.map(nodeToValue);
    case 'str':
      return node.v;
    case 'num':
      return Number(node.raw);
    case 'bool':
      return node.v;
    case 'null':
      return null;
  }
}

/** Parses JSON text into a JNode; throws an Error with a Go-like syntax message. */
export function parseJsonText(text: string): JNode {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    if (i >= text.length) throw new Error('unexpected end of JSON input');
    throw new Error(`invalid character '${text[i]}' looking for beginning of value`);
  };
  const value = (): JNode => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: [string, JNode][] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { k: 'obj', entries };
      }
      for (;;) {
        ws();
        const key = value();
        if (key.k !== 'str') fail();
        ws();
        if (text[i] !== ':') fail();
        i++;
        entries.push([(key as { v: string }).v, value()]);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return { k: 'obj', entries };
        } else fail();
      }
    }
    if (c === '[') {
      i++;
      const items: JNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { k: 'arr', items };
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return { k: 'arr', items };
        } else fail();
      }
    }
    if (c === '"') {
      const m = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/.exec(text.slice(i));
      if (!m) fail();
      i += m![0].length;
      return { k: 'str', v: JSON.parse(m![0]) as string };
    }
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (num) {
      i += num[0].length;
      return { k: 'num', raw: num[0] };
    }
    for (const [word, node] of [['true', { k: 'bool', v: true }], ['false', { k: 'bool', v: false }], ['null', { k: 'null' }]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return node as JNode;
      }
    }
    return fail();
  };
  const root = value();
  ws();
  if (i < text.length) throw new Error(`invalid character '${text[i]}' after top-level value`);
  return root;
}
