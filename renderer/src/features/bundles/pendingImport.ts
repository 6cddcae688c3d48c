/**
 * A `.kemas` file waiting to be imported: handed over by the desktop (a double-clicked file, the
 * file association) or by a drop, and picked up by the import dialog once the studio is showing.
 * Kept outside React so the desktop can offer a file before the app has finished starting.
 */
type Listener = (file: File) => void;

let pending: File | null = null;
const listeners = new Set<Listener>();

/** Opens the import flow with this file (or keeps it until the import dialog can open). */
export function offerImport(file: File): void {
  if (listeners.size === 0) {
    pending = file;
    return;
  }
  for (const listener of listeners) listener(file);
}

/** Called with every offered file, and at once with one offered before anyone listened. */
export function onImportOffered(listener: Listener): () => void {
  listeners.add(listener);
  if (pending) {
    const file = pending;
    pending = null;
    listener(file);
  }
  return () => {
    listeners.delete(listener);
  };
}
