/** PLACEHOLDER: replaced by the controller work. */
import type { Controller, ControllerContext } from './controller.js';

/** Not built yet. */
export function createKubelet(_ctx: ControllerContext): Controller {
  return { name: 'kubelet', sync: () => false };
}
