import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '#shared/i18n/keys.ts';
import { messages } from '#shared/i18n/messages.ts';
import { KEYMAP } from '#shared/keymap/keymap.ts';

/*
 * Translation keys are checked by the type checker (renderer/src/i18n/resources.d.ts): a t()
 * call with a key the messages lack does not compile. The @ts-expect-error lines below are
 * the proof that it can fail — if keys stopped being typed, `npm run typecheck` would report
 * each of them as an unused directive.
 */
function typedCalls(t: TFunction): string[] {
  return [
    t('app.name'),
    t('sessions.results.flaggedCount', { count: 2, threshold: 20 }),
    // @ts-expect-error a misspelt key
    t('app.nmae'),
    // @ts-expect-error a key missing from the messages
    t('workshops.noSuchKey'),
    // @ts-expect-error a group is not a string
    t('workshops'),
  ];
}

// @ts-expect-error the shared key type refuses a misspelt key too
const misspelt: MessageKey = 'shortcuts.tilte';

describe('typed translation keys', () => {
  it('the keys the type accepts give real words in both languages', async () => {
    for (const language of ['id', 'en'] as const) {
      const i18n = createInstance();
      await i18n.init({ lng: language, resources: { [language]: { translation: messages[language] } }, interpolation: { escapeValue: false } });
      const [name, flagged, missing] = typedCalls(i18n.t);
      expect(name).toBe('Kemas Studio');
      expect(flagged).toMatch(/2/);
      // An unknown key falls back to itself at run time: exactly what the type now stops.
      expect(missing).toBe('app.nmae');
      for (const binding of KEYMAP) expect(i18n.t(binding.label), binding.label).not.toBe(binding.label);
    }
    expect(misspelt).toBe('shortcuts.tilte');
  });
});
