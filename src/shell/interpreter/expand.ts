/**
 * Word expansion in POSIX order: braces, tilde, parameters, `$(...)` and backquotes,
 * `$((...))`, field splitting on IFS (unquoted results only), pathname expansion in the
 * place's file system, quote removal.
 */
import type { PartOf, WordNode, WordPart } from '../ast.js';
import { evaluateArithmetic } from './arithmetic.js';
import { executeStatements, inSubshell } from './execute.js';
import { expandBraces } from './braces.js';
import { expandParameter } from './parameter.js';
import { escapePattern, globPaths, hasGlob } from './pattern.js';
import { captureSink } from './redirect.js';
import type { Exec } from './shell.js';

/** A run of text inside one field; `active` text keeps its glob meaning. */
interface Segment {
  text: string;
  active: boolean;
}

/** A field being built: `quoted` fields survive even when empty (`""`). */
interface Field {
  segs: Segment[];
  quoted: boolean;
}

class FieldBuilder {
  readonly fields: Field[] = [];
  private cur: Field | undefined;

  /** Appends text to the current field. */
  add(text: string, active: boolean, quoted: boolean): void {
    this.cur ??= { segs: [], quoted: false };
    if (text !== '') this.cur.segs.push({ text, active });
    if (quoted) this.cur.quoted = true;
  }

  /** Ends the current field (the next text starts a new one). */
  split(): void {
    if (this.cur && (this.cur.quoted || this.cur.segs.length > 0)) this.fields.push(this.cur);
    this.cur = undefined;
  }

  /** Adds the result of an unquoted expansion, split on IFS. */
  addSplit(value: string, ifs: string): void {
    if (ifs === '') return this.add(value, true, false);
    const white = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
    const other = [...ifs].filter((c) => !' \t\n'.includes(c)).join('');
    let i = 0;
    let piece = '';
    while (i < value.length) {
      const c = value[i];
      if (white.includes(c) || other.includes(c)) {
        this.add(piece, true, false);
        piece = '';
        // A run of IFS whitespace with at most one other IFS character is one separator.
        let j = i;
        while (j < value.length && white.includes(value[j])) j++;
        if (j < value.length && other.includes(value[j])) {
          if (this.cur === undefined) this.add('', false, true);
          j++;
          while (j < value.length && white.includes(value[j])) j++;
        }
        this.split();
        i = j;
      } else {
        piece += c;
        i++;
      }
    }
    this.add(piece, true, false);
  }

  finish(): Field[] {
    this.split();
    return this.fields;
  }
}

/** Expands words into the argument list (with splitting and globbing). */
export async function expandWords(words: readonly WordNode[], ex: Exec): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    for (const braced of expandBraces(w)) {
      const b = new FieldBuilder();
      await addParts(braced.parts, ex, b, false);
      for (const f of b.finish()) out.push(...globField(f, ex));
    }
  }
  return out;
}

/** Expands one word to one string: no splitting, no globbing (assignments, heredocs, case). */
export async function expandWord(word: WordNode, ex: Exec): Promise<string> {
  const b = new FieldBuilder();
  await addParts(word.parts, ex, b, true);
  return b
    .finish()
    .map((f) => f.segs.map((s) => s.text).join(''))
    .join(' ');
}

/** Expands a word as a pattern: quoted characters lose their glob meaning. */
export async function expandPattern(word: WordNode, ex: Exec): Promise<string> {
  const b = new FieldBuilder();
  await addParts(word.parts, ex, b, true);
  return b
    .finish()
    .map((f) => f.segs.map((s) => (s.active ? s.text : escapePattern(s.text))).join(''))
    .join(' ');
}

function globField(f: Field, ex: Exec): string[] {
  const literal = f.segs.map((s) => s.text).join('');
  if (!f.segs.some((s) => s.active && hasGlob(s.text))) return [literal];
  const pattern = f.segs.map((s) => (s.active ? s.text : escapePattern(s.text))).join('');
  const found = globPaths(pattern, ex.sh.opts.fs);
  return found.length > 0 ? found : [literal];
}

/**
 * Adds parts to the builder. `noSplit` is set inside double quotes and for single-string
 * expansions; `$@` still makes one field per parameter inside double quotes.
 */
async function addParts(parts: readonly WordPart[], ex: Exec, b: FieldBuilder, noSplit: boolean, inQuotes = false): Promise<void> {
  const ifs = ex.sh.get('IFS') ?? ' \t\n';
  const addValue = (v: string) => (noSplit || inQuotes ? b.add(v, !inQuotes, inQuotes) : b.addSplit(v, ifs));
  for (const part of parts) {
    switch (part.type) {
      case 'Literal':
        b.add(part.value, !inQuotes, inQuotes);
        break;
      case 'SingleQuoted':
      case 'Escaped':
        b.add(part.value, false, true);
        break;
      case 'DoubleQuoted':
        b.add('', false, true);
        await addParts(part.parts, ex, b, noSplit, true);
        break;
      case 'Glob':
        b.add(part.pattern, !inQuotes, inQuotes);
        break;
      case 'TildeExpansion':
        b.add(part.user === null ? (ex.sh.get('HOME') ?? '/') : `~${part.user}`, false, true);
        break;
      case 'ParameterExpansion':
        await addParameter(part, ex, b, noSplit, inQuotes, addValue);
        break;
      case 'CommandSubstitution':
        addValue(await commandSubstitution(part, ex));
        break;
      case 'ArithmeticExpansion':
        addValue(String(await evaluateArithmetic(part.expression.expression, ex)));
        break;
      case 'BraceExpansion':
        // Braces inside quotes or after expansion stay as written.
        b.add(braceText(part), false, true);
        break;
      case 'ProcessSubstitution':
        b.add('/dev/fd/63', false, true);
        break;
    }
  }
}

async function addParameter(
  part: PartOf<'ParameterExpansion'>,
  ex: Exec,
  b: FieldBuilder,
  noSplit: boolean,
  inQuotes: boolean,
  addValue: (v: string) => void,
): Promise<void> {
  if (part.parameter === '@' && part.operation === null && inQuotes) {
    // "$@": one field per positional parameter, none when there are none.
    const ps = ex.sh.positional;
    ps.forEach((p, i) => {
      if (i > 0 && !noSplit) b.split();
      if (i > 0 && noSplit) b.add(' ', false, true);
      b.add(p, false, true);
    });
    return;
  }
  addValue(await expandParameter(part, ex));
}

/** Runs `$(...)` in a subshell and returns its output without trailing newlines. */
export async function commandSubstitution(part: PartOf<'CommandSubstitution'>, ex: Exec): Promise<string> {
  const leave = ex.run.enter();
  try {
    const buf = captureSink(ex.run);
    const status = await inSubshell(ex, () => executeStatements(part.body.statements, { ...ex, io: { ...ex.io, stdout: buf.write } }));
    ex.sh.status = status;
    ex.sh.substStatus = status;
    return buf.text().replace(/\n+$/, '');
  } finally {
    leave();
  }
}

function braceText(part: PartOf<'BraceExpansion'>): string {
  return `{${part.items
    .map((i) => (i.type === 'Range' ? `${i.startStr ?? i.start}..${i.endStr ?? i.end}` : i.word.parts.map((p) => ('value' in p ? p.value : '')).join('')))
    .join(',')}}`;
}
