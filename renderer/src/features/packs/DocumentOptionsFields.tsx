import { useTranslation } from 'react-i18next';
import type { PackPageSizeName } from '../../../../shared/contract/packRender.ts';
import type { PackLanguage } from '../../../../shared/pack/packText.ts';
import { SelectField } from '../../ui/Field.tsx';
import type { PackFormat } from './exportPack.ts';

interface Props {
  language: PackLanguage;
  onLanguage(language: PackLanguage): void;
  pageSize: PackPageSizeName;
  onPageSize(pageSize: PackPageSizeName): void;
  /** What the language is of ("Bahasa paket" unless said otherwise). */
  languageLabel?: string;
}

/** The language and paper of a document the studio makes (critique packs, the summary report). */
export function DocumentOptionsFields({ language, onLanguage, pageSize, onPageSize, languageLabel }: Props) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <SelectField
        label={languageLabel ?? t('packs.language')}
        value={language}
        onChange={(e) => onLanguage(e.target.value === 'en' ? 'en' : 'id')}
        options={[
          { value: 'id', label: t('packs.languages.id') },
          { value: 'en', label: t('packs.languages.en') },
        ]}
      />
      <SelectField
        label={t('packs.pageSize')}
        value={pageSize}
        onChange={(e) => onPageSize(e.target.value === 'Letter' ? 'Letter' : 'A4')}
        options={[
          { value: 'A4', label: t('packs.pageSizes.A4') },
          { value: 'Letter', label: t('packs.pageSizes.Letter') },
        ]}
      />
    </div>
  );
}

/** A critique pack as a PDF alone, or a ZIP with the PDF, the burned-in faces, JSON and CSV. */
export function PackFormatField({ name, value, onChange }: { name: string; value: PackFormat; onChange(format: PackFormat): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="pack-choice">
      <legend>{t('packs.format')}</legend>
      {(['pdf', 'zip'] as const).map((format) => (
        <label key={format} className="check">
          <input type="radio" name={name} checked={value === format} onChange={() => onChange(format)} />
          {t(`packs.formats.${format}`)}
        </label>
      ))}
    </fieldset>
  );
}
