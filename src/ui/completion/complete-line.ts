/**
 * The completion engine: what Tab does to a line, as bash with kubectl's completion loaded
 * does it. The first word completes to the commands of the prompt's shell; kubectl's words
 * as kubectl's `__complete` answers; `cd` to folders; a redirection target and every other
 * command's arguments to file names (bash's default). Then readline's insertion rule: one
 * candidate replaces the word (a space after it unless it is a folder or `TYPE/`), several
 * replace it with their longest common prefix. Pure: no React, no output.
 */
import type { Candidate, Completion, CompletionContext } from './completion-types.js';
import { fileCandidates } from './file-candidates.js';
import { kubectlCandidates } from './kubectl-candidates.js';
import { wordCandidates } from './resource-candidates.js';
import { shellWords } from './shell-words.js';

/** The candidates for the word before `cursor`. */
export function completeLine(line: string, cursor: number, ctx: CompletionContext): Completion {
  const w = shellWords(line, cursor);
  const end = Math.max(0, Math.min(cursor, line.length));
  const at = (candidates: Candidate[]): Completion => ({ start: w.start, end, candidates });
  if (!w.plain) return at([]);
  if (w.redirect) return at(fileCandidates(ctx.fs, w.current));
  if (w.words.length === 0) {
    // `./run.sh`, `manifests/x`: a path, not a command name.
    if (w.current.includes('/')) return at(fileCandidates(ctx.fs, w.current));
    return at(wordCandidates([...ctx.commandNames].sort(), w.current));
  }
  const [command, ...args] = w.words;
  if (command === 'kubectl' && ctx.commandNames.includes('kubectl')) return at(kubectlCandidates(args, w.current, ctx));
  if (command === 'cd') return at(fileCandidates(ctx.fs, w.current, { dirsOnly: true }));
  return at(fileCandidates(ctx.fs, w.current));
}

/** A line after Tab, and whether Tab changed it. */
export interface Completed {
  text: string;
  cursor: number;
  changed: boolean;
}

/** Applies a completion as readline inserts it: the single match (and a space), or the longest common prefix. */
export function applyCompletion(line: string, cursor: number, completion: Completion): Completed {
  const { start, end, candidates } = completion;
  const unchanged = { text: line, cursor, changed: false };
  if (candidates.length === 0) return unchanged;
  let insert: string;
  if (candidates.length === 1 || candidates.every((c) => c.text === candidates[0].text)) {
    const only = candidates[0];
    insert = only.noSpace ? only.text : `${only.text} `;
  } else {
    insert = commonPrefix(candidates.map((c) => c.text));
    if (insert.length <= end - start) return unchanged;
  }
  const text = line.slice(0, start) + insert + line.slice(end);
  const next = start + insert.length;
  return { text, cursor: next, changed: text !== line || next !== cursor };
}

/** The longest prefix all the strings share. */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0];
  for (const w of words) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++;
    prefix = prefix.slice(0, i);
  }
  // Do not end between the halves of a surrogate pair.
  const last = prefix.charCodeAt(prefix.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? prefix.slice(0, -1) : prefix;
}
