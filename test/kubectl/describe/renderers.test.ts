/** Pure describe pieces with worked examples from describe.go and apimachinery. */
import { describe, expect, test } from 'vitest';
import type { EndpointSlice, KubeEvent } from '../../../src/cluster/types.js';
import { describeEvents } from '../../../src/kubectl/describe/events.js';
import { formatLabelSelector, rfc1123z, selectorString } from '../../../src/kubectl/describe/format.js';
import { tabbedString } from '../../../src/kubectl/describe/prefix-writer.js';
import { quantityString } from '../../../src/kubectl/describe/quantity.js';
import { formatEndpointSlices } from '../../../src/kubectl/describe/service.js';

const slice = (ips: string[], ready: boolean[] = ips.map(() => true), port = 8080, name = ''): EndpointSlice => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 's' },
  addressType: 'IPv4',
  endpoints: ips.map((ip, i) => ({ addresses: [ip], conditions: { ready: ready[i] } })),
  ports: [{ name, port, protocol: 'TCP' }],
});

describe('formatEndpointSlices', () => {
  test.each([
    ['no slices', [], '<none>'],
    ['a slice without ready endpoints', [slice(['10.244.1.2'], [false])], ''],
    ['three', [slice(['10.244.1.2', '10.244.1.3', '10.244.2.2'])], '10.244.1.2:8080,10.244.1.3:8080,10.244.2.2:8080'],
    ['four', [slice(['10.244.1.2', '10.244.1.3', '10.244.2.2', '10.244.2.3'])], '10.244.1.2:8080,10.244.1.3:8080,10.244.2.2:8080 + 1 more...'],
    ['not ready ones skipped', [slice(['10.244.1.2', '10.244.1.3', '10.244.2.2'], [true, false, true])], '10.244.1.2:8080,10.244.2.2:8080'],
    ['across slices', [slice(['10.244.1.2', '10.244.1.3']), slice(['10.244.2.2', '10.244.2.3', '10.244.2.4'])], '10.244.1.2:8080,10.244.1.3:8080,10.244.2.2:8080 + 2 more...'],
  ] as const)('%s', (_, slices, text) => {
    expect(formatEndpointSlices(slices as unknown as EndpointSlice[], '')).toBe(text);
  });
  test('only the service port of the same name', () => {
    expect(formatEndpointSlices([slice(['10.244.1.2'], [true], 443, 'https')], '')).toBe('');
    expect(formatEndpointSlices([slice(['10.244.1.2'], [true], 443, 'https')], 'https')).toBe('10.244.1.2:443');
  });
});

test.each([
  ['100m', '100m'],
  ['0.1', '100m'],
  ['2000m', '2'],
  ['1024Mi', '1Gi'],
  ['0.5Gi', '512Mi'],
  ['16329508Ki', '16329508Ki'],
  ['512', '512'],
  ['1e3', '1e3'],
  [8, '8'],
])('quantity %s prints as %s', (raw, text) => {
  expect(quantityString(raw)).toBe(text);
});

test('RFC1123Z in UTC, Go zero time when unset', () => {
  expect(rfc1123z('2025-08-19T09:00:00Z')).toBe('Tue, 19 Aug 2025 09:00:00 +0000');
  expect(rfc1123z('2025-08-03T21:07:09Z')).toBe('Sun, 03 Aug 2025 21:07:09 +0000');
  expect(rfc1123z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
});

test('label selectors print as labels.Selector.String()', () => {
  expect(selectorString({ matchLabels: { color: 'blue', app: 'test-pod' } })).toBe('app=test-pod,color=blue');
  expect(selectorString({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }, { key: 'canary', operator: 'DoesNotExist' }] })).toBe('!canary,tier in (api,web)');
  expect(formatLabelSelector({})).toBe('<none>');
});

describe('events section', () => {
  const ev = (reason: string, first: string, last: string, count: number): KubeEvent => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: reason },
    involvedObject: { kind: 'Pod', name: 'p', uid: 'u' },
    reason,
    message: `${reason} happened \n`,
    source: { component: 'kubelet' },
    firstTimestamp: first,
    lastTimestamp: last,
    count,
    type: 'Normal',
  });
  const now = Date.parse('2025-08-19T09:02:00Z');
  test('none: one tabbed line aligned with the fields above it', () => {
    expect(tabbedString((w) => {
      w.write(0, 'Session Affinity:\tNone\n');
      describeEvents(w, [], now);
    })).toBe('Session Affinity:  None\nEvents:            <none>\n');
  });
  test('sorted by last time, repeats as (xN over age), messages trimmed, its own column block', () => {
    const text = tabbedString((w) => {
      w.write(0, 'A much longer field name:\tx\n');
      describeEvents(w, [ev('Later', '2025-08-19T09:01:00Z', '2025-08-19T09:01:50Z', 2), ev('Early', '2025-08-19T09:00:00Z', '2025-08-19T09:00:00Z', 1)], now);
    });
    expect(text).toBe(
      [
        'A much longer field name:  x',
        'Events:',
        '  Type    Reason  Age                From     Message',
        '  ----    ------  ----               ----     -------',
        '  Normal  Early   2m                 kubelet  Early happened',
        '  Normal  Later   10s (x2 over 60s)  kubelet  Later happened',
        '',
      ].join('\n'),
    );
  });
});
