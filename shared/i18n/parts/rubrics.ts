/**
 * Messages of the rubrics screens, kept in their own file so features can grow
 * their strings without touching the large id.ts/en.ts. Bahasa Indonesia is the
 * source; English must match its keys (the type and tests/unit/shared/i18nMessages.test.ts check it).
 */
export const rubricsId = {
  title: 'Rubrik',
};

export const rubricsEn: typeof rubricsId = {
  title: 'Rubrics',
};
