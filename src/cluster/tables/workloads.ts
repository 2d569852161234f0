/**
 * The Deployment and ReplicaSet printers (printers.go `deploymentColumnDefinitions`,
 * `printDeployment`, `replicaSetColumnDefinitions`, `printReplicaSet`): counts as integers,
 * Deployment READY as `ready/desired`, wide CONTAINERS, IMAGES and SELECTOR.
 */
import type { Deployment, ReplicaSet } from '../types.js';
import {
  AGE_COLUMN,
  CONTAINERS_DOC,
  IMAGES_DOC,
  NAME_COLUMN,
  column,
  formatLabelSelector,
  labelSelectorString,
  layoutContainerCells,
  translateTimestampSince,
  wideColumn,
} from './columns.js';
import type { TableCell, TableColumn } from './table.js';

/** deploymentColumnDefinitions. */
export const DEPLOYMENT_COLUMNS: TableColumn[] = [
  NAME_COLUMN,
  column('Ready', 'string', 'Number of the pod with ready state'),
  column('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
  column('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
  AGE_COLUMN,
  wideColumn('Containers', 'string', CONTAINERS_DOC),
  wideColumn('Images', 'string', IMAGES_DOC),
  wideColumn('Selector', 'string', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.'),
];

/**
 * printDeployment: `ready/desired`, up-to-date, available, age; the wide selector is
 * `selector.String()`, which (unlike the ReplicaSet's) stays empty for an empty selector.
 */
export function deploymentCells(d: Deployment, nowMs: number): TableCell[] {
  const desired = d.spec.replicas ?? 1;
  const st = d.status ?? {};
  const [names, images] = layoutContainerCells(d.spec.template?.spec?.containers);
  return [
    d.metadata.name ?? '',
    `${st.readyReplicas ?? 0}/${desired}`,
    st.updatedReplicas ?? 0,
    st.availableReplicas ?? 0,
    translateTimestampSince(d.metadata.creationTimestamp, nowMs),
    names,
    images,
    labelSelectorString(d.spec.selector),
  ];
}

/** replicaSetColumnDefinitions. */
export const REPLICASET_COLUMNS: TableColumn[] = [
  NAME_COLUMN,
  column('Desired', 'integer', 'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller'),
  column('Current', 'integer', 'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller'),
  column('Ready', 'integer', 'readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition.'),
  AGE_COLUMN,
  wideColumn('Containers', 'string', CONTAINERS_DOC),
  wideColumn('Images', 'string', IMAGES_DOC),
  wideColumn('Selector', 'string', 'Selector is a label query over pods that should match the replica count. If the selector is empty, it is defaulted to the labels present on the pod template. Label keys and values that must match in order to be controlled by this replica set. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
];

/** printReplicaSet: desired (spec), current and ready (status), age; wide selector `<none>` when empty. */
export function replicaSetCells(rs: ReplicaSet, nowMs: number): TableCell[] {
  const [names, images] = layoutContainerCells(rs.spec.template?.spec?.containers);
  return [
    rs.metadata.name ?? '',
    rs.spec.replicas ?? 1,
    rs.status?.replicas ?? 0,
    rs.status?.readyReplicas ?? 0,
    translateTimestampSince(rs.metadata.creationTimestamp, nowMs),
    names,
    images,
    formatLabelSelector(rs.spec.selector),
  ];
}
