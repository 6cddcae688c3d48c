import { constants, setPriority } from 'node:os';

/**
 * Worker processes run below normal priority: on a two-core laptop, two
 * workers decoding phone photos at full speed otherwise take the CPU the
 * browser and the studio's window need to draw, and the window stutters
 * while files import. The work still gets every cycle nothing else wants.
 * Only for a process of its own (a worker thread would lower its host too).
 */
export function lowerWorkerPriority(): void {
  try {
    setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  } catch (error) {
    // Not allowed here (some sandboxes): the worker runs at normal priority, as before.
    console.warn('A host worker could not lower its priority:', error instanceof Error ? error.message : String(error));
  }
}
