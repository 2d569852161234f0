import { describe, expect, test } from 'vitest';
import { canaryCluster, containerPlace, runNet } from '../shell/net/helpers.js';

/** Runs `curl -s http://nginx-service` n times from the curl pod; returns which version answered. */
async function loop(seed: number | string, n: number): Promise<('S' | 'C')[]> {
  const c = canaryCluster(seed);
  const place = containerPlace(c, 'client');
  const answers: ('S' | 'C')[] = [];
  for (let i = 0; i < n; i++) {
    const r = await runNet(c, place, 'curl -s http://nginx-service');
    if (r.code !== 0) throw new Error(r.stderr);
    answers.push(r.stdout.includes('Canary') ? 'C' : 'S');
  }
  return answers;
}

describe('canary traffic split through one Service (4 stable + 1 canary ready pods)', () => {
  test('over 1,000 requests the canary share is within 3.5 sigma of 20%', async () => {
    const answers = await loop(1, 1000);
    const canary = answers.filter((a) => a === 'C').length;
    const sigma = Math.sqrt(1000 * 0.2 * 0.8);
    expect(Math.abs(canary - 200)).toBeLessThan(3.5 * sigma);
  });

  test('same seed, same sequence; another seed, another sequence', async () => {
    const a = await loop(7, 200);
    expect(await loop(7, 200)).toEqual(a);
    expect(await loop(8, 200)).not.toEqual(a);
  });

  test('the choice is made per connection: the runs test finds no pattern and the sequence is not periodic', async () => {
    const s = await loop(3, 1000);
    // Wald–Wolfowitz runs test: the number of runs of a random sequence is about normal.
    const n1 = s.filter((x) => x === 'C').length;
    const n2 = s.length - n1;
    let runs = 1;
    for (let i = 1; i < s.length; i++) if (s[i] !== s[i - 1]) runs++;
    const mean = (2 * n1 * n2) / (n1 + n2) + 1;
    const variance = ((mean - 1) * (mean - 2)) / (n1 + n2 - 1);
    expect(Math.abs(runs - mean) / Math.sqrt(variance)).toBeLessThan(3.5);
    for (let period = 1; period <= 50; period++) {
      const periodic = s.every((x, i) => i < period || x === s[i - period]);
      expect(periodic, `period ${period}`).toBe(false);
    }
  });

  test('each request is logged by the nginx that served it, with the client pod IP', async () => {
    const c = canaryCluster(5);
    const place = containerPlace(c, 'client');
    for (let i = 0; i < 20; i++) await runNet(c, place, 'curl -s http://nginx-service');
    const { networkOf } = await import('../../src/cluster/network/index.js');
    const net = networkOf(c);
    const pods = c.store.view<import('../../src/cluster/types.js').Pod>('Pod').filter((p) => p.metadata.labels?.app === 'nginx');
    const lines = pods.flatMap((p) => net.containerLog(p.metadata.uid!, 'nginx'));
    expect(lines).toHaveLength(20);
    const clientIp = c.store.get<import('../../src/cluster/types.js').Pod>('Pod', 'default', 'client').status!.podIP!;
    expect(lines[0]).toMatch(new RegExp(`^${clientIp.replace(/\./g, '\\.')} - - \\[19/Aug/2025:09:0\\d:\\d\\d \\+0000\\] "GET / HTTP/1\\.1" 200 3[23] "-" "curl/8\\.15\\.0" "-"\\n$`));
  });
});
