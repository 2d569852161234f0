/**
 * Shell source → AST. The grammar is just-bash's (`parse`, a maintained bash parser); its
 * bundle costs ~125–170 ms to import, so it is loaded on the first line that needs it. Lines
 * of plain words (the usual `kubectl get pods -o wide`) take a fast path through splitWords and
 * never load it; test/shell/fast-path.test.ts proves both give the same words.
 * See docs/decisions/0005-shell-parser.md.
 */
import type { ScriptNode, StatementNode, WordNode } from 'just-bash';
import { splitWords } from '../cli/split-words.js';

/** What parsing a piece of shell source gives. */
export type ParseOutcome =
  | { kind: 'complete'; script: ScriptNode }
  /** More lines are needed: an open quote, compound command, heredoc or trailing `\`. */
  | { kind: 'incomplete' }
  /** A syntax error, in busybox sh's words (`unexpected "fi"`), without the `sh: ` prefix. */
  | { kind: 'error'; message: string };

type ParseFn = (input: string) => ScriptNode;
let loaded: Promise<ParseFn> | undefined;

/** Loads just-bash's parser once (the import is the expensive part). */
function loadParser(): Promise<ParseFn> {
  loaded ??= import('just-bash').then((m) => m.parse as ParseFn);
  return loaded;
}

/** Words that open or close shell syntax when they come first on a line. */
const RESERVED = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for',
  'in', 'function', 'select', 'time', 'coproc', '!', '{', '}', '[[', ']]',
]);
/** Characters with no meaning to the shell outside quotes. */
const PLAIN = /[A-Za-z0-9_./:,+@%^=-]/;

/**
 * True for a line the fast path may take: words of plain characters and quoted strings with
 * no `$`, backquote or backslash inside, the first word neither reserved nor an assignment.
 */
export function isPlainLine(line: string): boolean {
  let i = 0;
  let word = '';
  let first: string | undefined;
  let firstQuoted = false;
  let quoted = false;
  const endWord = () => {
    if (word !== '' || quoted) {
      if (first === undefined) {
        first = word;
        firstQuoted = quoted;
      }
    }
    word = '';
    quoted = false;
  };
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      endWord();
      i++;
    } else if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) return false;
      const body = line.slice(i + 1, end);
      if (/[$`\\\n]/.test(body)) return false;
      word += body;
      quoted = true;
      i = end + 1;
    } else if (PLAIN.test(c)) {
      word += c;
      i++;
    } else return false;
  }
  endWord();
  if (first === undefined) return true;
  if (first.includes('=')) return false;
  return firstQuoted || !RESERVED.has(first);
}

/** The AST of a plain line, built from splitWords (no expansion can apply to its words). */
export function plainLineScript(line: string): ScriptNode {
  const words = splitWords(line);
  if (words.length === 0) return { type: 'Script', statements: [] };
  const word = (w: string): WordNode => ({ type: 'Word', parts: [{ type: 'SingleQuoted', value: w }] });
  const statement: StatementNode = {
    type: 'Statement',
    pipelines: [
      {
        type: 'Pipeline',
        negated: false,
        commands: [{ type: 'SimpleCommand', assignments: [], name: word(words[0]), args: words.slice(1).map(word), redirections: [] }],
      },
    ],
    operators: [],
    background: false,
  };
  return { type: 'Script', statements: [statement] };
}

/** Parses shell source (one or more lines joined by `\n`). */
export async function parseShell(source: string): Promise<ParseOutcome> {
  if (!source.includes('\n') && isPlainLine(source)) return { kind: 'complete', script: plainLineScript(source) };
  if (endsWithContinuation(source)) return { kind: 'incomplete' };
  const parse = await loadParser();
  let script: ScriptNode;
  try {
    script = parse(source);
  } catch (e) {
    return classifyError(e);
  }
  if (hasOpenHeredoc(script)) return { kind: 'incomplete' };
  return { kind: 'complete', script };
}

/** Parses what is left when input ends: an open heredoc runs as it is (as busybox sh does). */
export async function parseAtEnd(source: string): Promise<ParseOutcome> {
  const parse = await loadParser();
  try {
    return { kind: 'complete', script: parse(source.replace(/\\$/, '')) };
  } catch (e) {
    const c = classifyError(e);
    return c.kind === 'incomplete' ? { kind: 'error', message: 'unexpected end of file' } : c;
  }
}

function classifyError(e: unknown): ParseOutcome {
  const err = e as { message?: string; token?: { type?: string; value?: string } };
  const message = String(err.message ?? e);
  if (/matching [`'"]/.test(message) && /unexpected EOF/.test(message)) {
    // An open quote waits for more lines; an open $( too.
    return { kind: 'incomplete' };
  }
  if (err.token?.type === 'EOF' || /unexpected EOF|got EOF/.test(message)) return { kind: 'incomplete' };
  if (err.token?.value) return { kind: 'error', message: `unexpected "${err.token.value}"` };
  return { kind: 'error', message: message.replace(/^Parse error at \d+:\d+: /, '') };
}

/** A line ending in an unescaped backslash continues on the next (outside single quotes). */
function endsWithContinuation(source: string): boolean {
  const m = /(\\+)$/.exec(source);
  if (!m || m[1].length % 2 === 0) return false;
  // Inside an open single quote the backslash is literal; the parser reports the open quote.
  let inSingle = false;
  let inDouble = false;
  for (let i = 0; i < source.length - 1; i++) {
    const c = source[i];
    if (c === '\\' && !inSingle) i++;
    else if (c === "'" && !inDouble) inSingle = !inSingle;
    else if (c === '"' && !inSingle) inDouble = !inDouble;
  }
  return !inSingle;
}

function hasOpenHeredoc(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasOpenHeredoc);
  if (node === null || typeof node !== 'object') return false;
  const o = node as Record<string, unknown>;
  if (o.type === 'HereDoc' && o.terminated === false) return true;
  return Object.values(o).some((v) => typeof v === 'object' && hasOpenHeredoc(v));
}

/** A syntax error statement the parser deferred (`echo )`), as busybox words it. */
export function deferredErrorMessage(st: StatementNode): string | undefined {
  const d = st.deferredError;
  if (!d) return undefined;
  return d.token ? `unexpected "${d.token}"` : d.message;
}
