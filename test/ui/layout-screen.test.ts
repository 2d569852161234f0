/**
 * The lesson screen at 80x24 and 160x48: nothing taller or wider than the terminal, the
 * panels stacked (Ctrl-G switches) or beside the terminal, the canary lesson's 4:1 traffic
 * as bars; and with NO_COLOR not one escape code.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { resolveScenario } from '../../src/lesson/scenario-loader.js';
import type { LessonRuntime } from '../../src/ui/lesson-runtime.js';
import { columns } from '../../src/ui/layout/styled-line.js';
import { renderSized } from './layout-render.js';
import { frameWith, makeRuntime, plain, tick } from './ui-helpers.js';

let runtime: LessonRuntime | undefined;
let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  runtime?.stop();
});

function canaryRuntime(lang: 'en' | 'ko' = 'en'): LessonRuntime {
  const scenario = resolveScenario('canary').result.scenario;
  if (!scenario) throw new Error('canary does not load');
  return (runtime = makeRuntime({ scenario, lang }));
}

/** Both Deployments ready, 100 requests sent from a busybox pod's shell. */
async function canaryWithTraffic(rt: LessonRuntime): Promise<void> {
  await rt.enter('kubectl apply -f stable-env.yaml');
  await rt.enter('kubectl apply -f canary-env.yaml');
  rt.advance(60_000);
  const entered = rt.enter('kubectl run client --rm -it --image=busybox --restart=Never -- sh');
  for (let s = 0; s < 30 && rt.busy(); s++) {
    rt.advance(1000);
    await tick();
  }
  await entered;
  await rt.enter('for i in $(seq 100); do wget -qO- http://nginx-service >/dev/null; done');
}

/** Every row of a frame fits the width, and there are fewer rows than the terminal has. */
function expectFits(frame: string, width: number, height: number): void {
  const rows = plain(frame).split('\n');
  expect(rows.length).toBeLessThan(height);
  for (const row of rows) expect(columns(row), row).toBeLessThanOrEqual(width);
}

