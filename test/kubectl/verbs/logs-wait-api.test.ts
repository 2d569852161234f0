/** `kubectl logs`, `kubectl wait` and `kubectl api-resources`. */
import { describe, expect, test } from 'vitest';
import { kubectlHarness } from '../../helpers/kubectl-harness.js';
import { applySeed, lessonHarness } from './verb-helpers.js';

describe('api-resources', () => {
  test('the table of kubelab kinds in kubectl layout', async () => {
    const h = kubectlHarness();
    const r = await h.kubectl('api-resources');
    expect(r.stdout).toBe(
      [
        'NAME             SHORTNAMES   APIVERSION            NAMESPACED   KIND',
        'configmaps       cm           v1                    true         ConfigMap',
        'endpoints        ep           v1                    true         Endpoints',
        'events           ev           v1                    true         Event',
        'namespaces       ns           v1                    false        Namespace',
        'nodes            no           v1                    false        Node',
        'pods             po           v1                    true         Pod',
        'services         svc          v1                    true         Service',
        'deployments      deploy       apps/v1               true         Deployment',
        'replicasets      rs           apps/v1               true         ReplicaSet',
        'endpointslices                discovery.k8s.io/v1   true         EndpointSlice',
        '',
      ].join('\n'),
    );
  });
});

describe('logs', () => {
  test('waiting container, running nginx 1.14 (empty), missing pod, usage', async () => {
    const h = kubectlHarness();
    await h.kubectl('run web --image=nginx:1.14');
    const waiting = await h.kubectl('logs web');
    expect(waiting.stderr).toBe('Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n');
    h.advance(60);
    expect(await h.kubectl('logs web')).toMatchObject({ output: '', code: 0 });
    expect((await h.kubectl('logs nope')).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect((await h.kubectl('logs')).stderr).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    );
  });
  test('nginx 1.25 prints its entrypoint lines', async () => {
    const h = kubectlHarness();
    await h.kubectl('run web --image=nginx:1.25');
    h.advance(60);
    expect((await h.kubectl('logs pod/web')).stdout).toMatch(/Configuration complete; ready for start up\n$/);
  });
});

describe('wait', () => {
  test('condition=Available after an update, delete, timeout, unrecognized', async () => {
    const h = lessonHarness(['stable-env.yaml', 'canary-env.yaml']);
    applySeed(h.cluster, 'stable-env-v115.yaml');
    const r = await h.kubectl('wait --for=condition=Available deployment/nginx-deployment');
    expect(r.output).toBe('deployment.apps/nginx-deployment condition met\n');
    const t = await h.kubectl('wait --for=condition=Progressing=False deployment/nginx-deployment --timeout=2s');
    expect(t).toMatchObject({ stderr: 'error: timed out waiting for the condition on deployments/nginx-deployment\n', code: 1 });
    expect((await h.kubectl('wait deployment/x --for=foo')).stderr).toBe('error: unrecognized condition: "foo"\n');
    expect((await h.kubectl('wait deployment/x')).stderr).toBe('error: unrecognized condition: ""\n');
    await h.kubectl('run tmp --image=busybox --restart=Never -- sleep 1000');
    h.advance(30);
    h.cluster.api.delete('Pod', 'default', 'tmp');
    expect((await h.kubectl('wait --for=delete pod/tmp --timeout=60s')).stdout).toBe('pod/tmp condition met\n');
  });
});
