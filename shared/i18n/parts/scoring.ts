/**
 * Messages of the scoring screens, kept in their own file so features can grow
 * their strings without touching the large id.ts/en.ts. Bahasa Indonesia is the
 * source; English must match its keys (the type and tests/unit/shared/i18nMessages.test.ts check it).
 */
export const scoringId = {
  title: 'Penilaian',
};

export const scoringEn: typeof scoringId = {
  title: 'Scoring',
};
