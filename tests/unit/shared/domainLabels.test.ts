import { describe, expect, it } from 'vitest';
import { FACES } from '#shared/domain/asset.ts';
import { PACKAGING_MATERIALS, PRODUCT_CATEGORIES } from '#shared/domain/participant.ts';
import { messages } from '#shared/i18n/messages.ts';

// The UI shows these domain values through t(`categories.${value}`) and the like:
// every value needs a label in both languages.
describe('labels for domain values', () => {
  for (const language of ['id', 'en'] as const) {
    const m = messages[language];
    it(`names every category, material and face in ${language}`, () => {
      for (const c of PRODUCT_CATEGORIES) expect(m.categories[c], c).toBeTruthy();
      for (const x of PACKAGING_MATERIALS) expect(m.materials[x], x).toBeTruthy();
      for (const f of FACES) expect(m.faces[f], f).toBeTruthy();
    });
  }
});
