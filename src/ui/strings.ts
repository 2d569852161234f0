/**
 * Every string the TUI shows, in English and Korean. Lesson texts come from the scenario;
 * these are the UI's own words. The language is `--lang`, else the locale (LANG=ko*).
 */
import type { Lang } from '../lesson/scenario-types.js';

/** The UI's words in one language. */
export interface UiStrings {
  pickerTitle: string;
  pickerHelp: string;
  pickerEmpty: string;
  /** A lesson finished in an earlier session. */
  pickerFinished: string;
  /** Steps done (completed or skipped) of all, in an earlier session. */
  pickerDone(n: number, m: number): string;
  /** The heading of the local scenario files. */
  pickerLocal: string;
  /** A local file that looks like a scenario but does not load. */
  pickerBroken(file: string, first: string): string;
  steps(n: number): string;
  step(n: number, m: number): string;
  finished: string;
  virtualTime: string;
  seed: string;
  /** The language's own name, shown in the status line. */
  langName: string;
  paused: string;
  downtime(failed: number, sent: number): string;
  help: string;
  hint: string;
  noMoreHints: string;
  stepDone(title: string): string;
  nextStep(title: string): string;
  skipped(title: string): string;
  lessonDone: string;
  summary(completed: number, skipped: number, hints: number): string;
  downtimeSummary(failed: number, sent: number): string;
  sessionSaved(file: string): string;
  /** After a resumed lesson replayed its journal. */
  resumed(entries: number, file: string): string;
  /** When the journal could not be replayed. */
  resumeFailed(file: string): string;
  finishHelp: string;
  running: string;
  noEditor(name: string): string;
}

const EN: UiStrings = {
  pickerTitle: 'kubelab: choose a lesson',
  pickerHelp: '↑/↓ choose · Enter start or continue · n start afresh · l 한국어 · q quit',
  pickerEmpty: 'No built-in lessons were found.',
  pickerFinished: '✓ finished',
  pickerDone: (n, m) => `${n}/${m} done`,
  pickerLocal: 'Scenario files here',
  pickerBroken: (file, first) => `${file} does not load (${first}); see kubelab validate ${file}`,
  steps: (n) => (n === 1 ? '1 step' : `${n} steps`),
  step: (n, m) => `step ${n}/${m}`,
  finished: 'finished',
  virtualTime: 'time',
  seed: 'seed',
  langName: 'English',
  paused: 'paused',
  downtime: (failed, sent) => `downtime: ${failed} failed of ${sent}`,
  help: '^T hint · ^X skip step · ^P pause · ^O speed · ^N 한국어 · ^C interrupt · ^D leave (^=Ctrl)',
  hint: 'Hint',
  noMoreHints: 'No more hints for this step.',
  stepDone: (title) => `✓ Done: ${title}`,
  nextStep: (title) => `Next: ${title}`,
  skipped: (title) => `↷ Skipped: ${title}`,
  lessonDone: '🎉 Lesson complete!',
  summary: (c, s, h) => `${c} step(s) completed, ${s} skipped, ${h} hint(s) used.`,
  downtimeSummary: (failed, sent) =>
    failed === 0 ? `Zero downtime: all ${sent} requests to the Service succeeded.` : `${failed} of ${sent} requests to the Service failed.`,
  sessionSaved: (file) => `Your session is saved in ${file}`,
  resumed: (n, file) => `\n— Resumed: ${n} recorded entr${n === 1 ? 'y' : 'ies'} from ${file} replayed above. Carry on. —\n`,
  resumeFailed: (file) => `\n— Could not replay ${file} (the folder is too large to copy); starting afresh, the journal is kept. —\n`,
  finishHelp: 'Keep exploring at the prompt, or press Ctrl-D to leave.',
  running: 'running… (Ctrl-C to interrupt)',
  noEditor: (name) =>
    `${name}: $EDITOR is not set, so kubelab cannot open an editor. Leave the lesson (Ctrl-D) and start it again with EDITOR set, e.g. EDITOR=nano kubelab lesson ..., or write the file with a heredoc (cat <<'EOF' > file.yaml ... EOF).\n`,
};

const KO: UiStrings = {
  pickerTitle: 'kubelab: 실습 고르기',
  pickerHelp: '↑/↓ 고르기 · Enter 시작·이어하기 · n 처음부터 · l English · q 나가기',
  pickerEmpty: '내장 실습을 찾지 못했습니다.',
  pickerFinished: '✓ 마침',
  pickerDone: (n, m) => `${n}/${m} 완료`,
  pickerLocal: '이 폴더의 시나리오 파일',
  pickerBroken: (file, first) => `${file} 을 읽을 수 없습니다 (${first}); kubelab validate ${file} 로 확인하세요`,
  steps: (n) => `${n}단계`,
  step: (n, m) => `단계 ${n}/${m}`,
  finished: '완료',
  virtualTime: '시각',
  seed: '시드',
  langName: '한국어',
  paused: '일시정지',
  downtime: (failed, sent) => `다운타임: ${sent}건 중 ${failed}건 실패`,
  help: '^T 힌트 · ^X 건너뛰기 · ^P 일시정지 · ^O 배속 · ^N English · ^C 중단 · ^D 나가기 (^=Ctrl)',
  hint: '힌트',
  noMoreHints: '이 단계의 힌트를 모두 보았습니다.',
  stepDone: (title) => `✓ 완료: ${title}`,
  nextStep: (title) => `다음: ${title}`,
  skipped: (title) => `↷ 건너뜀: ${title}`,
  lessonDone: '🎉 실습을 마쳤습니다!',
  summary: (c, s, h) => `완료 ${c}단계, 건너뜀 ${s}단계, 힌트 ${h}회.`,
  downtimeSummary: (failed, sent) =>
    failed === 0 ? `무중단: 서비스로 보낸 요청 ${sent}건이 모두 성공했습니다.` : `서비스로 보낸 요청 ${sent}건 중 ${failed}건이 실패했습니다.`,
  sessionSaved: (file) => `세션이 ${file} 에 저장되었습니다`,
  resumed: (n, file) => `\n— 이어서 하기: ${file} 에 기록된 ${n}개 항목을 위에서 다시 실행했습니다. 계속하세요. —\n`,
  resumeFailed: (file) => `\n— ${file} 을 다시 실행할 수 없습니다 (폴더가 너무 큽니다). 새로 시작하며 기록은 그대로 둡니다. —\n`,
  finishHelp: '프롬프트에서 계속 살펴보거나, Ctrl-D 로 나가세요.',
  running: '실행 중… (Ctrl-C 로 중단)',
  noEditor: (name) =>
    `${name}: $EDITOR 가 설정되어 있지 않아 편집기를 열 수 없습니다. 실습을 나간 뒤(Ctrl-D) EDITOR 를 설정해 다시 시작하거나(예: EDITOR=nano kubelab lesson ...), heredoc 으로 파일을 쓰세요 (cat <<'EOF' > file.yaml ... EOF).\n`,
};

/** The UI strings of a language. */
export function uiStrings(lang: Lang): UiStrings {
  return lang === 'ko' ? KO : EN;
}

/** The language from the environment: Korean when LANG (or LC_ALL, LC_MESSAGES) starts with ko. */
export function localeLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
