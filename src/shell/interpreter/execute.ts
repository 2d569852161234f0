/**
 * Statements and control flow: `;` `&&` `||`, `!`, pipelines (each stage but the last
 * buffered, its output the next stage's input), groups, subshells, if/while/until/for/case,
 * `(( ))`, `[[ ]]` and function definitions.
 */
import type { CommandNode, CommandOf, PipelineNode, StatementNode } from '../ast.js';
import { deferredErrorMessage } from '../parse.js';
import { evaluateArithmetic } from './arithmetic.js';
import { evaluateConditional } from './conditional.js';
import { expandPattern, expandWords, expandWord } from './expand.js';
import { matchPattern } from './pattern.js';
import { captureSink, withRedirections } from './redirect.js';
import type { Exec } from './shell.js';
import { BreakSignal, ContinueSignal, ExitSignal, ShellError } from './signals.js';
import { executeSimpleCommand } from './simple-command.js';

/** Runs statements in order; returns the status of the last. */
export async function executeStatements(statements: readonly StatementNode[], ex: Exec): Promise<number> {
  let status = ex.sh.status;
  for (const st of statements) status = await executeStatement(st, ex);
  return status;
}

async function executeStatement(st: StatementNode, ex: Exec): Promise<number> {
  const syntax = deferredErrorMessage(st);
  if (syntax) throw new ShellError(`syntax error: ${syntax}`, 2);
  let status = await executePipeline(st.pipelines[0], ex);
  for (let i = 1; i < st.pipelines.length; i++) {
    const op = st.operators[i - 1];
    if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
    status = await executePipeline(st.pipelines[i], ex);
  }
  return status;
}

async function executePipeline(p: PipelineNode, ex: Exec): Promise<number> {
  let status: number;
  if (p.commands.length === 1) {
    status = await executeCommand(p.commands[0], ex);
  } else {
    let input = ex.io.input;
    status = 0;
    for (let i = 0; i < p.commands.length; i++) {
      const last = i === p.commands.length - 1;
      if (last) {
        status = await inSubshell(ex, () => executeCommand(p.commands[i], { ...ex, io: { ...ex.io, input } }));
      } else {
        const buf = captureSink(ex.run);
        const io = { input, stdout: buf.write, stderr: p.pipeStderr?.[i] ? buf.write : ex.io.stderr };
        await inSubshell(ex, () => executeCommand(p.commands[i], { ...ex, io }));
        input = { text: buf.text(), pos: 0 };
      }
    }
  }
  if (p.negated) status = status === 0 ? 1 : 0;
  ex.sh.status = status;
  return status;
}

/**
 * Runs `fn` as a subshell would: variable, function, positional and directory changes are
 * undone afterwards, and `exit` ends only the subshell.
 */
export async function inSubshell(ex: Exec, fn: () => Promise<number>): Promise<number> {
  const sh = ex.sh;
  const vars = new Map(sh.vars);
  const exported = new Set(sh.exported);
  const functions = new Map(sh.functions);
  const positional = sh.positional;
  const cwd = sh.opts.fs.cwd();
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ExitSignal) return e.code;
    throw e;
  } finally {
    restore(sh.vars, vars);
    restore(sh.exported, exported);
    restore(sh.functions, functions);
    sh.positional = positional;
    try {
      sh.opts.fs.chdir(cwd);
    } catch {
      // The folder was removed inside the subshell; stay where it left us.
    }
  }
}

function restore<T>(target: Map<string, T> | Set<string>, saved: Map<string, T> | Set<string>): void {
  target.clear();
  if (target instanceof Map) for (const [k, v] of saved as Map<string, T>) target.set(k, v);
  else for (const k of saved as Set<string>) target.add(k);
}

/** Runs one command node of any kind. */
export async function executeCommand(c: CommandNode, ex: Exec): Promise<number> {
  ex.run.check();
  switch (c.type) {
    case 'SimpleCommand':
      return executeSimpleCommand(c, ex);
    case 'FunctionDef':
      ex.sh.functions.set(c.name, c.body);
      return 0;
    default:
      return withRedirections(c.redirections, ex, (inner) => executeCompound(c, inner));
  }
}

async function executeCompound(c: Exclude<CommandNode, { type: 'SimpleCommand' | 'FunctionDef' }>, ex: Exec): Promise<number> {
  switch (c.type) {
    case 'Group':
      return executeStatements(c.body, ex);
    case 'Subshell':
      return inSubshell(ex, () => executeStatements(c.body, ex));
    case 'If':
      for (const clause of c.clauses) {
        if ((await executeStatements(clause.condition, ex)) === 0) return executeStatements(clause.body, ex);
      }
      return c.elseBody ? executeStatements(c.elseBody, ex) : 0;
    case 'While':
    case 'Until':
      return executeWhile(c, ex);
    case 'For':
      return executeFor(c, ex);
    case 'CStyleFor':
      return executeCStyleFor(c, ex);
    case 'Case':
      return executeCase(c, ex);
    case 'ArithmeticCommand':
      return (await evaluateArithmetic(c.expression.expression, ex)) !== 0 ? 0 : 1;
    case 'ConditionalCommand':
      return (await evaluateConditional(c.expression, ex)) ? 0 : 1;
  }
}

/** Runs a loop body; returns 'break' or 'next' after handling break/continue signals. */
async function loopBody(body: readonly StatementNode[], ex: Exec, state: { status: number }): Promise<'break' | 'next'> {
  ex.run.countIteration();
  try {
    state.status = await executeStatements(body, ex);
    return 'next';
  } catch (e) {
    if (e instanceof BreakSignal) {
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return 'break';
    }
    if (e instanceof ContinueSignal) {
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return 'next';
    }
    throw e;
  }
}

async function executeWhile(c: CommandOf<'While'> | CommandOf<'Until'>, ex: Exec): Promise<number> {
  const state = { status: 0 };
  for (;;) {
    const cond = await executeStatements(c.condition, ex);
    if ((cond === 0) !== (c.type === 'While')) break;
    if ((await loopBody(c.body, ex, state)) === 'break') break;
  }
  return state.status;
}

async function executeFor(c: CommandOf<'For'>, ex: Exec): Promise<number> {
  const items = c.words === null ? [...ex.sh.positional] : await expandWords(c.words, ex);
  const state = { status: 0 };
  for (const item of items) {
    ex.sh.set(c.variable, item);
    if ((await loopBody(c.body, ex, state)) === 'break') break;
  }
  return state.status;
}

async function executeCStyleFor(c: CommandOf<'CStyleFor'>, ex: Exec): Promise<number> {
  const state = { status: 0 };
  if (c.init) await evaluateArithmetic(c.init.expression, ex);
  for (;;) {
    if (c.condition && (await evaluateArithmetic(c.condition.expression, ex)) === 0) break;
    if ((await loopBody(c.body, ex, state)) === 'break') break;
    if (c.update) await evaluateArithmetic(c.update.expression, ex);
  }
  return state.status;
}

async function executeCase(c: CommandOf<'Case'>, ex: Exec): Promise<number> {
  const subject = await expandWord(c.word, ex);
  let status = 0;
  let fallThrough = false;
  for (const item of c.items) {
    let matched = fallThrough;
    for (const pat of item.patterns) {
      if (matched) break;
      matched = matchPattern(await expandPattern(pat, ex), subject);
    }
    if (!matched) continue;
    status = await executeStatements(item.body, ex);
    if (item.terminator === ';;') return status;
    fallThrough = item.terminator === ';&';
  }
  return status;
}
