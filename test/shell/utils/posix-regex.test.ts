/** The POSIX BRE/ERE → JS translator: sources for the tricky cases, and GNU grep's errors. */
import { describe, expect, it } from 'vitest';
import { translatePosix } from '../../../src/shell/utils/posix-regex.js';
import { compileGrepPatterns } from '../../../src/shell/utils/grep.js';

const ok = (p: string, ere: boolean): string => {
  const t = translatePosix(p, ere);
  if (!t.ok) throw new Error(t.error);
  return t.source;
};

describe('translatePosix', () => {
  it.each([
    ['a\\(b\\)*c', false, 'a(b)*c'],
    ['a\\{2,3\\}', false, 'a{2,3}'],
    ['a\\{,3\\}', false, 'a{0,3}'],
    ['a|b', false, 'a\\|b'],
    ['a\\|b', false, 'a|b'],
    ['a+?', false, 'a\\+\\?'],
    ['a\\+', false, 'a+'],
    ['*a', false, '\\*a'],
    ['\\(*a\\)', false, '(\\*a)'],
    ['a^b$c', false, 'a\\^b\\$c'],
    ['^ab$', false, '^ab$'],
    ['(a|b)+', true, '(a|b)+'],
    ['a{2}', true, 'a{2}'],
    ['a{', true, 'a\\{'],
    ['a{x}', true, 'a\\{x\\}'],
    ['a)', true, 'a\\)'],
    ['a*?', true, '(?:a*)?'],
    ['a{1,2}{3}', true, '(?:a{1,2}){3}'],
    ['(ab)*+', true, '(?:(ab)*)+'],
    ['[[:digit:]x-z]', true, '[0-9x-z]'],
    ['[]a]', true, '[\\]a]'],
    ['[^]a]', true, '[^\\]a\\n]'],
    ['[a\\]', true, '[a\\\\]'],
    ['[a-]', true, '[a\\-]'],
    ['\\<the\\>', false, '\\b(?=\\w)the\\b(?<=\\w)'],
    ['\\(a\\)\\1', false, '(a)\\1'],
    ['a.b', false, 'a.b'],
    ['a/b', true, 'a\\/b'],
  ])('%s (ERE %s) → %s', (p, ere, want) => {
    expect(ok(p, ere)).toBe(want);
  });

  it.each([
    ['a\\(', false, 'Unmatched ( or \\('],
    ['(a', true, 'Unmatched ( or \\('],
    ['a\\)', false, 'Unmatched ) or \\)'],
    ['[a', true, 'Unmatched [, [^, [:, [., or [='],
    ['[:alpha:]', true, 'character class syntax is [[:space:]], not [:space:]'],
    ['[[:nope:]]', true, 'Invalid character class name'],
    ['a\\{1', false, 'Unmatched \\{'],
    ['[z-a]', true, 'Invalid range end'],
    ['ab\\', false, 'Trailing backslash'],
  ])('%s (ERE %s) fails: %s', (p, ere, error) => {
    expect(translatePosix(p, ere)).toEqual({ ok: false, error });
  });

  it('warns about a leading ERE repetition and drops it, as GNU grep does', () => {
    expect(translatePosix('*a', true)).toEqual({ ok: true, source: 'a', warnings: ['* at start of expression'] });
  });

  it('every translated source compiles with the u flag', () => {
    const patterns = ['[[:punct:]]', '[[:space:][:cntrl:]]', '\\w\\W\\s\\S', 'a\\{0\\}', '[.-/]', '[a-z.]+', '\\.\\*\\[', '${x}'];
    for (const p of patterns) for (const ere of [false, true]) {
      const t = translatePosix(p, ere);
      if (t.ok) expect(() => new RegExp(t.source, 'u')).not.toThrow();
    }
  });
});

describe('compileGrepPatterns', () => {
  const base = { extended: false, fixed: false, ignoreCase: false, word: false, line: false };
  it('joins several patterns as alternatives and escapes -F text', () => {
    const c = compileGrepPatterns(['a.c', 'x*'], { ...base, fixed: true });
    expect(c.ok && c.re.test('a.c') && !c.re.test('abc')).toBe(true);
  });
  it('-w needs non-word characters (or the line edge) around the match', () => {
    const c = compileGrepPatterns(['cat'], { ...base, word: true });
    if (!c.ok) throw new Error();
    expect(['the cat sat', 'cat', 'catalog', 'bobcat', 'a cat.'].map((l) => (c.re.lastIndex = 0, c.re.test(l)))).toEqual([true, true, false, false, true]);
  });
});
