/**
 * kubelab's utilities against the real GNU tools on this machine, same files, same input,
 * C.UTF-8 locale: stdout, stderr and exit status must be equal. Skipped when a tool is missing.
 */
import { describe, expect, it } from 'vitest';
import { both, hasTool } from './harness.js';

const FILES: Record<string, string> = {
  'f.txt': 'apple 3\nbanana 10\ncherry 2\nApple 1\n\nbanana 10\n',
  'g.txt': 'one\ttwo\tthree\nfour\tfive\n',
  'csv': 'a,b,c\n1,2,3\nnodelim\n',
  'nonl': 'x\ny',
  'sizes': '10K\n2M\n512\n1G\n3K\n-1\n',
  'words': 'the cat sat\non the mat\nthe end\ncatalog\n',
  'dir/inner.txt': 'inner apple\n',
  'my file': 'spaced\n',
};

type Case = [argv: string[], stdin?: string];

const CASES: Record<string, Case[]> = {
  cat: [
    [['cat', 'f.txt', 'nonl']], [['cat', 'x']], [['cat', 'dir']], [['cat', '-n', 'f.txt']], [['cat', '-b', 'f.txt']],
    [['cat', '-A', 'g.txt']], [['cat', '-s', '-E'], 'a\n\n\n\nb\n'], [['cat', '-'], 'from stdin\n'], [['cat', '-z']],
    [['cat', 'my file', 'no file']], [['cat', '-n', 'nonl', 'nonl']],
  ],
  grep: [
    [['grep', 'apple', 'f.txt']], [['grep', '-i', 'apple', 'f.txt']], [['grep', '-v', 'a', 'f.txt']],
    [['grep', '-c', 'banana', 'f.txt', 'words']], [['grep', '-n', 'the', 'words']], [['grep', '-w', 'cat', 'words']],
    [['grep', '-o', 'a.', 'words']], [['grep', '-q', 'mat', 'words']], [['grep', 'zzz', 'words']],
    [['grep', 'x', 'nofile']], [['grep', '-s', 'x', 'nofile', 'nonl']], [['grep', 'x', 'dir']],
    [['grep', '-E', '(cat|mat)$', 'words']], [['grep', '\\(the\\) \\(c\\|e\\)', 'words']],
    [['grep', '-E', 'a{2}|n{1,}d', 'words', 'f.txt']], [['grep', 'a\\{2\\}', 'f.txt']],
    [['grep', '[[:upper:]]', 'f.txt']], [['grep', '^[^a-c]', 'f.txt']], [['grep', '-F', 'a.c', '-'], 'abc\na.c\n'],
    [['grep', '-e', 'cat', '-e', 'end', 'words']], [['grep', '-h', 'the', 'words', 'words']],
    [['grep', '-H', 'the', 'words']], [['grep', '--', '-x', '-'], 'a-x\nb\n'], [['grep', '-x', 'the end', 'words']],
    [['grep', '-l', 'apple', 'f.txt', 'words', 'dir/inner.txt']], [['grep', '-r', 'apple', 'dir']],
    [['grep', '\\<the\\>', 'words']], [['grep', '-E', 'a+?', 'words']], [['grep', '-E', '*at', 'words']],
    [['grep', '[:alpha:]', 'words']], [['grep', '[a', 'words']], [['grep', '-E', '(a', 'words']],
    [['grep', 'a\\{1', 'words']], [['grep']], [['grep', '-Q', 'x']], [['grep', '-E', '-F', 'x']],
    [['grep', '', 'nonl']], [['grep', '-c', 'y', 'nonl']], [['grep', '-on', 't[a-z]*', 'words']],
    [['grep', '-E', 'a\\.?t', 'words']], [['grep', 'b\\+', '-'], 'abbb\nac\n'], [['grep', '-vc', 'the', 'words']],
    [['grep', '-E', '\\w+ \\w+$', 'words']], [['grep', '-m', '1', 'the', 'words']], [['grep', '-i', 'APPLE'], 'Apple pie\n'],
    [['grep', '-E', '^(.)\\1', '-'], 'aab\nabc\n'], [['grep', '-E', 'x{,2}y', '-'], 'xxy\n'], [['grep', '.', 'my file']],
  ],
  head: [
    [['head', '-n', '2', 'f.txt']], [['head', '-3', 'f.txt']], [['head', '-c', '5', 'f.txt']], [['head', '-n', '-2', 'f.txt']],
    [['head', '-n', '1', 'f.txt', 'words']], [['head', 'x']], [['head', '-n', 'x', 'f.txt']], [['head', '-c', 'y']],
    [['head', 'dir']], [['head', '-n', '5', 'nonl']], [['head', '-n', '1', 'nonl']], [['head', '-q', '-n1', 'f.txt', 'words']],
    [['head', '-n']], [['head'], 'a\nb\n'], [['head', '-v', '-n1', '-'], 'a\n'], [['head', 'f.txt', 'x', 'words']],
  ],
  tail: [
    [['tail', '-n', '2', 'f.txt']], [['tail', '-2', 'f.txt']], [['tail', '-n', '+3', 'words']], [['tail', '-c', '4', 'f.txt']],
    [['tail', '-n', '1', 'f.txt', 'words']], [['tail', 'nofile']], [['tail', '-n', 'z']], [['tail', '-n', '1', 'nonl']],
    [['tail', '+2', 'words']], [['tail', '-c', '+3', 'nonl']], [['tail', '-n', '0', 'words']], [['tail'], '1\n2\n3\n'],
  ],
  wc: [
    [['wc', 'f.txt']], [['wc', '-l', 'f.txt']], [['wc', '-l', 'f.txt', 'words']], [['wc', '-w', '-c', 'f.txt']],
    [['wc'], 'hello world\n'], [['wc', '-l'], 'a\nb\n'], [['wc', 'x']], [['wc', 'dir']], [['wc', '-c', 'f.txt', '-'], 'abc'],
    [['wc', '-L', 'g.txt']], [['wc', '-m', 'nonl']], [['wc', 'f.txt', 'x', 'words']],
  ],
  sort: [
    [['sort', 'f.txt']], [['sort', '-r', 'f.txt']], [['sort', '-n', '-k', '2', 'f.txt']], [['sort', '-u', 'f.txt']],
    [['sort', '-t', ',', '-k', '2', 'csv']], [['sort', '-h', 'sizes']], [['sort', '-n', 'sizes']], [['sort', '-f', 'f.txt']],
    [['sort', '-k2,2nr', '-k1,1', 'f.txt']], [['sort', 'x']], [['sort', 'dir']], [['sort', '-k', 'x']], [['sort', '-t', 'ab']],
    [['sort', '-nu', '-'], '1\n01\n2\n'], [['sort', '-k', '1.2', 'words']], [['sort', '-b', '-'], '  b\na\n c\n'],
    [['sort', '-rn'], '10\n9\n100\n-5\n'], [['sort'], 'b\nB\na\nA\n_\n1\n'],
  ],
  uniq: [
    [['uniq'], 'a\na\nb\na\n'], [['uniq', '-c'], 'a\na\nb\na\n'], [['uniq', '-d'], 'a\na\nb\nc\nc\n'],
    [['uniq', '-u'], 'a\na\nb\nc\nc\n'], [['uniq', '-i', '-c'], 'A\na\nb\n'], [['uniq', 'x']], [['uniq', 'a', 'b', 'c']],
  ],
  cut: [
    [['cut', '-d', ',', '-f', '2', 'csv']], [['cut', '-d,', '-f1,3', 'csv']], [['cut', '-f', '2-', 'g.txt']],
    [['cut', '-c', '1-3', 'words']], [['cut', '-c', '-2,5-', 'words']], [['cut', '-s', '-d,', '-f2', 'csv']],
    [['cut']], [['cut', '-f', '0']], [['cut', '-d', 'ab', '-f1']], [['cut', '-f', 'x']], [['cut', '-f1', 'x']],
    [['cut', '-d,', '--complement', '-f2', 'csv']], [['cut', '-d,', '-f', '1,2', '--output-delimiter=:', 'csv']],
    [['cut', '-b', '1', '-f', '1']], [['cut', '-f', '3-1']], [['cut', '-d', ' ', '-f', '2'], 'a b c\nxyz\n'],
  ],
  tr: [
    [['tr', 'a-z', 'A-Z'], 'hello World\n'], [['tr', '[:lower:]', '[:upper:]'], 'hello\n'], [['tr', '-d', '0-9'], 'a1b22c\n'],
    [['tr', '-s', ' '], 'a   b    c\n'], [['tr', '-cd', '[:alnum:]\\n'], 'a-b_c!\n'], [['tr', 'abc', 'x'], 'aabbcc\n'],
    [['tr', '-s', 'a-z', 'A-Z'], 'aabbcc\n'], [['tr', '\\n', ' '], 'a\nb\n'], [['tr']], [['tr', 'a']], [['tr', '-d', 'a', 'b']],
    [['tr', '-cs', '[:alpha:]', '\\n'], 'one, two  three\n'], [['tr', 'a-c', 'x[y*]'], 'abcd\n'], [['tr', 'z-a', 'x']],
    [['tr', '-ds', 'a', 'b'], 'aabbcc\n'], [['tr', ':', '\\t'], 'a:b\n'],
  ],
  seq: [
    [['seq', '5']], [['seq', '2', '4']], [['seq', '1', '2', '9']], [['seq', '-s', ',', '3']], [['seq', '-w', '8', '11']],
    [['seq', '5', '1']], [['seq', '5', '-1', '1']], [['seq', '0', '0.5', '2']], [['seq']], [['seq', 'x']],
    [['seq', '-w', '-3', '2']], [['seq', '1', '0', '3']], [['seq', '1', '2', '3', '4']],
  ],
  basename: [
    [['basename', '/a/b/c.txt']], [['basename', '/a/b/c.txt', '.txt']], [['basename', '-s', '.yaml', 'x.yaml', 'y/z.yaml']],
    [['basename', '-a', 'a/', '/']], [['basename']], [['basename', 'a', 'b', 'c']], [['basename', '.txt', '.txt']],
  ],
  dirname: [[['dirname', '/a/b/c']], [['dirname', 'c']], [['dirname', '/']], [['dirname', 'a//b//']], [['dirname', '/a', 'x/y']], [['dirname']]],
  ls: [
    [['ls']], [['ls', 'dir']], [['ls', '-1', 'f.txt', 'dir']], [['ls', 'nope']], [['ls', '-a', 'dir']], [['ls', 'dir', 'f.txt', 'nope']],
    [['ls', '-d', 'dir']], [['ls', '-z']],
  ],
  mkdir: [[['mkdir', 'dir']], [['mkdir', 'a/b']], [['mkdir']], [['mkdir', '-p', 'a/b']], [['mkdir', 'f.txt']], [['mkdir', '-p', 'f.txt']]],
  rm: [[['rm', 'x']], [['rm', 'dir']], [['rm']], [['rm', '-f']], [['rm', '-f', 'x']], [['rm', '-r', 'dir']], [['rm', '.']], [['rm', '-rf', 'nope', 'f.txt']]],
  cp: [
    [['cp', 'x', 'y']], [['cp', 'dir', 'e']], [['cp']], [['cp', 'f.txt']], [['cp', 'f.txt', 'f.txt']], [['cp', 'f.txt', 'words', 'nonl']],
    [['cp', 'f.txt', 'words', 'nodir']], [['cp', '-r', 'dir', 'dir/sub']], [['cp', 'f.txt', 'dir']],
  ],
  mv: [[['mv', 'x', 'y']], [['mv', 'f.txt', 'g2']], [['mv', 'dir', 'dir/sub']], [['mv']], [['mv', 'f.txt', 'words', 'nonl']]],
  touch: [[['touch', 'a/b']], [['touch', 'new']], [['touch']]],
};

for (const [tool, cases] of Object.entries(CASES)) {
  describe.skipIf(!hasTool(tool))(`${tool} matches GNU ${hasTool(tool) ? '' : '(skipped: tool not installed)'}`, () => {
    it.each(cases.map(([argv, stdin]) => ({ label: argv.map((a) => JSON.stringify(a)).join(' ') + (stdin === undefined ? '' : ` <<< ${JSON.stringify(stdin)}`), argv, stdin })))(
      '$label',
      async ({ argv, stdin }) => {
        const r = await both(argv, { files: FILES, stdin });
        expect(r.sim).toEqual(r.real);
      },
    );
  });
}
