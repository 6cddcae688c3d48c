// Typed translation keys: i18next checks every t('…') against the Bahasa Indonesia messages
// (the source of every key), so a missing or misspelt key fails `tsc`. English must have the
// same keys (its type says so, and tests/unit/shared/i18nMessages.test.ts checks both ways).
import 'i18next';
import type { Messages } from '#shared/i18n/id.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
    returnNull: false;
  }
}
