import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAsset, useLiveSubmission, useParticipant, useWorkshop } from '../../data/hooks.ts';
import { useShownImageUrl } from '../faces/useShownImage.ts';
import { useFormat } from '../../i18n/format.ts';
import { colourProfileOf } from '#shared/intake/colourProfile.ts';
import { faceReadiness } from '#shared/intake/faceReadiness.ts';
import { PaletteChart } from './PaletteChart.tsx';
import { FaceMenu } from '../faces/FaceMenu.tsx';
import { FaceTypeSelect } from '../faces/FaceTypeSelect.tsx';
import { useBasisText } from '../faces/SizeBasis.tsx';
import { Loading, NotFound } from '../../ui/Placeholders.tsx';
import styles from './library.module.css';

/** One face: the preview, what the file says about itself, its colours and print readiness. */
export function FaceScreen() {
  const { workshopId = '', participantId = '', assetId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const workshop = useWorkshop(workshopId);
  const participant = useParticipant(participantId);
  const asset = useAsset(assetId);
  const submission = useLiveSubmission(asset?.submissionId ?? '');
  const basisText = useBasisText(asset ?? { face: 'other' }, participant?.packDimensions ?? null);
  const preview = useShownImageUrl(asset ?? { id: '', sha256: '', transform: undefined }, 'preview');

  if (workshop === undefined || participant === undefined || asset === undefined) {
    return <Loading />;
  }
  if (!workshop || !participant || !asset) {
    return <NotFound />;
  }
  const m = asset.metadata;
  const face = t(`faces.${asset.face}`);
  const readiness = faceReadiness(asset, participant?.packDimensions ?? null);
  const profile = colourProfileOf(m);
  const rows: [string, string][] = [
    [t('face.fileName'), asset.fileName],
    [t('face.format'), m.format.toUpperCase()],
    [t('face.pixels'), `${format.number(m.width)} × ${format.number(m.height)}`],
    [t('face.density'), m.densityDpi ? format.number(m.densityDpi) : t('common.notSet')],
    [t('face.colourSpace'), m.colourSpace.toUpperCase()],
    [t('face.profile'), profile ? (profile.assumed ? t('face.profileAssumed', { name: profile.name }) : profile.name) : t('common.notSet')],
    [t('face.alpha'), m.hasAlpha ? t('face.yes') : t('face.no')],
    [t('face.bitDepth'), `${m.bitDepth}-bit`],
    [t('face.fileSize'), format.bytes(m.byteSize)],
    [t('face.captured'), m.captureDate ? format.timestamp(Date.parse(m.captureDate)) : t('common.notSet')],
    [t('face.device'), m.device ?? t('common.notSet')],
    ...(m.pageNumber ? ([[t('face.page'), String(m.pageNumber)]] as [string, string][]) : []),
    ...(m.pageSize
      ? ([[t('face.pageSize'), `${format.number(Math.round(m.pageSize.widthMm))} × ${format.number(Math.round(m.pageSize.heightMm))}`]] as [
          string,
          string,
        ][])
      : []),
    [t('face.sha256'), m.sha256],
  ];
  return (
    <>
      <nav aria-label="breadcrumb" className="breadcrumb">
        <Link to="/">{t('workshops.title')}</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={`/workshops/${workshop.id}`}>{workshop.name}</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={`/workshops/${workshop.id}/participants/${participant.id}`}>{participant.business}</Link>{' '}
        <span aria-hidden="true">/</span> <span aria-current="page">{face}</span>
      </nav>
      <h1>{t('face.title', { face, product: participant.product || participant.business, version: submission?.version ?? 1 })}</h1>
      <p className="face-type-row">
        <FaceTypeSelect asset={asset} label={t('faceEdit.typeGroup')} /> <FaceMenu face={asset} />
      </p>
      <div className={styles.faceDetail}>
        <div className={styles.facePreview}>
          {preview ? <img src={preview} alt={t('face.previewAlt', { face, product: participant.product || participant.business })} /> : null}
        </div>
        <div className="face-side">
          <section aria-labelledby="print-title" className="panel">
            <h2 id="print-title">{t('face.print')}</h2>
            {readiness.effectiveDpi !== null ? (
              <p>
                <strong>{t('face.effectiveDpi', { dpi: format.number(readiness.effectiveDpi) })}</strong>{' '}
                <span className="muted">({readiness.basis === 'page' ? t('face.basisPage') : (basisText ? `${t('face.basisPack')}: ${basisText}` : t('face.basisPack'))})</span>
              </p>
            ) : null}
            {m.format === 'pdf' ? <p className="muted">{t('face.pdfNote')}</p> : null}
            {readiness.warnings.length === 0 && m.format !== 'pdf' ? <p className="ok-text">{t('face.printOk')}</p> : null}
            {readiness.warnings.length === 0 ? null : (
              <ul className={styles.warnings}>
                {readiness.warnings.map((w) => (
                  <li key={w} className={w === 'no-size' ? 'muted' : 'warning-text'}>
                    {t(`print.${w}`)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="palette-title" className="panel">
            <h2 id="palette-title">{t('face.palette')}</h2>
            <PaletteChart palette={asset.palette} />
          </section>
          <section aria-labelledby="meta-title" className="panel">
            <h2 id="meta-title">{t('face.metadata')}</h2>
            <dl className={styles.metaList}>
              {rows.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd className={label === t('face.sha256') ? 'file-name' : undefined}>{value}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
    </>
  );
}
