import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { usePublishedRubrics, useRubric } from '../../data/rubricHooks.ts';
import { DEFAULT_PRESET, ensurePresetRubrics } from '../../data/rubricsRepo.ts';
import { SelectField } from '../../ui/Field.tsx';
import { nameIn, rubricTitle } from './rubricText.ts';

/**
 * The workshop's rubric: a published version, or none (null), which means the
 * newest published version of the default preset. A choice that has since been
 * archived stays listed so the form does not silently change it.
 */
export function WorkshopRubricField({ value, onChange }: { value: string | null; onChange: (rubricId: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const published = usePublishedRubrics();
  const chosen = useRubric(value ?? '');
  useEffect(() => {
    void ensurePresetRubrics(db).catch((error: unknown) => console.error(error));
  }, [db]);

  const options = [
    { value: '', label: t('rubrics.workshopRubricDefault', { name: nameIn(DEFAULT_PRESET.name, i18n.language) ?? DEFAULT_PRESET.id }) },
    ...(published ?? []).map((r) => ({
      value: r.id,
      label: t('rubrics.workshopRubricOption', { name: rubricTitle(r.name, t, i18n.language), version: r.version }),
    })),
  ];
  if (chosen && !options.some((o) => o.value === chosen.id)) {
    options.push({
      value: chosen.id,
      label: t('rubrics.workshopRubricArchived', { name: rubricTitle(chosen.name, t, i18n.language), version: chosen.version }),
    });
  }
  return (
    <SelectField
      label={t('rubrics.workshopRubric')}
      hint={t('rubrics.workshopRubricHint')}
      options={options}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || null)}
    />
  );
}
