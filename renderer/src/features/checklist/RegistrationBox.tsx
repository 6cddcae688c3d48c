import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '#shared/domain/participant.ts';
import { checkRegistration, type MaterialCheck, type RegistrationReading } from '#shared/scoring/labelCheck.ts';
import { PIRT_PACKAGING } from '#shared/scoring/pirt.ts';
import { TextField } from '../../ui/Field.tsx';
import { useDebouncedText } from './useDebouncedText.ts';
import styles from './checklistPanel.module.css';
import { cx } from '../../ui/cx.ts';

interface Props {
  participant: Participant;
  /** The number the mentor read on the artwork, as stored. */
  onLabel: string;
  onChangeOnLabel: (written: string) => void;
  readOnly: boolean;
  currentYear: number;
}

type Translate = TFunction;

function packagingName(code: number | null, language: 'id' | 'en', t: Translate): string {
  if (code === null) return '';
  const packaging = PIRT_PACKAGING[code];
  return packaging
    ? t('checklistPanel.registration.packagingValue', { code, label: packaging.label[language] })
    : t('checklistPanel.registration.packagingUnknown', { code });
}

/** One sentence: does the P-IRT packaging code agree with the declared material, and if it cannot tell, why. */
function verdictText(check: MaterialCheck, reading: RegistrationReading, language: 'id' | 'en', t: Translate): string {
  if (check.status !== 'unknown') {
    const code = check.packagingCode ?? 0;
    return t(`checklistPanel.registration.${check.status}`, {
      code,
      coded: PIRT_PACKAGING[code]?.label[language] ?? '',
      declared: check.declared ? t(`materials.${check.declared}`) : '',
    });
  }
  const reason = t(`checklistPanel.registration.reasons.${check.reason ?? 'unrecognised'}`, {
    digits: reading.pirt?.digits?.length ?? 0,
    code: check.packagingCode ?? '',
  });
  return t('checklistPanel.registration.unknown', { reason });
}

const VERDICT_MARK = { match: '✓', mismatch: '✗', unknown: '?' } as const;

/** The declared registration number, what its digits say, and whether it agrees with the declared packaging. */
export function RegistrationBox({ participant, onLabel, onChangeOnLabel, readOnly, currentYear }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const headingId = useId();
  const typed = useDebouncedText(onLabel, onChangeOnLabel);
  const facts = participant.labelFacts;
  const check = checkRegistration(facts, { onLabel: typed.text, currentYear });
  const printed = check.onLabel;
  const { declared, material } = check;
  const pirt = declared.pirt;
  const decoded = pirt && pirt.digits?.length === 15 ? pirt : null;

  const warning = (reading: RegistrationReading, w: RegistrationReading['warnings'][number]) =>
    t(`checklistPanel.registration.warnings.${w}`, {
      year: reading.pirt?.expiresYear ?? '',
      province: reading.pirt?.regionCode?.slice(0, 2) ?? '',
      digits: reading.bpomDigits?.length ?? 0,
    });

  return (
    <section className={cx(styles.checklistBox, styles.checklistRegistration)} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('checklistPanel.registration.heading')}</h3>
      <dl className={styles.checklistFacts}>
        <dt>{t('checklistPanel.registration.declared')}</dt>
        <dd>{declared.written || t('checklistPanel.registration.notGiven')}</dd>
        <dt>{t('checklistPanel.registration.kindLabel')}</dt>
        <dd>{t(`checklistPanel.registration.kind.${declared.kind}`)}</dd>
        <dt>{t('checklistPanel.registration.declaredMaterial')}</dt>
        <dd>{facts.packagingMaterial ? t(`materials.${facts.packagingMaterial}`) : t('checklistPanel.registration.notGiven')}</dd>
      </dl>
      {decoded ? (
        <table className={styles.checklistDigits}>
          <caption>{t('checklistPanel.registration.partsCaption')}</caption>
          <tbody>
            <tr>
              <th scope="row">{t('checklistPanel.registration.parts.packaging')}</th>
              <td>{packagingName(decoded.packagingCode, language, t)}</td>
            </tr>
            <tr>
              <th scope="row">{t('checklistPanel.registration.parts.foodType')}</th>
              <td>{decoded.foodTypeCode}</td>
            </tr>
            <tr>
              <th scope="row">{t('checklistPanel.registration.parts.region')}</th>
              <td>{decoded.regionCode}</td>
            </tr>
            <tr>
              <th scope="row">{t('checklistPanel.registration.parts.product')}</th>
              <td>{decoded.productNumber}</td>
            </tr>
            <tr>
              <th scope="row">{t('checklistPanel.registration.parts.irtp')}</th>
              <td>{decoded.irtpNumber}</td>
            </tr>
            <tr>
              <th scope="row">{t('checklistPanel.registration.parts.expires')}</th>
              <td>{decoded.expiresYear}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      <p className={cx(styles.checklistVerdict, styles[`checklist-verdict-${material.status}`])}>
        <span className={styles.checklistVerdictMark} aria-hidden="true">
          {VERDICT_MARK[material.status]}
        </span>
        <span>
          <strong>{t('checklistPanel.registration.verdictLabel')}.</strong> {verdictText(material, declared, language, t)}
        </span>
      </p>
      {declared.warnings.map((w) => (
        <p key={w} className={styles.checklistWarning}>
          {warning(declared, w)}
        </p>
      ))}

      <TextField
        label={t('checklistPanel.registration.onLabel')}
        hint={t('checklistPanel.registration.onLabelHint')}
        value={typed.text}
        disabled={readOnly}
        maxLength={60}
        onChange={(e) => typed.change(e.target.value)}
        onBlur={typed.flush}
      />
      {printed ? (
        <div className={styles.checklistCompare} role="status">
          <p className={printed.sameAsDeclared === false ? styles.checklistWarning : undefined}>
            {printed.sameAsDeclared === null
              ? t('checklistPanel.registration.nothingToCompare')
              : printed.sameAsDeclared
                ? t('checklistPanel.registration.same')
                : t('checklistPanel.registration.different')}
          </p>
          {printed.sameAsDeclared !== true && printed.material.status !== 'unknown' ? (
            <p className={cx(styles.checklistVerdict, styles[`checklist-verdict-${printed.material.status}`])}>
              <span className={styles.checklistVerdictMark} aria-hidden="true">
                {VERDICT_MARK[printed.material.status]}
              </span>
              <span>
                {t('checklistPanel.registration.onLabelVerdict', {
                  verdict: verdictText(printed.material, printed.reading, language, t),
                })}
              </span>
            </p>
          ) : null}
          {printed.sameAsDeclared === true
            ? null
            : printed.reading.warnings.map((w) => (
                <p key={w} className={styles.checklistWarning}>
                  {warning(printed.reading, w)}
                </p>
              ))}
        </div>
      ) : null}
    </section>
  );
}
