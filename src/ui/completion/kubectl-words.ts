/**
 * A half-typed kubectl line read as cobra reads it before asking a command for completions
 * (`kubectl __complete`): the (sub)command found among the words, the flags given (pflag's
 * rules: `--flag=x`, `--flag x`, `-n x`, `-nx`, grouped boolean shorthands), the positional
 * arguments, and whether the word being completed is the value of a flag. The flags come from
 * the same declarations the parser uses (`GLOBAL_FLAGS` and each CommandDef's `flags`).
 */
import { GLOBAL_FLAGS, type CommandDef } from '../../kubectl/command.js';
import { COMMANDS } from '../../kubectl/commands/index.js';
import type { FlagSpec } from '../../kubectl/flags.js';

/** A kubectl line up to the word being completed. */
export interface KubectlWords {
  /** The command found, undefined while none is typed yet. */
  cmd: CommandDef | undefined;
  /** Names of the command path, e.g. `['rollout', 'status']`. */
  path: string[];
  /** The first positional word named no kubectl command kubelab has. */
  unknownCommand: boolean;
  /** Flags the command accepts (global ones first, as cobra lists them). */
  specs: FlagSpec[];
  /** Positional arguments after the command path. */
  args: string[];
  /** Long names of the flags given. */
  given: Set<string>;
  /** `-n`/`--namespace`, when given. */
  namespace: string | undefined;
  /** The flag the word being completed is the value of (`-n <Tab>`). */
  valueOf: FlagSpec | undefined;
  /** `--` was typed: the words after it are a command for the container. */
  afterDash: boolean;
}

/** Reads the words after `kubectl` (the word being completed excluded). */
export function readKubectlWords(words: readonly string[]): KubectlWords {
  const out: KubectlWords = { cmd: undefined, path: [], unknownCommand: false, specs: [...GLOBAL_FLAGS], args: [], given: new Set(), namespace: undefined, valueOf: undefined, afterDash: false };
  const set = (spec: FlagSpec, value: string | undefined) => {
    out.given.add(spec.name);
    if (spec.name === 'namespace' && value !== undefined) out.namespace = value;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') {
      out.afterDash = true;
      break;
    }
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      const spec = findLong(out.specs, eq >= 0 ? w.slice(2, eq) : w.slice(2));
      if (!spec) continue;
      if (eq >= 0 || spec.type === 'bool') set(spec, eq >= 0 ? w.slice(eq + 1) : undefined);
      else if (i + 1 < words.length) set(spec, words[++i]);
      else out.valueOf = spec;
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      // A shorthand group, as pflag reads it: `-it`, `-nkube-system`, `-n=x`, `-n x`.
      for (let j = 1; j < w.length; j++) {
        const spec = out.specs.find((s) => s.short === w[j]);
        if (!spec) break;
        if (spec.type === 'bool') {
          set(spec, undefined);
          continue;
        }
        const rest = w.slice(j + 1).replace(/^=/, '');
        if (rest !== '') set(spec, rest);
        else if (i + 1 < words.length) set(spec, words[++i]);
        else out.valueOf = spec;
        break;
      }
      continue;
    }
    positional(out, w);
  }
  return out;
}

/** A positional word: the command, a subcommand, or an argument. */
function positional(out: KubectlWords, word: string): void {
  if (out.unknownCommand) return;
  const named = (c: CommandDef) => c.name === word || (c.aliases ?? []).includes(word);
  if (!out.cmd) {
    const cmd = COMMANDS.find(named);
    if (!cmd) {
      out.unknownCommand = true;
      return;
    }
    enter(out, cmd);
    return;
  }
  const sub = out.args.length === 0 ? out.cmd.subcommands?.find(named) : undefined;
  if (sub) enter(out, sub);
  else out.args.push(word);
}

function enter(out: KubectlWords, cmd: CommandDef): void {
  out.cmd = cmd;
  out.path.push(cmd.name);
  // As runKubectl parses a command's flags: the global ones and its own (not its parent's).
  const names = new Set(GLOBAL_FLAGS.map((s) => s.name));
  out.specs = [...GLOBAL_FLAGS, ...(cmd.flags ?? []).filter((f) => !names.has(f.name))];
}

function findLong(specs: readonly FlagSpec[], name: string): FlagSpec | undefined {
  return specs.find((s) => s.name === name);
}
