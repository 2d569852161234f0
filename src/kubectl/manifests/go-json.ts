/**
 * A JSON stream decoder with Go `encoding/json` error texts, as apimachinery's
 * YAMLOrJSONDecoder reports them for a manifest that starts with `{`:
 * `json: offset 35: invalid character '}' looking for beginning of value`, or `unexpected EOF`.
 * Values keep JavaScript types; object keys keep their order; a duplicate key keeps the last value.
 */

/** A JSON syntax error; `offset` is Go's SyntaxError.Offset (bytes read, 1-based index of the bad byte). */
export class GoJsonError extends Error {}

/** Decodes every top-level JSON value of `text`, in order. */
export function decodeJsonStream(text: string): unknown[] {
  const p = new Parser(text);
  const out: unknown[] = [];
  for (;;) {
    p.ws();
    if (p.i >= text.length) return out;
    out.push(p.value());
  }
}

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  ws(): void {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i])) this.i++;
  }

  private fail(context: string): never {
    if (this.i >= this.s.length) throw new GoJsonError('unexpected EOF');
    const c = this.s[this.i];
    const shown = c === "'" ? "'\\''" : c === '"' ? `'"'` : `'${c}'`;
    throw new GoJsonError(`json: offset ${byteOffset(this.s, this.i) + 1}: invalid character ${shown} ${context}`);
  }

  value(): unknown {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
      if (c === word[0]) {
        let k = 0;
        while (this.s[this.i + k] === word[k]) k++;
        this.i += k;
        this.fail(`in literal ${word} (expecting '${word[k]}')`);
      }
    }
    return this.fail('looking for beginning of value');
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('looking for beginning of object key string');
      const k = this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail('after object key');
      this.i++;
      out[k] = this.value();
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      this.fail('after object key:value pair');
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      this.fail('after array element');
    }
  }

  private string(): string {
    const start = this.i;
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\') this.i += 2;
      else if (c === '"') {
        this.i++;
        return JSON.parse(this.s.slice(start, this.i)) as string;
      } else if (c < ' ') this.fail('in string literal');
      else this.i++;
    }
    return this.fail('in string literal');
  }

  private number(): number {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i));
    if (!m || m[0] === '-') {
      this.i += m ? 1 : 0;
      return this.fail('in numeric literal');
    }
    this.i += m[0].length;
    return Number(m[0]);
  }
}

function byteOffset(s: string, index: number): number {
  return Buffer.byteLength(s.slice(0, index), 'utf8');
}
