/**
 * Parameter expansion: `$x`, `${x}`, `${x:-d}` `${x:=d}` `${x:?msg}` `${x:+alt}` (and the
 * forms without `:`), `${#x}`, `${x:off:len}`, `${x#p}` `${x##p}` `${x%p}` `${x%%p}`,
 * `${x/p/r}` `${x//p/r}`, `${x^^}` `${x,,}`, `${!x}`.
 */
import type { PartOf } from '../ast.js';
import { evaluateArithmetic } from './arithmetic.js';
import { expandPattern, expandWord } from './expand.js';
import { patternSource, removePattern } from './pattern.js';
import type { Exec } from './shell.js';
import { ShellError } from './signals.js';

/** The string value of a parameter expansion. */
export async function expandParameter(part: PartOf<'ParameterExpansion'>, ex: Exec): Promise<string> {
  const name = part.parameter;
  const op = part.operation;
  const value = ex.sh.get(name);
  if (op === null) return value ?? '';
  const isSet = value !== undefined && (name !== '@' && name !== '*' ? true : ex.sh.positional.length > 0);
  const usable = (checkEmpty: boolean) => isSet && !(checkEmpty && value === '');
  switch (op.type) {
    case 'DefaultValue':
      return usable(op.checkEmpty) ? value! : expandWord(op.word, ex);
    case 'AssignDefault': {
      if (usable(op.checkEmpty)) return value!;
      const v = await expandWord(op.word, ex);
      ex.sh.set(name, v);
      return v;
    }
    case 'ErrorIfUnset': {
      if (usable(op.checkEmpty)) return value!;
      const msg = op.word ? await expandWord(op.word, ex) : op.checkEmpty ? 'parameter null or not set' : 'parameter not set';
      throw new ShellError(`${name}: ${msg}`, 1);
    }
    case 'UseAlternative':
      return usable(op.checkEmpty) ? expandWord(op.word, ex) : '';
    case 'Length':
      return String(name === '@' || name === '*' ? ex.sh.positional.length : [...(value ?? '')].length);
    case 'Substring': {
      const chars = [...(value ?? '')];
      let off = await evaluateArithmetic(op.offset.expression, ex);
      if (off < 0) off = Math.max(0, chars.length + off);
      let end = chars.length;
      if (op.length) {
        const len = await evaluateArithmetic(op.length.expression, ex);
        end = len < 0 ? chars.length + len : off + len;
        if (end < off) throw new ShellError(`${len}: substring expression < 0`, 1);
      }
      return chars.slice(off, end).join('');
    }
    case 'PatternRemoval':
      return removePattern(value ?? '', await expandPattern(op.pattern, ex), op.side, op.greedy);
    case 'PatternReplacement': {
      const pattern = await expandPattern(op.pattern, ex);
      const replacement = op.replacement ? await expandWord(op.replacement, ex) : '';
      return replacePattern(value ?? '', pattern, replacement, op.all, op.anchor);
    }
    case 'CaseModification': {
      const v = value ?? '';
      const f = op.direction === 'upper' ? (s: string) => s.toUpperCase() : (s: string) => s.toLowerCase();
      return op.all ? f(v) : f(v.slice(0, 1)) + v.slice(1);
    }
    case 'Indirection': {
      const target = value === undefined ? undefined : ex.sh.get(value);
      if (!op.innerOp) return target ?? '';
      return expandParameter({ ...part, parameter: value ?? '', operation: op.innerOp }, ex);
    }
    default:
      throw new ShellError(`\${${name}}: bad substitution`, 2);
  }
}

function replacePattern(text: string, pattern: string, replacement: string, all: boolean, anchor: 'start' | 'end' | null): string {
  if (pattern === '') return text;
  const src = patternSource(pattern);
  if (anchor === 'start') {
    for (let n = text.length; n >= 0; n--) if (new RegExp(`^${src}$`).test(text.slice(0, n))) return replacement + text.slice(n);
    return text;
  }
  if (anchor === 'end') {
    for (let s = 0; s <= text.length; s++) if (new RegExp(`^${src}$`).test(text.slice(s))) return text.slice(0, s) + replacement;
    return text;
  }
  // Longest match at the leftmost position, as bash does.
  let out = '';
  let i = 0;
  while (i <= text.length) {
    let matched = -1;
    for (let n = text.length; n > i; n--) {
      if (new RegExp(`^${src}$`).test(text.slice(i, n))) {
        matched = n;
        break;
      }
    }
    if (matched < 0) {
      if (i < text.length) out += text[i];
      i++;
      continue;
    }
    out += replacement;
    i = matched;
    if (!all) return out + text.slice(i);
  }
  return out;
}
