/** `test` and `[`: POSIX's rules by argument count, then `!`, `-a`, `-o` and parentheses. */
import { BINARY_OPERATORS, binaryTest, UNARY_OPERATORS, unaryTest } from '../interpreter/conditional.js';
import type { Exec } from '../interpreter/shell.js';
import { ShellError } from '../interpreter/signals.js';
import type { CommandContext } from '../types.js';
import type { Builtin } from './index.js';

function testBuiltin(ctx: CommandContext, ex: Exec): number {
  let args = ctx.args;
  if (ctx.name === '[') {
    if (args[args.length - 1] !== ']') {
      ctx.stderr(`${ex.sh.name}: [: missing ]\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(args, ex) ? 0 : 1;
  } catch (e) {
    if (e instanceof ShellError) {
      ctx.stderr(`${ex.sh.name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function evaluate(args: string[], ex: Exec): boolean {
  const fs = ex.sh.opts.fs;
  // POSIX fixes the meaning of up to four arguments by their count.
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return args[0] !== '';
    case 2:
      if (args[0] === '!') return args[1] === '';
      if (UNARY_OPERATORS.has(args[0])) return unaryTest(args[0], args[1], fs);
      throw new ShellError(`test: ${args[0]}: unary operator expected`, 2);
    case 3:
      if (BINARY_OPERATORS.has(args[1])) return binaryTest(args[1], args[0], args[2], 'test');
      if (args[0] === '!') return !evaluate(args.slice(1), ex);
      if (args[0] === '(' && args[2] === ')') return args[1] !== '';
      break;
    case 4:
      if (args[0] === '!') return !evaluate(args.slice(1), ex);
      break;
  }
  const p = new ExprParser(args, ex);
  const v = p.or();
  if (!p.done()) throw new ShellError(`test: ${p.peek()}: unexpected operator`, 2);
  return v;
}

class ExprParser {
  private i = 0;
  constructor(
    private readonly args: string[],
    private readonly ex: Exec,
  ) {}
  done(): boolean {
    return this.i >= this.args.length;
  }
  peek(): string | undefined {
    return this.args[this.i];
  }
  or(): boolean {
    let v = this.and();
    while (this.peek() === '-o') {
      this.i++;
      const r = this.and();
      v = v || r;
    }
    return v;
  }
  and(): boolean {
    let v = this.not();
    while (this.peek() === '-a') {
      this.i++;
      const r = this.not();
      v = v && r;
    }
    return v;
  }
  not(): boolean {
    if (this.peek() === '!') {
      this.i++;
      return !this.not();
    }
    return this.primary();
  }
  primary(): boolean {
    const a = this.args;
    const t = a[this.i];
    if (t === undefined) throw new ShellError('test: argument expected', 2);
    if (t === '(') {
      this.i++;
      const v = this.or();
      if (a[this.i] !== ')') throw new ShellError("test: missing ')'", 2);
      this.i++;
      return v;
    }
    if (UNARY_OPERATORS.has(t) && this.i + 1 < a.length) {
      this.i += 2;
      return unaryTest(t, a[this.i - 1], this.ex.sh.opts.fs);
    }
    if (this.i + 2 < a.length + 0 && BINARY_OPERATORS.has(a[this.i + 1])) {
      this.i += 3;
      return binaryTest(a[this.i - 2], a[this.i - 3], a[this.i - 1], 'test');
    }
    this.i++;
    return t !== '';
  }
}

/** `test` and `[`, by name. */
export const TEST_BUILTINS: Record<string, Builtin> = { test: testBuiltin, '[': testBuiltin };
