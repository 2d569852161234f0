/**
 * The check evaluator: one declarative check (or a step's list of them) against a cluster, the
 * workspace, the commands the student ran and the zero-downtime meter. Checks only read; the
 * traffic check samples through a side network of its own (see service-checks.ts).
 */
import { normalizePath, decodeText } from '../workspace/workspace-fs.js';
import { formatElapsed, result, type CheckContext, type CheckResult, type DowntimeFailure } from './check-context.js';
import { checkAbsent, checkDeployment, checkExists, checkField, checkSelector } from './object-checks.js';
import type { Check, FileCheck } from './scenario-types.js';
import { checkEndpoints, checkTraffic } from './service-checks.js';

/** Evaluates one check. */
export function evaluateCheck(check: Check, ctx: CheckContext): CheckResult {
  if ('exists' in check) return checkExists(check.exists, ctx);
  if ('absent' in check) return checkAbsent(check.absent, ctx);
  if ('field' in check) return checkField(check.field, ctx);
  if ('selector' in check) return checkSelector(check.selector, ctx);
  if ('endpoints' in check) return checkEndpoints(check.endpoints, ctx);
  if ('deployment' in check) return checkDeployment(check.deployment, ctx);
  if ('traffic' in check) return checkTraffic(check.traffic, ctx);
  if ('ran' in check) return checkRan(check.ran, ctx);
  if ('file' in check) return checkFile(check.file, ctx);
  if ('noDowntime' in check) return checkDowntime(ctx, []);
  if ('noDowntimeOutside' in check) return checkDowntime(ctx, check.noDowntimeOutside);
  if ('all' in check) return evaluateAll(check.all, ctx);
  if ('any' in check) return evaluateAny(check.any, ctx);
  if ('not' in check) return evaluateNot(check.not, ctx);
  const never: never = check;
  throw new Error(`unknown check ${JSON.stringify(never)}`);
}

/** Evaluates a step's checks: ok when all hold; the reason is the first failure's, or all successes. */
export function evaluateAll(checks: readonly Check[], ctx: CheckContext): CheckResult {
  const results = checks.map((c) => evaluateCheck(c, ctx));
  const failed = results.find((r) => !r.ok);
  if (failed) return failed;
  return result(true, results.map((r) => r.reason.en).join(' '), results.map((r) => r.reason.ko).join(' '));
}

function evaluateAny(checks: readonly Check[], ctx: CheckContext): CheckResult {
  const results: CheckResult[] = [];
  for (const c of checks) {
    const r = evaluateCheck(c, ctx);
    if (r.ok) return r;
    results.push(r);
  }
  return result(
    false,
    `None of these holds: ${results.map((r) => r.reason.en).join(' / ')}`,
    `다음 중 어느 것도 만족하지 않습니다: ${results.map((r) => r.reason.ko).join(' / ')}`,
  );
}

function evaluateNot(check: Check, ctx: CheckContext): CheckResult {
  const inner = evaluateCheck(check, ctx);
  if (inner.ok) return result(false, `This should not be so: ${inner.reason.en}`, `이 상태가 아니어야 합니다: ${inner.reason.ko}`);
  return result(true, inner.reason.en, inner.reason.ko);
}

/** `ran`: some command the student ran matches the pattern. */
function checkRan(pattern: string, ctx: CheckContext): CheckResult {
  const re = new RegExp(pattern);
  const hit = ctx.commands.find((c) => re.test(c));
  if (hit === undefined) {
    return result(false, `You have not run a command matching /${pattern}/ yet.`, `/${pattern}/ 패턴에 맞는 명령을 아직 실행하지 않았습니다.`);
  }
  return result(true, `You ran: ${hit}`, `실행한 명령: ${hit}`);
}

/** `file`: a workspace file exists (paths from the workspace root) and has the wanted text. */
function checkFile(check: FileCheck, ctx: CheckContext): CheckResult {
  const path = normalizePath('/', check.path);
  const shown = check.path;
  const kind = ctx.fs.stat(path);
  if (kind !== 'file') {
    return kind === 'dir'
      ? result(false, `${shown} is a folder, not a file.`, `${shown}은(는) 파일이 아니라 폴더입니다.`)
      : result(false, `The file ${shown} does not exist.`, `${shown} 파일이 없습니다.`);
  }
  const text = decodeText(ctx.fs.readFile(path));
  if (check.contains !== undefined && !text.includes(check.contains)) {
    return result(false, `${shown} does not contain "${check.contains}".`, `${shown}에 "${check.contains}" 내용이 없습니다.`);
  }
  if (check.matches !== undefined && !new RegExp(check.matches, 'm').test(text)) {
    return result(false, `${shown} has no line matching /${check.matches}/.`, `${shown}에 /${check.matches}/ 패턴과 맞는 줄이 없습니다.`);
  }
  return result(true, `${shown} is as expected.`, `${shown} 파일 내용이 맞습니다.`);
}

/** `noDowntime` (allowed = []) and `noDowntimeOutside: allowed`. */
function checkDowntime(ctx: CheckContext, allowed: readonly string[]): CheckResult {
  const meter = ctx.meter;
  if (!meter) {
    return result(false, 'This lesson has no zero-downtime meter (no "watch:" Service).', '이 실습에는 무중단 측정기(watch 서비스)가 없습니다.');
  }
  const counted = meter.failures().filter((f) => !allowed.includes(f.step));
  const sent = meter.sent();
  const outside = allowed.length > 0 ? ` outside ${allowed.map((s) => `"${s}"`).join(', ')}` : '';
  const outsideKo = allowed.length > 0 ? ` (${allowed.map((s) => `"${s}"`).join(', ')} 단계 제외)` : '';
  if (counted.length === 0) {
    return result(
      true,
      `No request to Service "${meter.service}" failed${outside} (${sent} sent, one a second).`,
      `Service "${meter.service}"로 보낸 요청 중 실패한 것이 없습니다${outsideKo} (1초에 1개씩 ${sent}개).`,
    );
  }
  const first = counted[0];
  const seconds = downtimeSeconds(counted);
  const when = formatElapsed(first.at - meter.startedAt);
  return result(
    false,
    `Users saw about ${seconds}s of downtime${outside}: ${counted.length} of ${sent} requests to Service "${meter.service}" failed, the first ${when} into the session during step "${first.step}" (${first.detail}).`,
    `사용자가 약 ${seconds}초 동안 서비스 중단을 겪었습니다${outsideKo}: Service "${meter.service}"로 보낸 요청 ${sent}개 중 ${counted.length}개가 실패했고, 첫 실패는 시작 후 ${when}, "${first.step}" 단계에서였습니다 (${first.detail}).`,
  );
}

/** One request a second, so each failure stands for a second of downtime. */
function downtimeSeconds(failures: readonly DowntimeFailure[]): number {
  return failures.length;
}
