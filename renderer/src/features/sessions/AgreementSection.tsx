import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rubric } from '#shared/domain/rubric.ts';
import { alphaReading, alphaReadingOf, iccMeanReadingOf, type Agreement, type SessionResults } from '#shared/scoring/results.ts';
import { useResultFormats } from './numberFormats.ts';
import styles from './sessions.module.css';
import { cx } from '../../ui/cx.ts';

const ROW = 26;
const LABEL_WIDTH = 300;
const BAR_WIDTH = 400;
const VALUE_WIDTH = 60;

/** Alpha per criterion as bars from 0 to 1 with the 95 % interval as a whisker, and Krippendorff's 0.667 and 0.8 marks. */
function AlphaChart({ rows }: { rows: { key: string; label: string; alpha: number | null; low: number | null; high: number | null }[] }) {
  const { t } = useTranslation();
  const formats = useResultFormats();
  const x = (v: number) => LABEL_WIDTH + Math.min(1, Math.max(0, v)) * BAR_WIDTH;
  const height = rows.length * ROW + 24;
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const summary = rows.map((r) => `${r.label} ${withInterval(formats, r.alpha, r.low, r.high)}`).join('; ');
  return (
    <figure className="chart">
      <svg role="img" aria-label={t('sessions.results.alphaChartLabel', { summary })} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }}>
        {[
          [0.667, styles.chartMarkTentative],
          [0.8, styles.chartMarkGood],
        ].map(([v, className]) => (
          <g key={String(v)}>
            <line x1={x(v as number)} x2={x(v as number)} y1={0} y2={height - 18} className={className as string} />
            <text x={x(v as number)} y={height - 4} textAnchor="middle" className={styles.chartTick}>
              {formats.coefficient(v as number)}
            </text>
          </g>
        ))}
        <text x={x(0)} y={height - 4} textAnchor="middle" className={styles.chartTick}>
          0
        </text>
        <text x={x(1)} y={height - 4} textAnchor="middle" className={styles.chartTick}>
          1
        </text>
        {rows.map((r, i) => {
          const y = i * ROW + 4;
          const reading = alphaReading(r.low) ?? 'low';
          return (
            <g key={r.key}>
              <text x={LABEL_WIDTH - 8} y={y + 13} textAnchor="end" className="chart-label">
                {r.label}
              </text>
              {r.alpha !== null ? <rect x={LABEL_WIDTH} y={y} width={Math.max(1, x(r.alpha) - LABEL_WIDTH)} height={16} className={styles[`bar-alpha-${reading}`]} /> : null}
              {r.low !== null && r.high !== null ? <line x1={x(r.low)} x2={x(r.high)} y1={y + 8} y2={y + 8} className={styles.chartWhisker} /> : null}
              <text x={r.alpha !== null ? Math.max(x(Math.max(r.alpha, r.high ?? r.alpha)), LABEL_WIDTH) + 6 : LABEL_WIDTH + 6} y={y + 13} className="chart-value">
                {formats.coefficient(r.alpha)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** "0,72 [0,55–0,84]", or the value alone when there is no interval. */
function withInterval(formats: ReturnType<typeof useResultFormats>, value: number | null, low: number | null, high: number | null): string {
  return value !== null && low !== null && high !== null
    ? `${formats.coefficient(value)} [${formats.coefficient(low)}–${formats.coefficient(high)}]`
    : formats.coefficient(value);
}

/**
 * Inter-rater agreement, per criterion and overall: Krippendorff's alpha
 * (ordinal for criteria, interval overall), ICC(2,1) and ICC(2,k), each with
 * its 95 % interval, the N it was computed on and a plain-language reading
 * judged on the interval's lower bound; a chart of alpha. `computing` while
 * the results worker has not answered for the current options.
 */
export function AgreementSection({ results, rubric, computing = false }: { results: SessionResults; rubric: Pick<Rubric, 'groups'>; computing?: boolean }) {
  const { t, i18n } = useTranslation();
  const formats = useResultFormats();
  const name = (n: { id: string; en: string }) => (i18n.language === 'en' ? n.en : n.id);
  const criteria = rubric.groups.flatMap((g) => g.criteria);
  const byId = new Map(results.criteria.map((c) => [c.criterionId, c]));
  const reading = (a: Agreement) => {
    const alpha = alphaReadingOf(a);
    return alpha ? t(`sessions.results.alphaReadings.${alpha}`) : t('sessions.results.agreementUnavailable');
  };
  const iccReadingText = (a: Agreement) => {
    const r = iccMeanReadingOf(a);
    return r ? t(`sessions.results.iccReadings.${r}`) : t('sessions.results.agreementUnavailable');
  };
  const nAlpha = (a: Agreement) =>
    t('sessions.results.nAlphaValue', { units: formats.integer(a.alphaUnits), mentors: formats.integer(a.alphaRaters), values: formats.integer(a.alphaPairable) });
  const nIcc = (a: Agreement) => t('sessions.results.nIccValue', { units: formats.integer(a.iccUnits), mentors: formats.integer(a.iccRaters) });
  const overall = results.overall;
  const row = (key: string, label: ReactNode, a: Agreement, mean: string, sd: string, className?: string) => (
    <tr key={key} className={className}>
      <th scope="row">{label}</th>
      <td className="numeric">{mean}</td>
      <td className="numeric">{sd}</td>
      <td className="numeric">{withInterval(formats, a.alpha, a.alphaLow, a.alphaHigh)}</td>
      <td className="numeric">{nAlpha(a)}</td>
      <td className="numeric">{withInterval(formats, a.icc, a.iccLow, a.iccHigh)}</td>
      <td className="numeric">{withInterval(formats, a.iccMean, a.iccMeanLow, a.iccMeanHigh)}</td>
      <td className="numeric">{nIcc(a)}</td>
      <td>{reading(a)}</td>
    </tr>
  );

  return (
    <section aria-labelledby="agreement-heading" aria-busy={computing}>
      <h2 id="agreement-heading">{t('sessions.results.agreement')}</h2>
      {computing ? (
        <p className="muted" role="status">
          {t('sessions.results.agreementComputing')}
        </p>
      ) : null}
      <p data-testid="overall-agreement">
        {overall.alpha === null
          ? t('sessions.results.overallAgreementNone')
          : t('sessions.results.overallAgreement', {
              alpha: withInterval(formats, overall.alpha, overall.alphaLow, overall.alphaHigh),
              reading: reading(overall),
              count: overall.alphaUnits,
            })}
        {overall.iccMean !== null
          ? ` ${t('sessions.results.overallIcc', {
              icc: withInterval(formats, overall.iccMean, overall.iccMeanLow, overall.iccMeanHigh),
              reading: iccReadingText(overall),
              units: formats.integer(overall.iccUnits),
              mentors: formats.integer(overall.iccRaters),
            })}`
          : null}
      </p>
      <p className="field-hint">{t('sessions.results.agreementHint')}</p>
      <AlphaChart
        rows={criteria.map((c) => {
          const r = byId.get(c.id);
          return { key: c.id, label: name(c.name), alpha: r?.alpha ?? null, low: r?.alphaLow ?? null, high: r?.alphaHigh ?? null };
        })}
      />
      <div className={styles.tableScroll} role="region" aria-label={t('sessions.results.agreementTable')} tabIndex={0}>
        <table className={cx('table', styles.agreementTable)}>
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
              <th scope="col" className="numeric">
                {t('sessions.results.nAlpha')}
              </th>
              <th scope="col" className="numeric">
                {t('sessions.results.icc')}
              </th>
              <th scope="col" className="numeric">
                {t('sessions.results.iccMean')}
              </th>
              <th scope="col" className="numeric">
                {t('sessions.results.nIcc')}
              </th>
              <th scope="col">{t('sessions.results.reading')}</th>
            </tr>
          </thead>
          <tbody>
            {row('overall', t('sessions.results.overallRow'), overall, formats.coefficient(null), formats.coefficient(null), styles.rowOverall)}
            {criteria.map((c) => {
              const r = byId.get(c.id);
              if (!r) return null;
              const others = t('sessions.results.otherMetrics', {
                nominal: formats.coefficient(r.alphaByMetric.nominal),
                interval: formats.coefficient(r.alphaByMetric.interval),
                ratio: formats.coefficient(r.alphaByMetric.ratio),
              });
              return row(
                c.id,
                <>
                  {name(c.name)} <span className="muted">({`${r.scale.min}–${r.scale.max}`})</span>
                  <span className={cx('muted', styles.agreementOthers)}>{others}</span>
                </>,
                r,
                formats.score(r.mean),
                formats.coefficient(r.sd),
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
