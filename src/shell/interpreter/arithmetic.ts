/**
 * `$((...))` and `((...))`: integer arithmetic over shell variables, with C operators,
 * assignment operators, `++`/`--`, the ternary and the comma. Numbers are JS doubles
 * truncated to integers (exact to 2^53, where bash has 64-bit integers).
 */
import type { ArithExpr } from '../ast.js';
import { parseShell } from '../parse.js';
import { executeStatements, inSubshell } from './execute.js';
import { captureSink } from './redirect.js';
import type { Exec } from './shell.js';
import { ShellError } from './signals.js';

/** Evaluates an arithmetic expression. */
export async function evaluateArithmetic(e: ArithExpr, ex: Exec): Promise<number> {
  switch (e.type) {
    case 'ArithNumber':
      return e.value;
    case 'ArithVariable':
      return variableValue(e.name, ex, 0);
    case 'ArithSpecialVar':
      return toNumber(ex.sh.get(e.name) ?? '0', ex, 0);
    case 'ArithGroup':
    case 'ArithNested':
      return evaluateArithmetic(e.expression, ex);
    case 'ArithUnary':
      return unary(e, ex);
    case 'ArithBinary':
      return binary(e, ex);
    case 'ArithTernary':
      return (await evaluateArithmetic(e.condition, ex)) !== 0 ? evaluateArithmetic(e.consequent, ex) : evaluateArithmetic(e.alternate, ex);
    case 'ArithAssignment': {
      const right = await evaluateArithmetic(e.value, ex);
      const left = e.operator === '=' ? 0 : await variableValue(e.variable, ex, 0);
      const v = e.operator === '=' ? right : apply(e.operator.slice(0, -1), left, right);
      ex.sh.set(e.variable, String(v));
      return v;
    }
    case 'ArithCommandSubst': {
      const parsed = await parseShell(e.command);
      if (parsed.kind !== 'complete') throw new ShellError('arithmetic syntax error', 2);
      const buf = captureSink(ex.run);
      await inSubshell(ex, () => executeStatements(parsed.script.statements, { ...ex, io: { ...ex.io, stdout: buf.write } }));
      return toNumber(buf.text().trim(), ex, 0);
    }
    case 'ArithBracedExpansion': {
      const m = /^(#?)([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@#?$])$/.exec(e.content);
      if (!m) throw new ShellError(`\${${e.content}}: bad substitution`, 2);
      const v = ex.sh.get(m[2]) ?? '';
      return m[1] ? v.length : toNumber(v, ex, 0);
    }
    case 'ArithConcat': {
      let s = '';
      for (const p of e.parts) s += String(await evaluateArithmetic(p, ex));
      return toNumber(s, ex, 0);
    }
    case 'ArithSingleQuote':
      return e.value;
    case 'ArithSyntaxError':
      throw new ShellError(`arithmetic syntax error`, 2);
    default:
      throw new ShellError('arithmetic syntax error: arrays are not supported', 2);
  }
}

async function unary(e: Extract<ArithExpr, { type: 'ArithUnary' }>, ex: Exec): Promise<number> {
  if (e.operator === '++' || e.operator === '--') {
    if (e.operand.type !== 'ArithVariable') throw new ShellError('arithmetic syntax error', 2);
    const old = await variableValue(e.operand.name, ex, 0);
    const v = e.operator === '++' ? old + 1 : old - 1;
    ex.sh.set(e.operand.name, String(v));
    return e.prefix ? v : old;
  }
  const v = await evaluateArithmetic(e.operand, ex);
  switch (e.operator) {
    case '-':
      return -v;
    case '+':
      return v;
    case '!':
      return v === 0 ? 1 : 0;
    case '~':
      return ~v;
  }
}

async function binary(e: Extract<ArithExpr, { type: 'ArithBinary' }>, ex: Exec): Promise<number> {
  const left = await evaluateArithmetic(e.left, ex);
  // && and || short-circuit.
  if (e.operator === '&&') return left !== 0 && (await evaluateArithmetic(e.right, ex)) !== 0 ? 1 : 0;
  if (e.operator === '||') return left !== 0 || (await evaluateArithmetic(e.right, ex)) !== 0 ? 1 : 0;
  const right = await evaluateArithmetic(e.right, ex);
  return apply(e.operator, left, right);
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
    case '%':
      if (b === 0) throw new ShellError('arithmetic: division by zero', 1);
      return op === '/' ? Math.trunc(a / b) : a % b;
    case '**':
      if (b < 0) throw new ShellError('arithmetic: exponent less than 0', 1);
      return a ** b;
    case '<<':
      return a << b;
    case '>>':
      return a >> b;
    case '<':
      return a < b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '&':
      return a & b;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case ',':
      return b;
  }
  throw new ShellError(`arithmetic syntax error: operator ${op}`, 2);
}

async function variableValue(name: string, ex: Exec, depth: number): Promise<number> {
  return toNumber(ex.sh.get(name) ?? '', ex, depth);
}

/** A variable's text as a number: decimal, 0x hex, 0 octal, base#digits, or another variable's name. */
function toNumber(text: string, ex: Exec, depth: number): number {
  const t = text.trim();
  if (t === '') return 0;
  let m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(t);
  if (m) {
    const body = m[2];
    const n = /^0[xX]/.test(body) ? parseInt(body, 16) : body.length > 1 && body.startsWith('0') ? parseInt(body, 8) : Number(body);
    return m[1] === '-' ? -n : n;
  }
  m = /^(\d+)#([0-9A-Za-z@_]+)$/.exec(t);
  if (m) return parseInt(m[2], Number(m[1]));
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(t) && depth < 10) return toNumber(ex.sh.get(t) ?? '', ex, depth + 1);
  throw new ShellError(`arithmetic syntax error: ${t}`, 2);
}
