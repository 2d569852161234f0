/**
 * Output streams as it is produced; Ctrl-C and the line budget stop a line and keep what it
 * printed; every ShellLimits bound stops the line with a message and a non-zero status.
 */
import { describe, expect, it } from 'vitest';
import { LIMIT_STATUS } from '../../src/shell/interpreter/signals.js';
import { DEFAULT_SHELL_LIMITS } from '../../src/shell/session.js';
import { makeSession } from './harness.js';

describe('streaming and interruption', () => {
  it('writes each iteration of a sleeping loop when it happens, not at the end', async () => {
    const s = makeSession({}, { limits: { lineBudgetMs: 5_500 } });
    const start = s.cluster.clock.now();
    const status = await s.run('i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 1; done');
    expect(status).toBe(130);
    const ticks = s.writes.filter((w) => w.text.startsWith('tick'));
    expect(ticks.map((w) => w.text)).toEqual(['tick 1\n', 'tick 2\n', 'tick 3\n', 'tick 4\n', 'tick 5\n', 'tick 6\n']);
    expect(ticks.map((w) => w.at - start)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    // The budget interrupts as Ctrl-C does: ^C on a line of its own, status 130.
    expect(s.out().endsWith('tick 6\n^C\n')).toBe(true);
    expect(s.cluster.clock.now() - start).toBe(5_500);
  });

  it('puts ^C on its own line after partial output', async () => {
    const s = makeSession({}, { limits: { lineBudgetMs: 2_000 } });
    await s.run('while true; do echo -n .; sleep 1; done');
    expect(s.out()).toBe('..\n^C\n');
  });

  it('runs the next line after a budget interrupt', async () => {
    const s = makeSession({}, { limits: { lineBudgetMs: 1_000 } });
    expect(await s.run('sleep 5; echo never')).toBe(130);
    expect(await s.run('echo next')).toBe(0);
    expect(s.out()).toBe('^C\nnext\n');
  });

  it('stops at once on an external Ctrl-C and keeps what was printed', async () => {
    const ac = new AbortController();
    const s = makeSession({}, {
      limits: { lineBudgetMs: undefined },
      time: {
        now: () => 0,
        sleep: async (_ms, signal) => {
          if (!signal.aborted) ac.abort();
        },
      },
    });
    const status = await s.run('echo before; sleep 1; echo after', ac.signal);
    expect(status).toBe(130);
    expect(s.out()).toBe('before\n^C\n');
  });

  it('sleep accepts 1, 0.5, 1s and 2m and rejects nonsense', async () => {
    const s = makeSession({}, { limits: { lineBudgetMs: 600_000 } });
    const t0 = s.cluster.clock.now();
    expect(await s.run('sleep 1; sleep 0.5; sleep 1s; sleep 2m')).toBe(0);
    expect(s.cluster.clock.now() - t0).toBe(1000 + 500 + 1000 + 120_000);
    expect(await s.run('sleep abc')).toBe(1);
    expect(s.err()).toBe("sleep: invalid number 'abc'\n");
  });

  it('has documented defaults', () => {
    expect(DEFAULT_SHELL_LIMITS).toEqual({
      maxCommands: 100_000,
      maxIterationsWithoutTime: 10_000,
      maxOutputBytes: 8 * 1024 * 1024,
      maxDepth: 100,
      maxFileBytes: 16 * 1024 * 1024,
      lineBudgetMs: 120_000,
    });
  });
});

describe('limits stop the line with a message and a status', () => {
  const cases: [string, Record<string, number>, string, string][] = [
    ['loop iterations without time', { maxIterationsWithoutTime: 50 }, 'while true; do :; done', 'more than 50 loop iterations without time passing'],
    ['commands', { maxCommands: 20 }, 'for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21; do sleep 1; done', 'more than 20 commands in one line'],
    ['output bytes', { maxOutputBytes: 100 }, 'while true; do echo 0123456789; sleep 1; done', 'more than 100 bytes of output in one line'],
    ['nesting depth', { maxDepth: 10 }, 'f() { f; }; f', 'more than 10 nested functions or command substitutions'],
    ['file size', { maxFileBytes: 50 }, 'while true; do echo 0123456789; sleep 1; done > big.txt', 'big.txt would be larger than 50 bytes'],
  ];
  it.each(cases)('%s', async (_name, limits, script, message) => {
    const s = makeSession({}, { limits });
    const status = await s.run(script);
    expect(status).toBe(LIMIT_STATUS);
    expect(s.err()).toBe(`sh: kubelab limit: ${message}\n`);
    expect(await s.run('echo still here')).toBe(0);
  });

  it('keeps output printed before the limit', async () => {
    const s = makeSession({}, { limits: { maxOutputBytes: 25 } });
    await s.run('while true; do echo 0123456789; sleep 1; done');
    expect(s.out()).toBe('0123456789\n0123456789\n');
  });
});
