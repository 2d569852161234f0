import { describe, expect, test } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.js';
import { tableFor } from '../../../src/cluster/tables/index.js';
import { podCells } from '../../../src/cluster/tables/pods.js';
import type { ContainerStatus, Pod, PodStatus } from '../../../src/cluster/types.js';
import { createPod, markDeleted } from '../helpers/objects.js';

const NOW = Date.parse('2025-08-19T10:00:00Z');
const ago = (s: number) => new Date(NOW - s * 1000).toISOString().replace('.000Z', 'Z');

/** A pod with `n` containers and the given status (the shape printers_test.go builds). */
function pod(name: string, n: number, status: PodStatus, extra: Partial<Pod['spec']> = {}, meta: Partial<Pod['metadata']> = {}): Pod {
  const containers = Array.from({ length: n }, (_, i) => ({ name: `c${i}`, image: 'nginx' }));
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, ...meta }, spec: { containers, ...extra }, status };
}

function cs(partial: Partial<ContainerStatus>): ContainerStatus {
  return { name: 'c', image: 'nginx', imageID: '', ready: false, restartCount: 0, state: {}, ...partial };
}

const running = { running: { startedAt: ago(100) } };
const first5 = (p: Pod) => podCells(p, NOW).slice(0, 5);

// Rows from kubernetes pkg/printers/internalversion/printers_test.go (TestPrintPod,
// TestPrintNonTerminatedPod). That test file predates the `(… ago)` suffix, where RESTARTS was
// int64(6); v1.32's printPod sends the string "6", so the expectation here is the string.
describe('printPod: rows copied from printers_test.go', () => {
  test.each([
    ['test1 ready 1/2 keeps the phase', pod('test1', 2, { phase: 'podPhase' as never, containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })] }), ['test1', '1/2', 'podPhase', '6', '<unknown>']],
    ['test2 a waiting reason overrides the phase', pod('test2', 2, { phase: 'podPhase' as never, containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3, state: { waiting: { reason: 'ContainerWaitingReason' } } })] }), ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>']],
    ['test3 the first container wins', pod('test3', 2, { phase: 'podPhase' as never, containerStatuses: [cs({ restartCount: 3, state: { waiting: { reason: 'ContainerWaitingReason' } } }), cs({ restartCount: 3, state: { terminated: { exitCode: 0, reason: 'ContainerTerminatedReason' } } })] }), ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>']],
    ['test4 ready without running is not counted', pod('test4', 2, { phase: 'podPhase' as never, containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })] }), ['test4', '1/2', 'podPhase', '6', '<unknown>']],
    ['test5 status.reason overrides the phase', pod('test5', 2, { reason: 'podReason', phase: 'podPhase' as never, containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })] }), ['test5', '1/2', 'podReason', '6', '<unknown>']],
    // The stored test file predates the Ready-condition check (NotReady) of v1.32's printPod;
    // the Ready=True condition added here is what keeps this row Running there.
    ['test6 Completed + running is Running', pod('test6', 2, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [cs({ ready: true, restartCount: 3, state: { terminated: { exitCode: 0, reason: 'Completed' } } }), cs({ ready: true, restartCount: 3, state: running })] }), ['test6', '1/2', 'Running', '6', '<unknown>']],
    ['Pending phase', pod('p', 2, { phase: 'Pending', containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })] }), ['p', '1/2', 'Pending', '6', '<unknown>']],
    ['Succeeded phase', pod('s', 2, { phase: 'Succeeded', containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })] }), ['s', '1/2', 'Succeeded', '6', '<unknown>']],
  ])('%s', (_name, p, expected) => {
    expect(first5(p)).toEqual(expected);
  });

  test('wide: IP, node, nominated node, readiness gates 1/3 (TestPrintPodwide)', () => {
    const p = pod('test1', 2, {
      phase: 'podPhase' as never,
      podIPs: [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }],
      nominatedNodeName: 'node1',
      conditions: [{ type: 'condition1', status: 'False' }, { type: 'condition2', status: 'True' }],
      containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })],
    }, { nodeName: 'test1', readinessGates: [{ conditionType: 'condition1' }, { conditionType: 'condition2' }, { conditionType: 'condition3' }] });
    expect(podCells(p, NOW)).toEqual(['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3']);
  });

  test('wide: nothing assigned prints <none> four times', () => {
    const p = pod('test2', 2, { phase: 'podPhase' as never, containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3, state: { waiting: { reason: 'ContainerWaitingReason' } } })] });
    expect(podCells(p, NOW).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });
});

