import type { KeyValueStore } from '#electron/services/settingsService.ts';

/** An in-memory stand-in for electron-store / conf, exposing only what the settings service uses. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { store: Record<string, unknown> } {
  const store: Record<string, unknown> = { ...initial };
  return {
    store,
    set(key, value) {
      store[key] = value;
    },
  };
}
