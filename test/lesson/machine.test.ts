import { describe, expect, test } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { toDirectedGraph } from 'xstate/graph';
import { buildLessonMachine, currentStep, type CheckEvaluator, type LessonMachine } from '../../src/lesson/machine.js';
import { listBuiltinScenarios, parseScenario } from '../../src/lesson/scenario-loader.js';
import type { Check, Scenario } from '../../src/lesson/scenario-types.js';

function scenario(yamlSteps: string): Scenario {
  const text = `id: demo\ntitle: {en: Demo, ko: 데모}\nsteps:\n${yamlSteps}`;
  const r = parseScenario(text);
  if (!r.scenario) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

/** A stub evaluator: a `ran` check holds when `facts` has its pattern, everything else by name. */
function facts(...truths: string[]): CheckEvaluator {
  const holds = (c: Check): boolean => ('ran' in c ? truths.includes(c.ran) : 'not' in c ? !holds(c.not) : false);
  return (checks) => checks.every(holds);
}

const branching = scenario(`
  - id: deploy
    title: {en: a, ko: a}
    instructions: {en: a, ko: a}
    checks: [{ran: deployed}]
    next:
      - when: {ran: healthy}
        goto: promote
      - goto: rollback
  - id: promote
    title: {en: b, ko: b}
    instructions: {en: b, ko: b}
    checks: [{ran: promoted}]
    next: end
  - id: rollback
    title: {en: c, ko: c}
    instructions: {en: c, ko: c}
    hints: [{en: h, ko: h}]
    checks: [{ran: undone}]
`);

function run(machine: LessonMachine, evaluate: CheckEvaluator, events: Parameters<typeof transition<LessonMachine>>[2][]) {
  let [snap] = initialTransition(machine, { evaluate });
  for (const e of events) [snap] = transition(machine, snap, e);
  return snap;
}

describe('lesson machine', () => {
  test('stays on a step until its checks hold, then follows the branch whose when holds', () => {
    const machine = buildLessonMachine(branching);
    expect(currentStep(run(machine, facts(), [{ type: 'COMMAND_RAN', command: 'kubectl get pods' }]))).toBe('deploy');
    const healthy = run(machine, facts('deployed', 'healthy'), [{ type: 'COMMAND_RAN', command: 'x' }]);
    expect(currentStep(healthy)).toBe('promote');
    expect(healthy.context.completed).toEqual(['deploy']);
    expect(healthy.context.commands).toEqual(['x']);
    expect(currentStep(run(machine, facts('deployed'), [{ type: 'COMMAND_RAN', command: 'x' }]))).toBe('rollback');
  });

  test('reaches the final state and records hints and skips', () => {
    const machine = buildLessonMachine(branching);
    const snap = run(machine, facts(), [{ type: 'SKIP' }, { type: 'HINT' }, { type: 'HINT' }, { type: 'SKIP' }]);
    expect(snap.status).toBe('done');
    expect(currentStep(snap)).toBe('end');
    expect(snap.context.skipped).toEqual(['deploy', 'rollback']);
    expect(snap.context.hints).toEqual({ rollback: 2 });
  });

  test('the default next is the following step, and the last step ends the lesson', () => {
    const s = scenario(`
  - {id: one, title: {en: a, ko: a}, instructions: {en: a, ko: a}, checks: [{ran: a}]}
  - {id: two, title: {en: a, ko: a}, instructions: {en: a, ko: a}, checks: [{ran: b}]}
`);
    const actor = createActor(buildLessonMachine(s), { input: { evaluate: facts('a', 'b') } }).start();
    actor.send({ type: 'COMMAND_RAN', command: 'a' });
    expect(actor.getSnapshot().value).toBe('two');
    actor.send({ type: 'COMMAND_RAN', command: 'b' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().context.completed).toEqual(['one', 'two']);
  });
});

/** Every state reachable from the initial one over the machine's transitions (guards ignored). */
function reachable(machine: LessonMachine): { all: string[]; reached: Set<string> } {
  const root = toDirectedGraph(machine);
  const byId = new Map(root.children.map((c) => [c.id, c]));
  const initial = `${machine.id}.${String(machine.config.initial)}`;
  const reached = new Set([initial]);
  const queue = [initial];
  while (queue.length > 0) {
    for (const e of byId.get(queue.shift()!)?.edges ?? []) {
      if (!reached.has(e.target.id)) {
        reached.add(e.target.id);
        queue.push(e.target.id);
      }
    }
  }
  return { all: [...byId.keys()], reached };
}

describe('reachability', () => {
  const builtins = listBuiltinScenarios();
  test('there are built-in scenarios and they load', () => {
    expect(builtins.length).toBeGreaterThan(0);
    for (const b of builtins) expect(b.result.problems, b.file).toEqual([]);
  });
  test.each(builtins.map((b) => [b.file, b] as const))('every state of %s is reachable', (_file, b) => {
    const machine = buildLessonMachine(b.result.scenario!);
    const { all, reached } = reachable(machine);
    expect(all).toContain(`${machine.id}.end`);
    expect(all.filter((id) => !reached.has(id))).toEqual([]);
  });
  test('the branching example reaches both branches and the end', () => {
    const { all, reached } = reachable(buildLessonMachine(branching));
    expect([...reached].sort()).toEqual([...all].sort());
  });
  test('the walk finds a step nothing leads to', () => {
    const s: Scenario = { ...branching, steps: branching.steps.map((st) => (st.id === 'deploy' ? { ...st, next: 'promote' } : st)) };
    const { all, reached } = reachable(buildLessonMachine(s));
    expect(all.filter((id) => !reached.has(id))).toEqual(['demo.rollback']);
  });
});
