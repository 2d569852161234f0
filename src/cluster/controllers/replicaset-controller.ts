/** PLACEHOLDER: replaced by the controller work. */
import type { Controller, ControllerContext } from './controller.js';

/** Not built yet. */
export function createReplicaSetController(_ctx: ControllerContext): Controller {
  return { name: 'replicaset-controller', sync: () => false };
}
