/** PLACEHOLDER: replaced by the controller work. */
import type { Controller, ControllerContext } from './controller.js';

/** Not built yet. */
export function createEndpointSliceController(_ctx: ControllerContext): Controller {
  return { name: 'endpointslice-controller', sync: () => false };
}
