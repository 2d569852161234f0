/**
 * The transcript format: a whole session as a readable file, in the manner of Go's testscript
 * and txtar. It serves three uses: regression tests, lesson reference solutions, and grader
 * fixtures.
 *
 *     # Comments and directives come first.
 *     @seed 7
 *     @think 10s
 *     @budget 15s
 *     $ kubectl apply -f blue-env.yaml
 *     deployment.apps/test-deployment-blue created
 *     $ kubectl get nope
 *     error: the server doesn't have a resource type "nope"
 *     [exit 1]
 *     -- blue-env.yaml --
 *     apiVersion: apps/v1
 *     ...
 *
 * A command starts on a line that begins with a known prompt (src/shell/prompts.ts: `$ ` on
 * the workstation, `/ # ` in a busybox pod, ...) and continues on the `> ` lines right after it
 * (a heredoc's body, the rest of a loop); an empty continuation line is a lone `>`.
 * Output is stdout and stderr interleaved as a terminal shows them. `[exit N]` follows the
 * output of a command that exited non-zero. In expected output, `{{*}}` matches any text
 * within a line (for fixtures recorded from real clusters, where names are random).
 * Everything after the first `-- name --` line is workspace files.
 */

/** One command and what it printed. */
export interface TranscriptStep {
  /** The command; several lines joined by `\n` when it continued on `> ` lines. */
  command: string;
  /** The prompt it was typed at (`$ ` when absent). */
  prompt?: string;
  output: string;
  exit: number;
}

/** A parsed transcript. */
export interface Transcript {
  header: string[];
  seed?: string;
  thinkMs?: number;
  /** `@budget`: virtual time a line may run before it is interrupted as by Ctrl-C. */
  lineBudgetMs?: number;
  steps: TranscriptStep[];
  files: Record<string, string>;
}

import { CONTINUATION_PROMPT, leadingPrompt, WORKSTATION_PROMPT } from '../shell/prompts.js';

const FILE_MARKER = /^-- (.+) --$/;
const EXIT_LINE = /^\[exit (\d+)\]$/;

/** Parses a transcript file. */
export function parseTranscript(text: string): Transcript {
  const lines = text.split('\n');
  const t: Transcript = { header: [], steps: [], files: {} };
  let i = 0;
  for (; i < lines.length && leadingPrompt(lines[i]) === undefined && !FILE_MARKER.test(lines[i]); i++) {
    const line = lines[i];
    const directive = /^@(\w+)\s+(.*)$/.exec(line);
    if (directive?.[1] === 'seed') t.seed = directive[2].trim();
    else if (directive?.[1] === 'think') t.thinkMs = parseSeconds(directive[2].trim());
    else if (directive?.[1] === 'budget') t.lineBudgetMs = parseSeconds(directive[2].trim());
    t.header.push(line);
  }
  while (t.header.length > 0 && t.header[t.header.length - 1] === '') t.header.pop();
  let step: TranscriptStep | undefined;
  let out: string[] = [];
  const close = () => {
    if (!step) return;
    if (out.length > 0 && EXIT_LINE.test(out[out.length - 1])) step.exit = Number(EXIT_LINE.exec(out.pop()!)![1]);
    step.output = out.length > 0 ? out.join('\n') + '\n' : '';
    t.steps.push(step);
    step = undefined;
    out = [];
  };
  for (; i < lines.length && !FILE_MARKER.test(lines[i]); i++) {
    const prompt = leadingPrompt(lines[i]);
    if (prompt !== undefined) {
      close();
      step = { command: lines[i].slice(prompt.length), output: '', exit: 0 };
      if (prompt !== WORKSTATION_PROMPT) step.prompt = prompt;
      // Continuation lines come right after the command, before any output.
      while (i + 1 < lines.length && (lines[i + 1] === '>' || lines[i + 1].startsWith(CONTINUATION_PROMPT))) {
        step.command += `\n${lines[++i].slice(2)}`;
      }
    } else if (step) out.push(lines[i]);
  }
  // The file ends with a newline, which reads as one empty last line.
  if (step && out.length > 0 && out[out.length - 1] === '' && i >= lines.length) out.pop();
  close();
  let name: string | undefined;
  let body: string[] = [];
  const closeFile = () => {
    if (name !== undefined) t.files[name] = body.join('\n') + (body.length > 0 ? '\n' : '');
  };
  for (; i < lines.length; i++) {
    const m = FILE_MARKER.exec(lines[i]);
    if (m) {
      closeFile();
      name = m[1];
      body = [];
    } else body.push(lines[i]);
  }
  if (body.length > 0 && body[body.length - 1] === '') body.pop();
  closeFile();
  return t;
}

/** Writes a transcript back to text (the update mode of the test runner). */
export function formatTranscript(t: Transcript): string {
  let s = t.header.length > 0 ? t.header.join('\n') + '\n' : '';
  for (const step of t.steps) {
    const [first, ...more] = step.command.split('\n');
    s += `${step.prompt ?? WORKSTATION_PROMPT}${first}\n`;
    for (const m of more) s += m === '' ? '>\n' : `${CONTINUATION_PROMPT}${m}\n`;
    s += step.output;
    if (step.output !== '' && !step.output.endsWith('\n')) s += '\n';
    if (step.exit !== 0) s += `[exit ${step.exit}]\n`;
  }
  for (const [name, body] of Object.entries(t.files)) s += `-- ${name} --\n${body}`;
  return s;
}

/** True if `actual` output matches `expected`, where `{{*}}` in expected matches any text on its line. */
export function outputMatches(expected: string, actual: string): boolean {
  if (!expected.includes('{{*}}')) return expected === actual;
  const pattern = expected
    .split('{{*}}')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^\\n]*');
  return new RegExp(`^${pattern}$`).test(actual);
}

function parseSeconds(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text);
  if (!m) throw new Error(`bad @think value: ${text}`);
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
}
