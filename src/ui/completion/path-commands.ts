/**
 * Command names for Tab at a real shell's prompt (a lesson on a real cluster): what bash's
 * command completion proposes, the names in the folders of PATH and the shell's builtins.
 */
import { readdirSync } from 'node:fs';
import { delimiter } from 'node:path';

/** sh's builtins and keywords, proposed with the commands on PATH. */
const SH_BUILTINS = ['cd', 'echo', 'exit', 'export', 'for', 'if', 'printf', 'read', 'set', 'test', 'unset', 'until', 'while'];

/** The names in the folders of PATH (as bash lists them, without testing each for exec), with sh's builtins; unreadable folders skipped. */
export function commandsOnPath(path = process.env.PATH ?? ''): string[] {
  const names = new Set(SH_BUILTINS);
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    try {
      for (const name of readdirSync(dir)) names.add(name);
    } catch {
      // A folder on PATH that does not exist is not an error for a shell either.
    }
  }
  return [...names].sort();
}