describe('printPod: STATUS reasons and RESTARTS', () => {
  test('restarts carry the age of the latest lastState.terminated.finishedAt', () => {
    const p = pod('crash', 1, {
      phase: 'Running',
      containerStatuses: [cs({ restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(5) } } })],
    });
    expect(first5(p)).toEqual(['crash', '0/1', 'CrashLoopBackOff', '5 (5s ago)', '<unknown>']);
  });

  test('the most recent restart across containers is the one shown', () => {
    const p = pod('two', 2, {
      phase: 'Running',
      containerStatuses: [
        cs({ ready: true, restartCount: 1, state: running, lastState: { terminated: { exitCode: 1, finishedAt: ago(3600) } } }),
        cs({ ready: true, restartCount: 2, state: running, lastState: { terminated: { exitCode: 1, finishedAt: ago(150) } } }),
      ],
    });
    expect(first5(p)).toEqual(['two', '2/2', 'Running', '3 (2m30s ago)', '<unknown>']);
  });

  test('restarts without a finishedAt stay a bare number', () => {
    const p = pod('r', 1, { phase: 'Running', containerStatuses: [cs({ ready: true, restartCount: 2, state: running, lastState: {} })] });
    expect(podCells(p, NOW)[3]).toBe('2');
  });

  test.each([
    ['terminated without reason: exit code', { terminated: { exitCode: 2 } }, 'ExitCode:2'],
    ['terminated by a signal', { terminated: { exitCode: 137, signal: 9 } as never }, 'Signal:9'],
    ['terminated with a reason', { terminated: { exitCode: 0, reason: 'Completed' } }, 'Completed'],
    ['ErrImagePull', { waiting: { reason: 'ErrImagePull' } }, 'ErrImagePull'],
    ['ContainerCreating', { waiting: { reason: 'ContainerCreating' } }, 'ContainerCreating'],
  ])('%s', (_n, state, reason) => {
    expect(podCells(pod('x', 1, { phase: 'Pending', containerStatuses: [cs({ state })] }), NOW)[2]).toBe(reason);
  });

  test('Completed with a ready running container but Ready=False is NotReady', () => {
    const p = pod('nr', 2, {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'False' }],
      containerStatuses: [cs({ state: { terminated: { exitCode: 0, reason: 'Completed' } } }), cs({ ready: true, state: running })],
    });
    expect(podCells(p, NOW)[2]).toBe('NotReady');
  });

  test('deletionTimestamp makes a running pod Terminating, but not a Succeeded one', () => {
    const status: PodStatus = { phase: 'Running', containerStatuses: [cs({ ready: true, state: running })] };
    expect(podCells(pod('t', 1, status, {}, { deletionTimestamp: ago(-30) }), NOW)[2]).toBe('Terminating');
    expect(podCells(pod('t', 1, { ...status, phase: 'Succeeded' }, {}, { deletionTimestamp: ago(-30) }), NOW)[2]).toBe('Succeeded');
    expect(podCells(pod('t', 1, { ...status, reason: 'NodeLost' }, {}, { deletionTimestamp: ago(-30) }), NOW)[2]).toBe('Unknown');
  });

  test('SchedulingGated comes from the PodScheduled condition', () => {
    const p = pod('g', 1, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] });
    expect(first5(p)).toEqual(['g', '0/1', 'SchedulingGated', '0', '<unknown>']);
  });

  test('AGE is HumanDuration of creationTimestamp', () => {
    expect(podCells(pod('a', 1, { phase: 'Pending' }, {}, { creationTimestamp: ago(7 * 3600 + 30 * 60) }), NOW)[4]).toBe('7h30m');
  });
});

