import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/lesson/scenario-loader.js';
import { formatProblem } from '../../src/lesson/scenario-problems.js';

/** A valid scenario to break one line at a time. */
const VALID = `id: demo
title: {en: Demo, ko: 데모}
watch: {service: web}
steps:
  - id: one
    title: {en: One, ko: 하나}
    instructions: {en: Do it, ko: 하세요}
    checks:
      - exists: {kind: deploy, name: web}
    next:
      - when: {ran: "^kubectl"}
        goto: two
      - goto: end
  - id: two
    title: {en: Two, ko: 둘}
    instructions: {en: Do it, ko: 하세요}
    checks:
      - noDowntimeOutside: [one]
`;

function problems(text: string) {
  return parseScenario(text).problems.map((p) => ({ code: p.code, at: `${p.line}:${p.column}`, message: p.message }));
}

describe('scenario validation', () => {
  test('the valid base loads', () => {
    const r = parseScenario(VALID);
    expect(r.problems).toEqual([]);
    expect(r.scenario?.steps.map((s) => s.id)).toEqual(['one', 'two']);
  });

  test.each([
    ['unknown top-level field with a suggestion', VALID.replace('watch:', 'wach:'), 'unknown-field', '3:1', 'unknown field "wach" in scenario; did you mean "watch"?'],
    ['unknown step field', VALID.replace('    instructions: {en: Do it, ko: 하세요}\n    checks:\n      - exists', '    instructions: {en: Do it, ko: 하세요}\n    hint: []\n    checks:\n      - exists'), 'unknown-field', '8:5', 'unknown field "hint" in step; did you mean "hints"?'],
    ['unknown check kind', VALID.replace('- exists:', '- exist:'), 'unknown-check', '9:9', 'unknown check "exist"; did you mean "exists"?'],
    ['unknown field in a check', VALID.replace('{kind: deploy, name: web}', '{kind: deploy, nme: web}'), 'unknown-field', '9:32', 'unknown field "nme" in exists check; did you mean "name"?'],
    ['wrong type', VALID.replace('title: {en: One, ko: 하나}', 'title: One'), 'wrong-type', '6:12', 'expected a map (text), got the string "One"'],
    ['wrong type in a list', VALID.replace('noDowntimeOutside: [one]', 'noDowntimeOutside: one'), 'wrong-type', '18:28', 'expected a list, got the string "one"'],
    ['missing required field', VALID.replace('    instructions: {en: Do it, ko: 하세요}\n    checks:\n      - noDowntime', '    checks:\n      - noDowntime'), 'missing-field', '', ''],
    ['missing language', VALID.replace('title: {en: Demo, ko: 데모}', 'title: {en: Demo}'), 'missing-field', '2:8', 'text is missing the required field "ko"'],
    ['duplicate step id', VALID.replace('  - id: two', '  - id: one'), 'duplicate-step', '14:9', 'duplicate step id "one" (first used at line 5)'],
    ['branch to a missing step', VALID.replace('goto: two', 'goto: tow'), 'missing-step', '12:15', 'no step "tow" in this scenario; did you mean "two"?'],
    ['unreachable step', VALID.replace('goto: two', 'goto: end'), 'unreachable-step', '14:9', 'step "two" cannot be reached: no "next" or branch leads to it from the first step'],
    ['meter check without watch', VALID.replace('watch: {service: web}\n', ''), 'needs-watch', '17:9', '"noDowntimeOutside" needs the zero-downtime meter: name a Service under "watch:" at the top of the file'],
    ['bad regex', VALID.replace('"^kubectl"', '"(kubectl"'), 'bad-value', '11:21', 'invalid regular expression "(kubectl": Unterminated group'],
    ['unknown kind', VALID.replace('kind: deploy', 'kind: Deploymnet'), 'bad-value', '9:24', 'unknown kind "Deploymnet"; did you mean "Deployment"?'],
    ['bad id', VALID.replace('id: demo', 'id: Demo_1'), 'bad-value', '1:5', '"Demo_1" is not a valid id: use lower-case letters, digits and single hyphens'],
    ['two kinds in one check', VALID.replace('{kind: deploy, name: web}', '{kind: deploy, name: web}\n        ran: x'), 'bad-value', '9:9', 'a check has exactly one kind, found "exists", "ran"; combine checks with "all:"'],
    ['YAML syntax', VALID.replace('title: {en: Demo, ko: 데모}', 'title: {en: Demo, ko: 데모'), 'yaml-syntax', '', ''],
  ])('%s', (_name, text, code, at, message) => {
    const found = problems(text);
    const hit = found.find((p) => p.code === code);
    expect(hit, JSON.stringify(found)).toBeDefined();
    if (at) expect(hit!.at).toBe(at);
    if (message) expect(hit!.message).toBe(message);
  });

  test('a missing field is reported at the map that lacks it', () => {
    const text = VALID.replace('    instructions: {en: Do it, ko: 하세요}\n    checks:\n      - noDowntime', '    checks:\n      - noDowntime');
    expect(problems(text)).toEqual([{ code: 'missing-field', at: '14:5', message: 'step is missing the required field "instructions"' }]);
  });

  test('field paths and share ranges are checked', () => {
    const text = VALID.replace('- exists: {kind: deploy, name: web}', '- field: {kind: svc, name: web, path: "spec..selector"}\n      - traffic: {service: web, body: x, share: [0.5, 2]}');
    const found = problems(text);
    expect(found.map((p) => p.code)).toEqual(['bad-value', 'bad-value']);
    expect(found[0].message).toMatch(/^invalid field path "spec..selector" at character 6: empty field name$/);
    expect(found[1].message).toBe('expected at most 1, got 2');
  });

  test('reserved and empty', () => {
    expect(problems('')[0].message).toBe('expected a scenario (a map), got an empty file');
    expect(problems(VALID.replace('  - id: two', '  - id: end')).map((p) => p.code)).toContain('bad-value');
  });

  test('problems format as file:line:column: message, sorted by position', () => {
    const r = parseScenario(VALID.replace('watch:', 'wach:').replace('goto: two', 'goto: tow'));
    expect(r.problems.map((p) => formatProblem('x.yaml', p))).toEqual([
      'x.yaml:3:1: unknown field "wach" in scenario; did you mean "watch"?',
      'x.yaml:12:15: no step "tow" in this scenario; did you mean "two"?',
      'x.yaml:18:9: "noDowntimeOutside" needs the zero-downtime meter: name a Service under "watch:" at the top of the file',
    ]);
  });
});

test('the complete example of docs/authoring.md is valid', async () => {
  const { readFileSync } = await import('node:fs');
  const doc = readFileSync('docs/authoring.md', 'utf8');
  const example = /```yaml\n([\s\S]*?)```/.exec(doc)![1];
  expect(parseScenario(example).problems).toEqual([]);
});
