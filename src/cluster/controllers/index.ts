/**
 * The controller manager's list, in the order one settle round runs them.
 */
import type { Controller, ControllerContext } from './controller.js';
import { createDeploymentController } from './deployment-controller.js';
import { createReplicaSetController } from './replicaset-controller.js';
import { createGarbageCollector } from './garbage-collector.js';
import { createScheduler } from './scheduler.js';
import { createKubelet } from './kubelet.js';
import { createEndpointsController } from './endpoints-controller.js';
import { createEndpointSliceController } from './endpointslice-controller.js';

/** Every controller of a fresh cluster. */
export function createControllers(ctx: ControllerContext): Controller[] {
  return [
    createDeploymentController(ctx),
    createReplicaSetController(ctx),
    createGarbageCollector(ctx),
    createScheduler(ctx),
    createKubelet(ctx),
    createEndpointsController(ctx),
    createEndpointSliceController(ctx),
  ];
}
