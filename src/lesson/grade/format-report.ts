/**
 * The grade report as text for people, JSON for programs (docs/schemas/grade-report.schema.json)
 * and JUnit XML for CI systems (one testsuite per submission, one testcase per step; steps of
 * branches not taken are `skipped`, a submission that could not be graded is one `error`).
 */
import type { Lang } from '../scenario-types.js';
import type { GradeReport, StepReport, SubmissionReport } from './report-types.js';

/** The report as JSON text (two-space indent, final newline). */
export function formatJson(report: GradeReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const MARK: Record<StepReport['status'], string> = { passed: 'pass', failed: 'FAIL', skipped: 'SKIP', 'not-taken': ' -- ' };

/** The report as text, in `lang`. */
export function formatText(report: GradeReport, lang: Lang = 'en'): string {
  const ko = lang === 'ko';
  const out: string[] = [`${report.scenario.id}: ${report.scenario.title[lang]} (seed ${report.seed})`, ''];
  for (const s of report.submissions) {
    out.push(`${s.name}  ${statusWord(s, ko)}  ${s.score}/${s.maxScore}`);
    if (s.error) out.push(`  ${s.error.message[lang]}`);
    const width = Math.max(0, ...s.steps.map((st) => st.id.length));
    for (const st of s.steps) {
      out.push(`  [${MARK[st.status]}] ${st.id.padEnd(width)}  ${st.title[lang]}`);
      if (st.status !== 'passed') out.push(`         ${st.reason[lang]}`);
    }
    if (s.downtime && s.downtime.sent > 0) {
      const d = s.downtime;
      out.push(
        ko
          ? `  무중단 측정: Service "${d.service}" 에 보낸 요청 ${d.sent}개 중 ${d.failed}개 실패`
          : `  Downtime meter: ${d.failed} of ${d.sent} requests to Service "${d.service}" failed`,
      );
    }
    for (const n of s.notes) out.push(`  ${ko ? '참고' : 'note'}: ${n[lang]}`);
    out.push('');
  }
  const { submissions, passed, failed, errors } = report.summary;
  out.push(
    ko
      ? `제출물 ${submissions}개: 통과 ${passed}, 실패 ${failed}, 채점 불가 ${errors}`
      : `${submissions} submission(s): ${passed} passed, ${failed} failed, ${errors} could not be graded`,
  );
  return `${out.join('\n')}\n`;
}

function statusWord(s: SubmissionReport, ko: boolean): string {
  if (s.status === 'passed') return ko ? '통과' : 'PASSED';
  if (s.status === 'failed') return ko ? '실패' : 'FAILED';
  return ko ? '채점 불가' : 'ERROR';
}

/** The report as JUnit XML, texts in `lang`. */
export function formatJunit(report: GradeReport, lang: Lang = 'en'): string {
  const steps = (s: SubmissionReport) => (s.error ? 1 : s.steps.length);
  const count = (pred: (st: StepReport) => boolean) => report.submissions.reduce((n, s) => n + s.steps.filter(pred).length, 0);
  const tests = report.submissions.reduce((n, s) => n + steps(s), 0);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="${attr(`kubelab grade ${report.scenario.id}`)}" tests="${tests}" failures="${count((st) => st.status === 'failed' || st.status === 'skipped')}" errors="${report.summary.errors}" skipped="${count((st) => st.status === 'not-taken')}">`,
  );
  for (const s of report.submissions) {
    const failures = s.steps.filter((st) => st.status === 'failed' || st.status === 'skipped').length;
    const skipped = s.steps.filter((st) => st.status === 'not-taken').length;
    out.push(`  <testsuite name="${attr(s.name)}" tests="${steps(s)}" failures="${failures}" errors="${s.error ? 1 : 0}" skipped="${skipped}">`);
    out.push('    <properties>');
    out.push(`      <property name="scenario" value="${attr(report.scenario.id)}"/>`);
    out.push(`      <property name="seed" value="${attr(report.seed)}"/>`);
    out.push(`      <property name="score" value="${s.score}/${s.maxScore}"/>`);
    out.push('    </properties>');
    const classname = attr(`${report.scenario.id}.${s.name}`);
    if (s.error) {
      out.push(`    <testcase classname="${classname}" name="grading">`);
      out.push(`      <error type="${attr(s.error.code)}" message="${attr(s.error.message[lang])}">${text(s.error.message[lang])}</error>`);
      out.push('    </testcase>');
    }
    for (const st of s.steps) {
      const name = attr(`${st.id}: ${st.title[lang]}`);
      const why = st.reason[lang];
      if (st.status === 'passed') {
        out.push(`    <testcase classname="${classname}" name="${name}"/>`);
      } else if (st.status === 'not-taken') {
        out.push(`    <testcase classname="${classname}" name="${name}">`, `      <skipped message="${attr(why)}"/>`, '    </testcase>');
      } else {
        out.push(`    <testcase classname="${classname}" name="${name}">`);
        out.push(`      <failure type="${st.status}" message="${attr(why)}">${text(why)}</failure>`);
        out.push('    </testcase>');
      }
    }
    const notes = s.notes.map((n) => n[lang]).join('\n');
    if (notes !== '') out.push(`    <system-out>${text(notes)}</system-out>`);
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function text(s: string): string {
  return s.replace(NOT_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
