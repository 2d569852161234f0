/** PLACEHOLDER: replaced by the controller work. */
import type { Controller, ControllerContext } from './controller.js';

/** Not built yet. */
export function createEndpointsController(_ctx: ControllerContext): Controller {
  return { name: 'endpoints-controller', sync: () => false };
}