describe('80x24', () => {
  test('terminal, one panel, status; Ctrl-G shows the cluster, then the traffic bars', async () => {
    const rt = canaryRuntime();
    await canaryWithTraffic(rt);
    const screen = renderSized(rt, 80, 24);
    unmount = screen.unmount;
    let frame = await frameWith(screen.lastFrame, '─  Lesson  │ Cluster │ Traffic ─');
    expectFits(screen.lastFrame(), 80, 24);
    expect(frame).toContain('^G cluster · ^T hint');
    expect(frame).toMatch(/^\/ #/m);
    screen.stdin.write('\x07');
    frame = await frameWith(screen.lastFrame, '─ Lesson │  Cluster  │ Traffic ─');
    expectFits(screen.lastFrame(), 80, 24);
    expect(frame).toMatch(/svc\/nginx-service app=nginx → 1×4 C×1/);
    expect(frame).toMatch(/deploy\/nginx-deployment 4\/4/);
    expect(frame).toContain('^G traffic');
    screen.stdin.write('\x07');
    frame = await frameWith(screen.lastFrame, '─ Lesson │ Cluster │  Traffic  ─');
    expectFits(screen.lastFrame(), 80, 24);
    const stable = /^1 version=1\.14\s+█+░*\s+(\d+)\s+\d+%$/m.exec(frame);
    const canary = /^C version=canary\s+█+░*\s+(\d+)\s+\d+%$/m.exec(frame);
    expect(stable && canary).toBeTruthy();
    const [s, c] = [Number(stable![1]), Number(canary![1])];
    expect(s + c).toBe(100);
    expect(s / c).toBeGreaterThan(2);
    expect(s / c).toBeLessThan(8);
  });
});

describe('160x48', () => {
  test('the cluster view and the traffic bars beside the terminal and the lesson', async () => {
    const rt = canaryRuntime();
    await canaryWithTraffic(rt);
    const screen = renderSized(rt, 160, 48);
    unmount = screen.unmount;
    const frame = await frameWith(screen.lastFrame, 'svc/nginx-service app=nginx');
    expectFits(screen.lastFrame(), 160, 48);
    const rows = frame.split('\n');
    // The terminal's prompt and a pod row of the cluster view share a row.
    expect(rows.some((r) => /^\/ #/.test(r) || /Deploy the stable version/.test(r))).toBe(true);
    expect(rows.some((r) => /for i in \$\(seq 100\).*─ Cluster ─/.test(r) || /^\S.*\s{2,}(svc|deploy|rs|\s{4}[1C])/.test(r))).toBe(true);
    expect(frame).toMatch(/1 nginx-deployment-[a-z0-9]+-[a-z0-9]{5} +Running ◂/);
    expect(frame).toMatch(/C nginx-canary-deployment-[a-z0-9]+-[a-z0-9]{5} +Running ◂/);
    expect(frame).toMatch(/1 version=1\.14 +█+░* +\d+ +\d+%/);
    expect(frame).not.toContain('^G');
  });
});

describe('NO_COLOR', () => {
  test('not one escape code, versions by letter, the shown panel in brackets', async () => {
    const { default: chalk } = await import('chalk');
    const rt = canaryRuntime();
    await canaryWithTraffic(rt);
    // Colour on first, as on a real terminal: the frame has escape codes.
    chalk.level = 3;
    const coloured = renderSized(rt, 160, 48, false);
    await frameWith(coloured.lastFrame, 'svc/nginx-service');
    expect(coloured.lastFrame()).toMatch(/\x1b\[/);
    coloured.unmount();
    const screen = renderSized(rt, 80, 24, true);
    unmount = screen.unmount;
    await frameWith(screen.lastFrame, '[Lesson]');
    screen.stdin.write('\x07');
    const frame = await frameWith(screen.lastFrame, '[Cluster]');
    expect(screen.lastFrame()).not.toMatch(/\x1b/);
    expect(frame).toMatch(/→ 1×4 C×1/);
    screen.stdin.write('\x07');
    await frameWith(screen.lastFrame, '[Traffic]');
    expect(screen.lastFrame()).not.toMatch(/\x1b/);
  });
});

describe('Korean at 80x24', () => {
  test('Hangul is two columns wide: no row is wider than the terminal', async () => {
    const rt = canaryRuntime('ko');
    await canaryWithTraffic(rt);
    const screen = renderSized(rt, 80, 24);
    unmount = screen.unmount;
    await frameWith(screen.lastFrame, '실습');
    expectFits(screen.lastFrame(), 80, 24);
    expect(plain(screen.lastFrame())).toContain('^G 클러스터 · ^T 힌트');
    screen.stdin.write('\x07');
    await frameWith(screen.lastFrame, 'deploy/nginx-deployment');
    expectFits(screen.lastFrame(), 80, 24);
    screen.stdin.write('\x07');
    await frameWith(screen.lastFrame, '서비스를 거친 요청');
    expectFits(screen.lastFrame(), 80, 24);
  });
});

describe('resize and scrollback', () => {
  test('a resize to 160x48 lays the panels beside the terminal; PageUp scrolls back, a key returns', async () => {
    runtime = makeRuntime();
    const screen = renderSized(runtime, 80, 24);
    unmount = screen.unmount;
    for (let i = 0; i < 20; i++) await runtime.enter(`echo row ${i}`);
    let frame = await frameWith(screen.lastFrame, 'row 19');
    expect(frame).not.toContain('row 10\n');
    screen.stdin.write('\x1b[5~');
    frame = await frameWith(screen.lastFrame, 'rows back · PgUp/PgDn scroll');
    expect(frame).toContain('row 13');
    expect(frame).not.toContain('row 19');
    screen.stdin.write('x');
    frame = await frameWith(screen.lastFrame, 'row 19');
    expect(frame).not.toContain('rows back');
    screen.stdout.resize(160, 48);
    frame = await frameWith(screen.lastFrame, '─  Cluster  ─');
    expectFits(screen.lastFrame(), 160, 48);
    expect(frame).toContain('─  Traffic  ─');
  });
});
