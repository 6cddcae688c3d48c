import type { TFunction } from 'i18next';
import type { z } from 'zod';

/**
 * Turns a schema's issues into one translated message per field (first issue
 * wins), keyed by the top-level field name, or by `a.b` for nested fields.
 * Parse with `{ reportInput: true }` so an empty choice reads as "required".
 */
export function fieldErrors(error: z.ZodError, t: TFunction): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.');
    if (result[key]) continue;
    result[key] = messageFor(issue, t);
  }
  return result;
}

function messageFor(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? t('validation.required') : t('validation.positiveNumber');
    case 'too_big':
      return issue.origin === 'string' ? t('validation.tooLong', { max: Number(issue.maximum) }) : t('validation.invalid');
    case 'invalid_format':
      return t('validation.date');
    case 'invalid_type':
      return issue.expected === 'number' ? t('validation.positiveNumber') : t('validation.invalid');
    case 'invalid_value':
      return issue.input === '' ? t('validation.required') : t('validation.invalid');
    case 'custom':
      return issue.message === 'endBeforeStart' ? t('validation.endBeforeStart') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}
