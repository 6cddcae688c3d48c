import { describe, expect, it } from 'vitest';
import { checkArchive } from '#shared/bundles/archive.ts';
import { problemText } from '#renderer/src/features/bundles/problemText.ts';
import { createI18n } from '#renderer/src/i18n/i18n.ts';
import { memorySource } from '../../support/archiveFixture.ts';
import { HOSTILE_FILES } from '../../support/hostileZip.ts';

describe('the reason a bundle is refused', () => {
  it('is a sentence in each language for every hostile file, naming the entry the check names', async () => {
    const languages = { id: await createI18n('id'), en: await createI18n('en') };
    const unknown = { id: languages.id.t('bundles.problems.unknown'), en: languages.en.t('bundles.problems.unknown') };
    for (const [name, make] of Object.entries(HOSTILE_FILES)) {
      const hostile = await make();
      const checked = await checkArchive(memorySource(hostile.bytes));
      expect(checked.ok, name).toBe(false);
      if (checked.ok) continue;
      for (const [language, i18n] of Object.entries(languages)) {
        const text = problemText(checked, i18n.t);
        expect(text, `${name} (${language})`).not.toBe(unknown[language as 'id' | 'en']);
        expect(text, `${name} (${language})`).not.toContain('bundles.problems');
        expect(text, `${name} (${language})`).not.toContain('{{');
        // A newer version is about the whole file, not one entry.
        if (checked.path && checked.problem !== 'newer-version') expect(text, `${name} (${language})`).toContain(`(${checked.path})`);
        if (checked.problem === 'newer-version') expect(text).toContain(String(checked.version));
      }
    }
  });
});
