/**
 * The Tab Tab candidate list against bash 5.2's own (recorded with tmux at 80 columns,
 * `env -i bash --norc`, `cat <Tab><Tab>` in a folder of these files), and the shell-word
 * splitting the engine completes from.
 */
import { describe, expect, test } from 'vitest';
import { candidateRows, displayWidth } from '../../src/ui/completion/candidate-columns.js';
import { escapeWord, shellWords } from '../../src/ui/completion/shell-words.js';

const asCandidates = (names: string) => names.split(' ').map((text) => ({ text }));

describe('candidate columns (readline rl_display_match_list)', () => {
  test('sorted, top to bottom then left to right, longest name + 2 wide', () => {
    const names = 'alpha beta gamma-delta epsilon zeta eta theta iota kappa-lambda-mu nu xi omicron pi rho sigma tau upsilon';
    expect(candidateRows(asCandidates(names), 80)).toEqual([
      'alpha            iota             rho              xi',
      'beta             kappa-lambda-mu  sigma            zeta',
      'epsilon          nu               tau',
      'eta              omicron          theta',
      'gamma-delta      pi               upsilon',
    ]);
  });

  test('columns that would fill the screen exactly lose one', () => {
    const names = ['a', 'b', 'c', 'd', 'e'].map((c) => c.repeat(18)).join(' ');
    expect(candidateRows(asCandidates(names), 80)).toEqual([`${'a'.repeat(18)}  ${'c'.repeat(18)}  ${'e'.repeat(18)}`, `${'b'.repeat(18)}  ${'d'.repeat(18)}`]);
  });

  test('names shown without their folder, duplicates once, one column when nothing fits', () => {
    const rows = candidateRows(
      [
        { text: 'manifests/blue.yaml', display: 'blue.yaml' },
        { text: 'manifests/green/', display: 'green/' },
        { text: 'manifests/blue.yaml', display: 'blue.yaml' },
      ],
      80,
    );
    expect(rows).toEqual(['blue.yaml  green/']);
    expect(candidateRows(asCandidates('a-very-long-name another-long-name'), 10)).toEqual(['a-very-long-name', 'another-long-name']);
    expect(candidateRows([], 80)).toEqual([]);
  });

  test('Hangul counts two columns', () => {
    expect(displayWidth('배포.yaml')).toBe(9);
    expect(candidateRows(asCandidates('배포.yaml b.yaml'), 80)).toEqual(['b.yaml     배포.yaml']);
  });
});

describe('shell words', () => {
  test.each([
    ['kubectl get po', { words: ['kubectl', 'get'], current: 'po', start: 12, plain: true, redirect: false }],
    ['kubectl get ', { words: ['kubectl', 'get'], current: '', start: 12, plain: true, redirect: false }],
    ['', { words: [], current: '', start: 0, plain: true, redirect: false }],
    ['echo a | gr', { words: [], current: 'gr', start: 9, plain: true, redirect: false }],
    ['for i in 1 2; do kub', { words: [], current: 'kub', start: 17, plain: true, redirect: false }],
    ['NS=x kubectl get -n $NS po', { words: ['kubectl', 'get', '-n', '$NS'], current: 'po', start: 24, plain: true, redirect: false }],
    ["kubectl patch svc web -p '{\"a\": 1}' --pa", { words: ['kubectl', 'patch', 'svc', 'web', '-p', '{"a": 1}'], current: '--pa', start: 36, plain: true, redirect: false }],
    ['kubectl get pods 2> er', { words: ['kubectl', 'get', 'pods'], current: 'er', start: 20, plain: true, redirect: true }],
    ['cat >', { words: ['cat'], current: '', start: 5, plain: true, redirect: true }],
    ['cat "my fi', { words: ['cat'], current: 'my fi', start: 4, plain: false, redirect: false }],
    ['echo $HO', { words: ['echo'], current: '$HO', start: 5, plain: false, redirect: false }],
    ['cat my\\ fi', { words: ['cat'], current: 'my fi', start: 4, plain: false, redirect: false }],
  ])('%j', (line, expected) => {
    expect(shellWords(line, line.length)).toEqual(expected);
  });

  test('only the text before the cursor counts', () => {
    expect(shellWords('kubectl get dep -o wide', 15)).toMatchObject({ words: ['kubectl', 'get'], current: 'dep', start: 12 });
    expect(shellWords('abc', 99)).toMatchObject({ current: 'abc', start: 0 });
  });

  test('escapes what bash would need escaped', () => {
    expect(escapeWord('my file (1).yaml')).toBe('my\\ file\\ \\(1\\).yaml');
    expect(escapeWord('plain-name.yaml')).toBe('plain-name.yaml');
  });
});
