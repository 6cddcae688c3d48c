/**
 * A library of the pipeline could not be loaded: the installation is broken,
 * not the file. `ingestFile` lets this through as an exception so the host
 * reports its own failure instead of blaming every file in turn.
 */
export class DependencyUnavailable extends Error {
  constructor(name: string, cause: unknown) {
    super(`Could not load ${name}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DependencyUnavailable';
  }
}

/** Loads an optional decoder on first use, so images never pay for pdf.js or libheif start-up. */
export async function loadDependency<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw new DependencyUnavailable(name, error);
  }
}
