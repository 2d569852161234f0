import { describe, expect, it } from 'vitest';
import { tabulate } from '../../src/kubectl/printers/tabwriter.js';
import { humanDuration } from '../../src/cluster/tables/duration.js';

describe('tabulate (Go text/tabwriter)', () => {
  it('pads table columns as kubectl get does (minwidth 6, padding 3)', () => {
    const text = 'NAME\tREADY\tSTATUS\tAGE\nnginx-abc-12345\t1/1\tRunning\t5s\nx\t0/1\tContainerCreating\t10m\n';
    expect(tabulate(text, 6, 3)).toBe(
      'NAME              READY   STATUS              AGE\n' +
        'nginx-abc-12345   1/1     Running             5s\n' +
        'x                 0/1     ContainerCreating   10m\n',
    );
  });

  it('ends a column block at a line without that cell', () => {
    const text = 'a\tb\tc\nlong-name\tx\ny\nq\tr\n';
    // Line 3 ("y") has no cells, so line 4 starts a new block with its own width.
    expect(tabulate(text, 0, 2)).toBe('a          b  c\nlong-name  x\ny\nq  r\n');
  });

  it('uses at least minwidth', () => {
    expect(tabulate('A\tB\n', 6, 3)).toBe('A     B\n');
  });

  it('counts runes, not bytes', () => {
    expect(tabulate('이름\tX\nab\tY\n', 0, 2)).toBe('이름  X\nab  Y\n');
  });
});

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    [0, '0s'],
    [-1500, '0s'],
    [-3000, '<invalid>'],
    [5_000, '5s'],
    [90_000, '90s'],
    [119_000, '119s'],
    [123_000, '2m3s'],
    [120_000, '2m'],
    [600_000, '10m'],
    [179 * 60_000, '179m'],
    [3 * 3_600_000, '3h'],
    [7.5 * 3_600_000, '7h30m'],
    [47 * 3_600_000, '47h'],
    [50 * 3_600_000, '2d2h'],
    [48 * 3_600_000, '2d'],
    [10 * 24 * 3_600_000, '10d'],
    [3 * 365 * 24 * 3_600_000, '3y'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
