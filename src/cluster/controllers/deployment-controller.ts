/** PLACEHOLDER: replaced by the controller work. */
import type { Controller, ControllerContext } from './controller.js';

/** Not built yet. */
export function createDeploymentController(_ctx: ControllerContext): Controller {
  return { name: 'deployment-controller', sync: () => false };
}
