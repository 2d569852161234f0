/**
 * Interpreter semantics. Pure-shell cases are checked against the real bash (`bash -c`) when it
 * is on the machine, as an oracle; the expected text is also written here so the test means
 * something without it.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makeSession } from './harness.js';

const hasBash = spawnSync('bash', ['-c', 'true']).status === 0;

const CASES: [string, string][] = [
  ['echo a  b "c  d"', 'a b c  d\n'],
  ["x='1 2'; for w in $x; do echo \"[$w]\"; done", '[1]\n[2]\n'],
  ['x="a b"; set -- $x c; echo $# "$@"', '3 a b c\n'],
  ['set -- "a b" c; for a in "$@"; do echo "<$a>"; done', '<a b>\n<c>\n'],
  ['echo ${u:-def} ${u-dash} "${e:+alt}" ${#HOME_X}', 'def dash  0\n'],
  ['v=hello.tar.gz; echo ${v%.*} ${v%%.*} ${v#*.} ${v##*.} ${v/l/L} ${v//l/L}', 'hello.tar hello tar.gz gz heLlo.tar.gz heLLo.tar.gz\n'],
  ['v=abcdef; echo ${v:1:3} ${v: -2} ${v^^}', 'bcd ef ABCDEF\n'],
  ['echo $((3 + 4 * 2)) $((10 / 3)) $((10 % 3)) $((2 ** 8)) $((1 < 2 ? 7 : 9))', '11 3 1 256 7\n'],
  ['i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done', '1\n2\n3\n'],
  ['i=0; until [ $i -ge 2 ]; do echo u$i; i=$((i+1)); done', 'u0\nu1\n'],
  ['for i in 1 2 3 4; do if [ $i = 2 ]; then continue; fi; if [ $i = 4 ]; then break; fi; echo $i; done', '1\n3\n'],
  ['for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done', '1a\n2a\n'],
  ['case foo.yaml in *.yml|*.yaml) echo yaml;; *) echo other;; esac', 'yaml\n'],
  ['f() { local x=in; echo "$1 $x $#"; return 4; }; x=out; f a b; echo $? $x', 'a in 2\n4 out\n'],
  ['false; echo $?; true; echo $?; ! false; echo $?', '1\n0\n0\n'],
  ['false && echo no || echo yes; true || echo no; true && echo yes2', 'yes\nyes2\n'],
  ['echo $(echo a; echo b) "$(echo c; echo)" `echo d`', 'a b c d\n'],
  ['x=$(false); echo $?', '1\n'],
  ['echo "a\\$b" \'$c\' \\$d', 'a$b $c $d\n'],
  ['printf "%s=%03d|%-4s|%x\\n" a 7 b 255 c 8', 'a=007|b   |ff\nc=008|    |0\n'],
  ['echo {a,b}{1,2} x{1..3}', 'a1 a2 b1 b2 x1 x2 x3\n'],
  ['read a b <<< "one two three"; echo "$a|$b"', 'one|two three\n'],
  ['printf "l1\\nl2\\n" | while read l; do echo "got $l"; done', 'got l1\ngot l2\n'],
  ['x=1; echo x | { read x; echo in $x; }; echo out $x', 'in x\nout 1\n'],
  ['(x=2; echo $x); echo ${x:-unset}', '2\nunset\n'],
  ['[[ abc == a* ]] && echo m; [[ abc =~ ^a.c$ ]] && echo r; [[ -z "" && -n x ]] && echo zn', 'm\nr\nzn\n'],
  ['(( 3 > 2 )) && echo gt; x=5; (( x++ )); echo $x', 'gt\n6\n'],
  ['for ((i=0; i<3; i++)); do echo -n $i; done; echo', '012\n'],
  ['echo -e "a\\tb" ; echo -n no-newline; echo', 'a\tb\nno-newline\n'],
  ['test 1 -eq 1 -a 2 -gt 1 && echo both; [ ! -n "" ] && echo neg', 'both\nneg\n'],
  ['eval "y=3; echo \\$y"', '3\n'],
  ['IFS=:; x=a:b:c; for p in $x; do echo $p; done', 'a\nb\nc\n'],
  ['echo one; exit 3; echo never', 'one\n'],
];

describe('interpreter semantics', () => {
  it.each(CASES)('%s', async (script, expected) => {
    const s = makeSession();
    await s.run(script);
    expect(s.out()).toBe(expected);
    if (hasBash) {
      const real = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: {} });
      expect(s.out()).toBe(real.stdout);
    }
  });

  it('reports unknown commands as sh does, with status 127', async () => {
    const s = makeSession();
    expect(await s.run('nosuch --flag')).toBe(127);
    expect(s.err()).toBe('sh: nosuch: not found\n');
  });

  it('reports syntax errors with status 2 and goes on', async () => {
    const s = makeSession();
    expect(await s.run('fi')).toBe(2);
    expect(s.err()).toBe('sh: syntax error: unexpected "fi"\n');
    expect(await s.run('echo ok')).toBe(0);
  });

  it('keeps variables, functions and the directory across lines', async () => {
    const s = makeSession({ 'd/f.txt': 'x\n' });
    await s.run('greet() { echo "hi $1"; }');
    await s.run('name=kube; cd d');
    await s.run('greet $name; pwd; echo *');
    expect(s.out()).toBe('hi kube\n/d\nf.txt\n');
  });

  it('redirects stdout, stderr and both, appends, and reads files', async () => {
    const s = makeSession();
    await s.run('echo one > f; echo two >> f; nosuch 2> err; nosuch2 > both 2>&1; echo x &> amp; nosuch3 2>/dev/null');
    const read = (p: string) => new TextDecoder().decode(s.fs.readFile(p));
    expect(read('f')).toBe('one\ntwo\n');
    expect(read('err')).toBe('sh: nosuch: not found\n');
    expect(read('both')).toBe('sh: nosuch2: not found\n');
    expect(read('amp')).toBe('x\n');
    expect(s.all()).toBe('');
    await s.run('while read l; do echo "[$l]"; done < f');
    expect(s.out()).toBe('[one]\n[two]\n');
  });

  it('fails a redirection into a missing folder as busybox sh does', async () => {
    const s = makeSession();
    expect(await s.run('echo x > nodir/f')).toBe(1);
    expect(s.err()).toBe("sh: can't create nodir/f: nonexistent directory\n");
  });

  it('writes heredocs, quoted and unquoted, with <<- stripping tabs', async () => {
    const s = makeSession();
    await s.run("n=web\ncat <<EOF > a.yaml\nname: $n\nEOF\ncat <<'EOF' > b.yaml\nname: $n\nEOF\ncat <<-EOF\n\tindented\n\tEOF");
    const read = (p: string) => new TextDecoder().decode(s.fs.readFile(p));
    expect(read('a.yaml')).toBe('name: web\n');
    expect(read('b.yaml')).toBe('name: $n\n');
    expect(s.out()).toBe('indented\n');
  });

  it('says plainly that no editor is available in a script', async () => {
    const s = makeSession();
    expect(await s.run('vi stable-env.yaml')).toBe(1);
    expect(s.err()).toContain('no editor is available');
  });
});
