/** The probe pod's wget loop: the script it runs and how its output becomes answers. */
import { expect, test } from 'vitest';
import { parseWgetLoop, wgetLoop } from '../../src/realcluster/traffic-pods.js';

test('bodies and failures are told apart by the status marker', () => {
  const out =
    '<h1>Hello from Canary</h1>\n\n@@kubelab-wget-status 0\n' +
    'no newline at the end\n@@kubelab-wget-status 0\n' +
    "wget: can't connect to remote host (10.96.0.12): Connection refused\n\n@@kubelab-wget-status 1\n" +
    '\n@@kubelab-wget-status 1\n';
  expect(parseWgetLoop(out)).toEqual([
    { ok: true, body: '<h1>Hello from Canary</h1>\n' },
    { ok: true, body: 'no newline at the end' },
    { ok: false, message: "can't connect to remote host (10.96.0.12): Connection refused" },
    { ok: false, message: 'wget exit status 1' },
  ]);
});

test('the loop quotes the URL for sh and sends the asked number of requests', () => {
  expect(wgetLoop("http://a.b:80/it's", 3)).toBe(
    `i=0; while [ $i -lt 3 ]; do wget -q -T 5 -O - 'http://a.b:80/it'\\''s' 2>&1; s=$?; echo; echo "@@kubelab-wget-status $s"; i=$((i+1)); done`,
  );
});
