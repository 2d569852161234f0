/**
 * `kubectl get` fixture cases: a fixture cluster (the describe fixtures' lesson states) and
 * the arguments. The real kubectl renders these from kubelab's server-side Tables, so they
 * check everything kubectl does on the client: decoration, kind prefixes, separators, the
 * tab writer, -o yaml/json/name of the served objects, errors and `No resources found`.
 */
import { after, before, complete, make, mid, type FixtureCase } from '../describe/cases.js';

/** One case (the describe fixtures' shape). */
export type GetCase = FixtureCase;

/** The cases, recorded by record-real-kubectl.test.ts. */
export const GET_CASES: GetCase[] = [
  make('pods', 'get pods', before),
  make('pods-show-labels', 'get pods --show-labels', after),
  make('pods-wide', 'get pods -o wide', mid),
  make('pods-mid-rollout', 'get pods', mid),
  make('all', 'get all', complete),
  make('deploy-rs-all-namespaces', 'get deploy,rs -A -L app', complete),
  make('pods-label-columns', 'get po -L version,app --no-headers', complete),
  make('services-wide', 'get svc -o wide', after),
  make('endpoints', 'get endpoints', complete),
  make('endpointslices', 'get endpointslices', complete),
  make('configmaps', 'get cm', complete),
  make('nodes-wide', 'get nodes -o wide', before),
  make('namespaces', 'get ns', before),
  make('events', 'get events', mid),
  make('named-and-missing', 'get deploy nginx-deployment nope', complete, 1),
  make('tuples-two-kinds', 'get deploy/nginx-deployment svc/kubernetes', complete),
  make('show-kind', 'get rs --show-kind', complete),
  make('selector', 'get pods -l version=canary', complete),
  make('selector-no-match', 'get pods -l app=none', complete),
  make('no-resources-all-namespaces', 'get configmaps -A -l x=y', before),
  make('name-output', 'get deploy,svc -o name', complete),
  make('service-yaml', 'get svc kubernetes -o yaml', complete),
  make('pod-yaml', 'get pod nginx-deployment-5b8d6f9c4d-x7dgk -o yaml', complete),
  make('deploy-json', 'get deployment nginx-deployment -o json', complete),
  make('list-yaml', 'get cm -o yaml', complete),
  make('missing-yaml', 'get cm nope -o yaml', complete, 1),
  make('field-selector', 'get pods --field-selector status.phase=Running', mid),
  make('ignore-not-found', 'get deploy nope --ignore-not-found', complete),
  make('unknown-type', 'get nope', complete, 1),
  make('names-two-types', 'get deploy,svc nginx-deployment', complete, 1),
  make('names-two-types-found', 'get svc,deploy kubernetes nginx-deployment', complete, 1),
  make('name-and-selector', 'get pods x -l a=b', complete, 1),
  make('name-all-namespaces', 'get pods x -A', complete, 1),
];
