/** PLACEHOLDER: replaced by the controller work. */
import type { Controller, ControllerContext } from './controller.js';

/** Not built yet. */
export function createGarbageCollector(_ctx: ControllerContext): Controller {
  return { name: 'garbage-collector', sync: () => false };
}