describe('printPod: init containers', () => {
  const init = (statuses: ContainerStatus[], conditions: PodStatus['conditions'] = [], sidecar = false) =>
    pod('i', 1, { phase: 'Pending', conditions, initContainerStatuses: statuses, containerStatuses: [cs({ state: { waiting: { reason: 'PodInitializing' } } })] }, {
      initContainers: [{ name: 'init0', image: 'busybox', ...(sidecar ? { restartPolicy: 'Always' } : {}) }, { name: 'init1', image: 'busybox' }],
    });

  test.each([
    ['running init container: Init:0/2', [cs({ name: 'init0', state: running }), cs({ name: 'init1', state: { waiting: { reason: 'PodInitializing' } } })], 'Init:0/2'],
    ['first done, second running: Init:1/2', [cs({ name: 'init0', state: { terminated: { exitCode: 0, reason: 'Completed' } } }), cs({ name: 'init1', state: running })], 'Init:1/2'],
    ['failed init: Init:Error', [cs({ name: 'init0', state: { terminated: { exitCode: 1, reason: 'Error' } } })], 'Init:Error'],
    ['failed init without reason: Init:ExitCode:3', [cs({ name: 'init0', state: { terminated: { exitCode: 3 } } })], 'Init:ExitCode:3'],
    ['waiting init: Init:CrashLoopBackOff', [cs({ name: 'init0', restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } })], 'Init:CrashLoopBackOff'],
  ])('%s', (_n, statuses, reason) => {
    expect(podCells(init(statuses), NOW)[2]).toBe(reason);
  });

  test('init restarts count while initializing', () => {
    const p = init([cs({ name: 'init0', restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: ago(20) } } })]);
    expect(first5(p)).toEqual(['i', '0/1', 'Init:CrashLoopBackOff', '4 (20s ago)', '<unknown>']);
  });

  test('a started sidecar counts in READY and its restarts stay once initialized', () => {
    const p = pod('side', 1, {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }],
      initContainerStatuses: [cs({ name: 'proxy', ready: true, started: true, restartCount: 1, state: running, lastState: { terminated: { exitCode: 1, finishedAt: ago(60) } } })],
      containerStatuses: [cs({ name: 'c0', ready: true, state: running })],
    }, { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }] });
    expect(first5(p)).toEqual(['side', '2/2', 'Running', '1 (60s ago)', '<unknown>']);
  });
});

describe('printPod on the simulator', () => {
  test('ContainerCreating, then Running 1/1; Terminating after delete; ErrImagePull then ImagePullBackOff', () => {
    const c = new Cluster({ seed: 1 });
    createPod(c, 'web', { labels: { app: 'web' } });
    createPod(c, 'bad', { image: 'nosuchimage:1' });
    c.advance(1000);
    const early = tableFor('Pod', c.store.list<Pod>('Pod', 'default'), c.clock.now());
    expect(early.rows.map((r) => r.cells.slice(0, 5))).toEqual([
      ['bad', '0/1', 'ContainerCreating', '0', '1s'],
      ['web', '0/1', 'ContainerCreating', '0', '1s'],
    ]);
    c.advance(2000);
    const bad = tableFor('Pod', [c.store.get<Pod>('Pod', 'default', 'bad')], c.clock.now()).rows[0].cells;
    expect(bad[2]).toBe('ErrImagePull');
    c.advance(60_000);
    const rows = tableFor('Pod', c.store.list<Pod>('Pod', 'default'), c.clock.now()).rows.map((r) => r.cells);
    const webPod = c.store.get<Pod>('Pod', 'default', 'web');
    expect(rows).toEqual([
      ['bad', '0/1', 'ImagePullBackOff', '0', '63s', c.store.get<Pod>('Pod', 'default', 'bad').status!.podIP, 'kubelab-worker2', '<none>', '<none>'],
      ['web', '1/1', 'Running', '0', '63s', webPod.status!.podIP, webPod.spec.nodeName, '<none>', '<none>'],
    ]);
    markDeleted(c, 'default', 'web');
    const after = c.store.find<Pod>('Pod', 'default', 'web');
    if (after) expect(tableFor('Pod', [after], c.clock.now()).rows[0].cells[2]).toBe('Terminating');
  });
});
