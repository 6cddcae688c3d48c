import { useTranslation } from 'react-i18next';
import type { PackLayoutName, PackPageSizeName } from '#shared/contract/packRender.ts';
import type { PackLanguage } from '#shared/pack/packText.ts';
import { SelectField } from '../../ui/Field.tsx';
import type { PackFormat } from './exportPack.ts';
import styles from './packs.module.css';

interface Props<S extends PackLayoutName> {
  language: PackLanguage;
  onLanguage(language: PackLanguage): void;
  pageSize: S;
  onPageSize(pageSize: S): void;
  /** The layouts offered: PACK_PAGE_SIZES (the summary report), or PACK_LAYOUTS with Ponsel (a critique pack). */
  sizes: readonly S[];
  /** What the language is of ("Bahasa paket" unless said otherwise). */
  languageLabel?: string;
}

/**
 * The language and the paper or layout of a document the studio makes
 * (critique packs, the summary report). With Ponsel among the choices the
 * field is a layout ("Tata letak") and says what Ponsel is for.
 */
export function DocumentOptionsFields<S extends PackLayoutName>({ language, onLanguage, pageSize, onPageSize, sizes, languageLabel }: Props<S>) {
  const { t } = useTranslation();
  const phone = sizes.some((s) => s === 'Ponsel');
  // Without Ponsel among them, the choices are paper sizes.
  const sizeLabel = (size: PackLayoutName) => (phone ? t(`packs.layouts.${size}`) : t(`packs.pageSizes.${size as PackPageSizeName}`));
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
        label={phone ? t('packs.layout') : t('packs.pageSize')}
        hint={phone ? t('packs.layoutHint') : undefined}
        value={pageSize}
        onChange={(e) => {
          const chosen = sizes.find((s) => s === e.target.value);
          if (chosen) onPageSize(chosen);
        }}
        options={sizes.map((size) => ({ value: size, label: sizeLabel(size) }))}
      />
    </div>
  );
}

/** A critique pack as a PDF alone, or a ZIP with the PDF, the burned-in faces, JSON and CSV. */
export function PackFormatField({ name, value, onChange }: { name: string; value: PackFormat; onChange(format: PackFormat): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className={styles.packChoice}>
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
