/** PLACEHOLDER: replaced by the controller work. */
import type { Controller, ControllerContext } from './controller.js';

/** Not built yet. */
export function createScheduler(_ctx: ControllerContext): Controller {
  return { name: 'scheduler', sync: () => false };
}
