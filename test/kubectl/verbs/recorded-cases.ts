/** The verb cases recorded from the real kubectl v1.32.4 by record-real-kubectl.test.ts. */

/** Fixture name → kubectl arguments. */
export const RECORDED: Record<string, string> = {
  'run-dry-run-yaml': 'run x --image=nginx --dry-run=client -o yaml',
  'run-dry-run-full-yaml': "run tmp --image=busybox --restart=Never --labels=app=a,tier=b --port=80 --env=A=1 --dry-run=client -o yaml -- sh -c 'echo hi'",
  'run-dry-run-command-yaml': 'run tmp --image=busybox --command --dry-run=client -o yaml -- sleep 10',
  'run-dry-run-name': 'run x --image=nginx --dry-run=client',
  'run-dry-run-json': 'run x --image=nginx:1.14 --restart=OnFailure --dry-run=client -o json',
  'version-json': 'version -o json',
};
