/**
 * Go's `fmt` and `strconv` renderings of decoded JSON values (unstructured content:
 * map[string]interface{}, []interface{}, string, int64, float64, bool, nil), as kubectl's
 * printers show them: `%v` in custom columns and jsonpath text, `%#v` in the jsonpath debug dump.
 * A JavaScript number is an int64 when it is an integer of at most 2^63, a float64 otherwise
 * (apimachinery decodes JSON numbers that way); `GoFloat` marks a float64 that is integral,
 * such as a jsonpath literal `2.0`.
 */

/** A float64 whose value happens to be integral (a jsonpath `2.0` literal): prints and compares as a float. */
export class GoFloat {
  constructor(readonly value: number) {}
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoFloat);

/** True when `n` is decoded as int64 rather than float64. */
export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) <= 2 ** 63;
}

/** Go's type name for a value, as `%v` of a reflect.Type prints it (`string`, `map[string]interface {}`). */
export function goTypeName(v: unknown): string {
  if (v instanceof GoFloat) return 'float64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return isGoInt(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  if (v === null || v === undefined) return 'interface {}';
  return 'map[string]interface {}';
}

/** strconv.FormatFloat(f, 'g', -1, 64), as `%v` prints a float64: 0.5, 1e+06, 1e-05. */
export function goFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  // Shortest 'g' switches to the exponent form when exp < -4 || exp >= 6 (Go: 1e+06, 1e-05).
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

/** `%v` of a number as Go prints int64 or float64. */
export function goNumber(v: number | GoFloat): string {
  if (v instanceof GoFloat) return goFloatG(v.value);
  return isGoInt(v) ? BigInt(v).toString() : goFloatG(v);
}

/** fmt.Sprint(v): `map[a:1 b:x]` with sorted keys, `[a b]`, `<nil>`, raw strings. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number' || v instanceof GoFloat) return goNumber(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (isMap(v)) return `map[${sortedKeys(v).map((k) => `${k}:${goSprint(v[k])}`).join(' ')}]`;
  return String(v);
}

/** fmt's `%#v` (Go syntax) of unstructured content, as the jsonpath printer's debug dump shows it. */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number' || v instanceof GoFloat) return goNumber(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x)).join(', ')}}`;
  if (isMap(v)) return `map[string]interface {}{${sortedKeys(v).map((k) => `${goQuote(k)}:${goSharpV(v[k])}`).join(', ')}}`;
  return String(v);
}

/** strconv.Quote: Go escapes (`\a \b \f \n \r \t \v`, `\x00`, `\u00ad`), printable runes kept as is. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (isGoPrintable(ch)) out += ch;
    else if (c > 0xffff) out += `\\U${c.toString(16).padStart(8, '0')}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

const ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

/** unicode.IsPrint, approximated: letters, marks, numbers, punctuation, symbols and U+0020. */
function isGoPrintable(ch: string): boolean {
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch);
}

/** Go sorts map keys by byte order of their UTF-8 encoding (fmt and encoding/json alike). */
export function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** UnquoteExtend: strconv.Unquote for `"..."` and `'...'`; undefined for invalid syntax. */
export function unquoteExtend(s: string): string | undefined {
  const quote = s[0];
  if (s.length < 2 || s.at(-1) !== quote || (quote !== '"' && quote !== "'")) return undefined;
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    if (c === quote) return undefined;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) return undefined;
    if (SIMPLE_ESCAPES[e]) out += SIMPLE_ESCAPES[e];
    else if (e === quote) out += e;
    else {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : /[0-7]/.test(e) ? 3 : 0;
      const digits = e >= '0' && e <= '7' ? body.slice(i + 1, i + 4) : body.slice(i + 2, i + 2 + len);
      const ok = len > 0 && digits.length === len && (e >= '0' && e <= '7' ? /^[0-7]{3}$/.test(digits) : /^[0-9a-fA-F]+$/.test(digits));
      if (!ok) return undefined;
      const code = parseInt(digits, e >= '0' && e <= '7' ? 8 : 16);
      if (code > 0x10ffff || (e === 'u' || e === 'U' ? code >= 0xd800 && code < 0xe000 : code > 255)) return undefined;
      out += String.fromCodePoint(code);
      i += e >= '0' && e <= '7' ? 4 : 2 + len;
      continue;
    }
    i += 2;
  }
  return out;
}

/** `%#U` of a rune: `U+0023 '#'`, or `U+0009` alone when not printable. */
export function goRuneU(r: string): string {
  const c = r.codePointAt(0)!;
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r) ? `${hex} '${r}'` : hex;
}
