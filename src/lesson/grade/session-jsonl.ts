/**
 * The submission formats as data: the lines and events a session replays. A script (or a
 * folder's commands.sh) is one entry per line. A recorded TUI session, `session.jsonl`, is one
 * JSON object per line:
 *
 *     {"line": "kubectl apply -f blue-env.yaml", "at": 12000}
 *     {"event": "hint", "at": 15000}
 *     {"line": "kubectl rollout status deployment/test-deployment-blue"}
 *
 * `line` is what the student typed at a prompt (a continuation line of a heredoc or a loop
 * too); `event` is `hint` or `skip`; `at`, optional, is the virtual clock's reading in ms (as
 * the TUI records it), or, when smaller than the session's start, ms since the session started;
 * the grader moves the clock there before the entry, never backwards (without it: the think
 * time). Blank lines are ignored; anything else is a problem with its line number.
 */
import type { Localized } from '../scenario-types.js';

/** One thing the student did. */
export type SessionEntry = { line: string; at?: number } | { event: 'hint' | 'skip'; at?: number };

/** Most entries one submission may hold. */
export const MAX_ENTRIES = 20_000;

/** Entries of a session.jsonl text, or the first problem found. */
export function parseSessionJsonl(text: string, file = 'session.jsonl'): { entries: SessionEntry[] } | { problem: Localized } {
  const entries: SessionEntry[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '') continue;
    const where = { en: `${file} line ${i + 1}`, ko: `${file} ${i + 1}번째 줄` };
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      const why = (e as Error).message.split('\n')[0];
      return { problem: { en: `${where.en} is not JSON (${why}).`, ko: `${where.ko}이 JSON 이 아닙니다 (${why}).` } };
    }
    const entry = toEntry(value);
    if (typeof entry === 'string') return { problem: { en: `${where.en}: ${entry}.`, ko: `${where.ko}: ${KO[entry] ?? entry}.` } };
    entries.push(entry);
    if (entries.length > MAX_ENTRIES) return { problem: tooMany(file) };
  }
  return { entries };
}

/** Entries of a script: one per line (a final newline makes no empty entry). */
export function scriptEntries(text: string, file: string): { entries: SessionEntry[] } | { problem: Localized } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length > MAX_ENTRIES) return { problem: tooMany(file) };
  return { entries: lines.map((line) => ({ line })) };
}

const EXPECTED_OBJECT = 'expected an object such as {"line": "kubectl get pods"}';
const BAD_AT = '"at" must be a whole number of milliseconds, 0 or more';
const BAD_EVENT = '"event" must be "hint" or "skip"';
const BOTH = 'an entry has either "line" or "event", not both';
const BAD_LINE = '"line" must be one line of text';

const KO: Record<string, string> = {
  [EXPECTED_OBJECT]: '{"line": "kubectl get pods"} 같은 객체여야 합니다',
  [BAD_AT]: '"at" 은 0 이상의 정수(밀리초)여야 합니다',
  [BAD_EVENT]: '"event" 는 "hint" 나 "skip" 이어야 합니다',
  [BOTH]: '한 항목에는 "line" 과 "event" 중 하나만 있어야 합니다',
  [BAD_LINE]: '"line" 은 한 줄짜리 문자열이어야 합니다',
};

function toEntry(value: unknown): SessionEntry | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return EXPECTED_OBJECT;
  const o = value as Record<string, unknown>;
  const at = o.at;
  if (at !== undefined && (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0)) return BAD_AT;
  const atPart = at === undefined ? {} : { at };
  if ('line' in o && 'event' in o) return BOTH;
  if ('line' in o) {
    if (typeof o.line !== 'string' || /[\n\r]/.test(o.line)) return BAD_LINE;
    return { line: o.line, ...atPart };
  }
  if ('event' in o) {
    if (o.event !== 'hint' && o.event !== 'skip') return BAD_EVENT;
    return { event: o.event, ...atPart };
  }
  return EXPECTED_OBJECT;
}

function tooMany(file: string): Localized {
  return {
    en: `${file} has more than ${MAX_ENTRIES} lines; the grader stops there.`,
    ko: `${file} 이 ${MAX_ENTRIES}줄을 넘습니다. 채점기는 그 이상 받지 않습니다.`,
  };
}
