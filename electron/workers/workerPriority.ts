import { readdirSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

const BELOW_NORMAL = constants.priority.PRIORITY_BELOW_NORMAL;

/**
 * Worker processes run below normal priority: on a two-core laptop, two
 * workers decoding phone photos at full speed otherwise take the CPU the
 * browser and the studio's window need to draw, and the window stutters
 * while files import. The work still gets every cycle nothing else wants.
 * Only for a process of its own (a worker thread would lower its host too).
 *
 * On Linux a nice value belongs to one thread, not to the process: lowering
 * only the calling thread left V8's and libvips' threads, which do the
 * decoding, at normal priority. So every thread running now is lowered, and
 * the threads started later inherit it from the thread that starts them.
 * (Windows and macOS set the whole process with the first call.)
 */
export function lowerWorkerPriority(): void {
  try {
    setPriority(BELOW_NORMAL);
  } catch (error) {
    // Not allowed here (some sandboxes): the worker runs at normal priority, as before.
    console.warn('A host worker could not lower its priority:', error instanceof Error ? error.message : String(error));
    return;
  }
  if (process.platform !== 'linux') return;
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const thread of threads) {
    try {
      setPriority(Number(thread), BELOW_NORMAL);
    } catch {
      // The thread ended meanwhile.
    }
  }
}
