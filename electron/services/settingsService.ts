import { settingsSchema, type Settings, type SettingsPatch, type WindowBounds } from '#shared/contract/channels.ts';

/** The part of electron-store and conf that settings need; both implement it. */
export interface KeyValueStore {
  readonly store: Record<string, unknown>;
  set(key: string, value: unknown): void;
}

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  saveWindowBounds(bounds: WindowBounds): void;
}

/**
 * Reads settings through the contract's schema, so a hand-edited or older
 * settings file falls back to defaults field by field instead of breaking start-up.
 */
export function createSettingsService(kv: KeyValueStore): SettingsService {
  const read = (): Settings => {
    const raw = kv.store;
    const parsed = settingsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const defaults = settingsSchema.parse({});
    const recovered: Record<string, unknown> = { ...defaults };
    for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
      const field = settingsSchema.shape[key].safeParse(raw[key]);
      if (field.success) recovered[key] = field.data;
    }
    return settingsSchema.parse(recovered);
  };
  return {
    get: read,
    update(patch) {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) kv.set(key, value);
      }
      return read();
    },
    saveWindowBounds(bounds) {
      kv.set('window', bounds);
    },
  };
}

/** Options shared by electron-store and conf so both hosts keep the same file format. */
export const SETTINGS_STORE_OPTIONS = {
  configName: 'settings',
  projectName: 'kemas-studio',
  clearInvalidConfig: true,
} as const;
