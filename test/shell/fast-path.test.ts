/**
 * The parser's fast path (plain lines go through splitWords and never load just-bash) must give
 * the very words just-bash's AST gives, for every line it accepts.
 */
import fc from 'fast-check';
import { parse } from 'just-bash';
import { describe, expect, it } from 'vitest';
import type { WordNode } from '../../src/shell/ast.js';
import { isPlainLine, parseShell, plainLineScript } from '../../src/shell/parse.js';

/** The literal text of a word made only of literal and quoted parts, or undefined. */
function literalWord(w: WordNode): string | undefined {
  let s = '';
  for (const p of w.parts) {
    if (p.type === 'Literal' || p.type === 'SingleQuoted') s += p.value;
    else if (p.type === 'DoubleQuoted') {
      for (const q of p.parts) {
        if (q.type !== 'Literal') return undefined;
        s += q.value;
      }
    } else return undefined;
  }
  return s;
}

/** The words of a line as just-bash parses it, when it is one plain simple command. */
function justBashWords(line: string): string[] | undefined {
  const ast = parse(line);
  if (ast.statements.length === 0) return [];
  if (ast.statements.length !== 1) return undefined;
  const [st] = ast.statements;
  if (st.pipelines.length !== 1 || st.pipelines[0].commands.length !== 1 || st.pipelines[0].negated) return undefined;
  const c = st.pipelines[0].commands[0];
  if (c.type !== 'SimpleCommand' || c.assignments.length > 0 || c.redirections.length > 0 || !c.name) return undefined;
  const words = [c.name, ...c.args].map(literalWord);
  return words.every((w) => w !== undefined) ? (words as string[]) : undefined;
}

function fastWords(line: string): string[] {
  const st = plainLineScript(line).statements;
  if (st.length === 0) return [];
  const c = st[0].pipelines[0].commands[0];
  if (c.type !== 'SimpleCommand') throw new Error('not simple');
  return [c.name!, ...c.args].map((w) => literalWord(w)!);
}

const plainChar = fc.constantFrom(...'abcxyzABZ0129_./:,+@%^=-'.split(''));
const quotedChar = fc.constantFrom(...'ab Z09 _./:,+@%^=-*?[]{}()<>|&;#!~\t"\'한'.split(''));
const bare = fc.string({ unit: plainChar, minLength: 1, maxLength: 6 });
const single = fc.string({ unit: quotedChar, maxLength: 6 }).map((s) => `'${s.replace(/'/g, '')}'`);
const double = fc.string({ unit: quotedChar, maxLength: 6 }).map((s) => `"${s.replace(/"/g, '')}"`);
const word = fc.array(fc.oneof(bare, single, double), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));
const line = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 6 }), fc.constantFrom(' ', '  ', '\t', ' \t '))
  .map(([ws, sep]) => ws.join(sep));

describe('parser fast path', () => {
  it('accepts the usual kubectl lines', () => {
    expect(isPlainLine('kubectl get pods -o wide')).toBe(true);
    expect(isPlainLine("kubectl patch service test-service -p '{\"spec\":{\"selector\":{\"version\":\"green\"}}}'")).toBe(true);
    expect(isPlainLine('kubectl run tmp --rm -it --image=busybox --restart=Never -- sh')).toBe(true);
  });

  it('refuses lines with shell syntax', () => {
    for (const l of ['echo $x', 'a=1', 'ls *.yaml', 'echo a | b', 'if true', 'echo "a$b"', 'echo ~', 'echo {a,b}', 'x # c', 'echo a\\ b']) {
      expect([l, isPlainLine(l)]).toEqual([l, false]);
    }
  });

  it('gives the same words as just-bash for every plain line', () => {
    fc.assert(
      fc.property(line, (l) => {
        fc.pre(isPlainLine(l));
        expect(fastWords(l)).toEqual(justBashWords(l));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same words as just-bash for random text it accepts', () => {
    const anyChar = fc.constantFrom(...'ab-=./ \'"$*|;&<>(){}[]#~\\`!%^@,+:\t'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: anyChar, maxLength: 20 }), (l) => {
        fc.pre(isPlainLine(l));
        expect(fastWords(l)).toEqual(justBashWords(l));
      }),
      { numRuns: 3000 },
    );
  });

  it('tells complete, incomplete and wrong input apart', async () => {
    expect((await parseShell('while true; do')).kind).toBe('incomplete');
    expect((await parseShell('cat <<EOF > f.yaml')).kind).toBe('incomplete');
    expect((await parseShell('echo "open')).kind).toBe('incomplete');
    expect((await parseShell('echo a \\')).kind).toBe('incomplete');
    expect((await parseShell('cat <<EOF\nx\nEOF')).kind).toBe('complete');
    expect(await parseShell('done')).toEqual({ kind: 'error', message: 'unexpected "done"' });
  });
});
