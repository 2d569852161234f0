/**
 * The words readline hands a completion function, read off the line as bash splits it: the
 * text up to the cursor, cut at blanks and at the operators that start a new command (`|`,
 * `;`, `&`, `&&`, `||`, `(`), with quotes removed from the words before the cursor. Only the
 * simple command the cursor is in matters: `kubectl get pods | grep we<Tab>` completes `grep`'s
 * argument. A word after `>` or `<` is a file to redirect to. A word being typed inside quotes,
 * with a backslash, or with `$` or a backquote is marked not plain: kubelab does not complete
 * those (bash would expand or quote them first).
 */

/** The command the cursor is in, split into words. */
export interface ShellWords {
  /** Words of the simple command before the word being completed (quotes removed). */
  words: string[];
  /** The word being completed, from its start to the cursor. */
  current: string;
  /** Offset in the line where the word being completed starts (the cursor when it is empty). */
  start: number;
  /** False when the word is quoted, escaped or holds an expansion: it is left alone. */
  plain: boolean;
  /** The word follows a redirection operator: a file name. */
  redirect: boolean;
}

/** Words that put the next word in command position (`if`, `then`, `do`, ...). */
const COMMAND_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'while', 'until', 'do', '!', '{', 'time']);

/** `NAME=value` before a command: an assignment, not the command. */
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Splits `line` up to `cursor` into the words of the simple command being typed. */
export function shellWords(line: string, cursor: number): ShellWords {
  const text = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  let words: string[] = [];
  let inWord = false;
  let word = '';
  let start = text.length;
  let plain = true;
  let quote: string | undefined;
  let redirectNext = false;
  let wordIsRedirect = false;

  const begin = (at: number) => {
    if (inWord) return;
    inWord = true;
    word = '';
    start = at;
    plain = true;
    wordIsRedirect = redirectNext;
    redirectNext = false;
  };
  const end = () => {
    if (!inWord) return;
    inWord = false;
    // A redirection's target is no argument of the command.
    if (wordIsRedirect) return;
    if (words.length === 0 && (COMMAND_KEYWORDS.has(word) || ASSIGNMENT.test(word))) return;
    words.push(word);
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else if (quote === '"' && c === '\\' && i + 1 < text.length) word += text[++i];
      else word += c;
      continue;
    }
    if (c === '\\') {
      begin(i);
      plain = false;
      if (i + 1 < text.length) word += text[++i];
      continue;
    }
    if (c === '"' || c === "'") {
      begin(i);
      plain = false;
      quote = c;
      continue;
    }
    if (c === ' ' || c === '\t') {
      end();
      continue;
    }
    if ('|;&()'.includes(c)) {
      end();
      words = [];
      redirectNext = false;
      continue;
    }
    if (c === '<' || c === '>') {
      // `2>file`: the digits were a file descriptor, not an argument.
      if (inWord && /^\d+$/.test(word) && plain) inWord = false;
      end();
      redirectNext = true;
      continue;
    }
    begin(i);
    if (c === '$' || c === '`') plain = false;
    word += c;
  }

  if (inWord) return { words, current: word, start, plain: plain && quote === undefined, redirect: wordIsRedirect };
  return { words, current: '', start: text.length, plain: true, redirect: redirectNext };
}

/** A word as bash would need it typed: blanks, quotes and shell operators escaped with a backslash. */
export function escapeWord(word: string): string {
  return word.replace(/[\s'"\\$`|;&()<>*?[\]{}!#~]/g, (c) => `\\${c}`);
}
