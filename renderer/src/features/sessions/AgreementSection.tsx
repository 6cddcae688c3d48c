import { useTranslation } from 'react-i18next';
import type { Rubric } from '../../../../shared/domain/rubric.ts';
import { alphaReading, iccReading, type Agreement, type SessionResults } from '../../../../shared/scoring/results.ts';
import { useResultFormats } from './numberFormats.ts';

const ROW = 26;
const LABEL_WIDTH = 300;
const BAR_WIDTH = 400;
const VALUE_WIDTH = 60;

/** Alpha per criterion as bars from 0 to 1, with Krippendorff's 0.667 and 0.8 marks. */
function AlphaChart({ rows }: { rows: { key: string; label: string; alpha: number | null }[] }) {
  const { t } = useTranslation();
  const formats = useResultFormats();
  const x = (v: number) => LABEL_WIDTH + Math.min(1, Math.max(0, v)) * BAR_WIDTH;
  const height = rows.length * ROW + 24;
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const summary = rows.map((r) => `${r.label} ${formats.coefficient(r.alpha)}`).join('; ');
  return (
    <figure className="chart">
      <svg role="img" aria-label={t('sessions.results.alphaChartLabel', { summary })} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }}>
        {[
          [0.667, 'chart-mark-tentative'],
          [0.8, 'chart-mark-good'],
        ].map(([v, className]) => (
          <g key={String(v)}>
            <line x1={x(v as number)} x2={x(v as number)} y1={0} y2={height - 18} className={className as string} />
            <text x={x(v as number)} y={height - 4} textAnchor="middle" className="chart-tick">
              {formats.coefficient(v as number)}
            </text>
          </g>
        ))}
        <text x={x(0)} y={height - 4} textAnchor="middle" className="chart-tick">
          0
        </text>
        <text x={x(1)} y={height - 4} textAnchor="middle" className="chart-tick">
          1
        </text>
        {rows.map((r, i) => {
          const y = i * ROW + 4;
          const reading = alphaReading(r.alpha);
          return (
            <g key={r.key}>
              <text x={LABEL_WIDTH - 8} y={y + 13} textAnchor="end" className="chart-label">
                {r.label}
              </text>
              {r.alpha !== null ? <rect x={LABEL_WIDTH} y={y} width={Math.max(1, x(r.alpha) - LABEL_WIDTH)} height={16} className={`bar-alpha-${reading}`} /> : null}
              <text x={r.alpha !== null ? Math.max(x(r.alpha), LABEL_WIDTH) + 6 : LABEL_WIDTH + 6} y={y + 13} className="chart-value">
                {formats.coefficient(r.alpha)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/**
 * Inter-rater agreement, per criterion and overall: Krippendorff's alpha
 * (interval) and ICC(2,1), each with a plain-language reading, as a table and
 * a chart of alpha.
 */
export function AgreementSection({ results, rubric }: { results: SessionResults; rubric: Pick<Rubric, 'groups'> }) {
  const { t, i18n } = useTranslation();
  const formats = useResultFormats();
  const name = (n: { id: string; en: string }) => (i18n.language === 'en' ? n.en : n.id);
  const criteria = rubric.groups.flatMap((g) => g.criteria);
  const byId = new Map(results.criteria.map((c) => [c.criterionId, c]));
  const reading = (a: Agreement) => {
    const alpha = alphaReading(a.alpha);
    return alpha ? t(`sessions.results.alphaReadings.${alpha}`) : t('sessions.results.agreementUnavailable');
  };
  const iccText = (a: Agreement) => {
    const r = iccReading(a.icc);
    return r ? `${formats.coefficient(a.icc)} (${t(`sessions.results.iccReadings.${r}`)})` : formats.coefficient(null);
  };
  const overall = results.overall;

  return (
    <section aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">{t('sessions.results.agreement')}</h2>
      <p>
        {overall.alpha === null
          ? t('sessions.results.overallAgreementNone')
          : t('sessions.results.overallAgreement', {
              alpha: formats.coefficient(overall.alpha),
              reading: reading(overall),
              count: overall.alphaUnits,
            })}
      </p>
      <p className="field-hint">{t('sessions.results.agreementHint')}</p>
      <AlphaChart rows={criteria.map((c) => ({ key: c.id, label: name(c.name), alpha: byId.get(c.id)?.alpha ?? null }))} />
      <div className="table-scroll" role="region" aria-label={t('sessions.results.agreementTable')} tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">{t('sessions.results.agreementTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sessions.results.criterion')}</th>
              <th scope="col" className="numeric">
                {t('sessions.results.criterionMean')}
              </th>
              <th scope="col" className="numeric">
                {t('sessions.results.sd')}
              </th>
              <th scope="col" className="numeric">
                {t('sessions.results.alpha')}
              </th>
              <th scope="col">{t('sessions.results.icc')}</th>
              <th scope="col" className="numeric">
                {t('sessions.results.units')}
              </th>
              <th scope="col">{t('sessions.results.reading')}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="row-overall">
              <th scope="row">{t('sessions.results.overallRow')}</th>
              <td className="numeric">{formats.coefficient(null)}</td>
              <td className="numeric">{formats.coefficient(null)}</td>
              <td className="numeric">{formats.coefficient(overall.alpha)}</td>
              <td>{iccText(overall)}</td>
              <td className="numeric">{formats.integer(overall.alphaUnits)}</td>
              <td>{reading(overall)}</td>
            </tr>
            {criteria.map((c) => {
              const r = byId.get(c.id);
              if (!r) return null;
              return (
                <tr key={c.id}>
                  <th scope="row">
                    {name(c.name)} <span className="muted">({`${r.scale.min}–${r.scale.max}`})</span>
                  </th>
                  <td className="numeric">{formats.score(r.mean)}</td>
                  <td className="numeric">{formats.coefficient(r.sd)}</td>
                  <td className="numeric">{formats.coefficient(r.alpha)}</td>
                  <td>{iccText(r)}</td>
                  <td className="numeric">{formats.integer(r.alphaUnits)}</td>
                  <td>{reading(r)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
