import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Asset } from '#shared/domain/asset.ts';
import type { Participant } from '#shared/domain/participant.ts';
import { ImportButtons } from '../intake/ImportButtons.tsx';
import { IntakeDropZone } from '../intake/IntakeDropZone.tsx';
import { actionableWarnings, faceReadiness } from '#shared/intake/faceReadiness.ts';
import { useParticipant, useSubmissions, useWorkshop } from '../../data/hooks.ts';
import { useShownImageUrl } from '../faces/useShownImage.ts';
import { useFormat } from '../../i18n/format.ts';
import { ParticipantFormDialog } from './ParticipantFormDialog.tsx';
import { ExportPackDialog } from '../packs/ExportPackDialog.tsx';
import { Loading, NotFound } from '../../ui/Placeholders.tsx';
import { cx } from '../../ui/cx.ts';
import styles from './participants.module.css';

function FaceFigure({ asset, participant, version }: { asset: Asset; participant: Participant; version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const url = useShownImageUrl(asset, 'thumbnail');
  const face = t(`faces.${asset.face}`);
  const warnings = actionableWarnings(faceReadiness(asset, participant?.packDimensions ?? null));
  return (
    <figure className={styles.face}>
      <Link
        className={cx('face-frame', styles.faceLink)}
        to={`/workshops/${participant.workshopId}/participants/${participant.id}/faces/${asset.id}`}
        aria-label={t('face.open', { face })}
      >
        {url ? <img src={url} alt={t('participants.faceAlt', { face, product: participant.product, version })} /> : null}
      </Link>
      <figcaption>
        <strong>{face}</strong>
        <span className="muted">
          {t('participants.pixels', { width: format.number(asset.metadata.width), height: format.number(asset.metadata.height) })}
        </span>
      </figcaption>
      {warnings.length > 0 ? (
        <p className={cx('warning-text', styles.faceWarning)}>{t('library.warnings', { count: warnings.length })}</p>
      ) : null}
    </figure>
  );
}

export function ParticipantScreen() {
  const { workshopId = '', participantId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const workshop = useWorkshop(workshopId);
  const participant = useParticipant(participantId);
  const submissions = useSubmissions(participantId);
  const [editing, setEditing] = useState(false);
  const [packFor, setPackFor] = useState<{ id: string; version: number } | null>(null);

  if (workshop === undefined || participant === undefined || submissions === undefined) {
    return <Loading />;
  }
  if (!workshop || !participant) {
    return <NotFound />;
  }

  const facts = participant.labelFacts;
  const dims = participant.packDimensions;
  const rows: [string, string][] = [
    [t('participants.owner'), participant.owner],
    [t('participants.product'), participant.product],
    [t('participants.category'), t(`categories.${participant.category}`)],
    [t('participants.city'), participant.city],
    [t('participants.contact'), participant.contact],
    [t('participants.registrationNumber'), facts.registrationNumber],
    [t('participants.halalCertificate'), facts.halalCertificate],
    [t('participants.netContent'), facts.netContent],
    [t('participants.packagingMaterial'), facts.packagingMaterial ? t(`materials.${facts.packagingMaterial}`) : ''],
    [
      t('participants.packDimensions'),
      dims ? [dims.widthMm, dims.heightMm, dims.depthMm].filter((v) => v > 0).map(format.number).join(' × ') : '',
    ],
  ];

  return (
    <IntakeDropZone target={{ kind: 'participant', workshopId: workshop.id, participantId: participant.id, newVersion: false }}>
      <nav aria-label="breadcrumb" className="breadcrumb">
        <Link to="/">{t('workshops.title')}</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={`/workshops/${workshop.id}`}>{workshop.name}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{participant.business}</span>
      </nav>
      <div className="page-header">
        <h1>{participant.business}</h1>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('participants.editTitle')}
          </button>
          <ImportButtons
            target={{ kind: 'participant', workshopId: workshop.id, participantId: participant.id, newVersion: false }}
            filesLabel={t('intake.addDesigns')}
          />
          {submissions.length > 0 ? (
            <ImportButtons
              target={{ kind: 'participant', workshopId: workshop.id, participantId: participant.id, newVersion: true }}
              filesLabel={t('intake.newVersion')}
              command={false}
            />
          ) : null}
        </div>
      </div>
      <section aria-labelledby="participant-details">
        <h2 id="participant-details">{t('participants.details')}</h2>
        <dl className="facts">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value || t('common.notSet')}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="participant-designs">
        <h2 id="participant-designs">{t('participants.designs')}</h2>
        {submissions.length === 0 ? <p className="muted">{t('participants.noDesigns')} {t('intake.dropHint')}</p> : null}
        {submissions.map(({ submission, faces }) => (
          <article key={submission.id} className={styles.submission} id={`v${submission.version}`}>
            <h3>
              {t('participants.version', { version: submission.version })}
              {submission.title ? ` · ${submission.title}` : ''}{' '}
              <span className="muted">{t('participants.submittedOn', { date: format.timestamp(submission.submittedAt) })}</span>
            </h3>
            {faces.length > 0 ? (
              <p>
                <Link className="button button-primary" to={`/workshops/${workshop.id}/participants/${participant.id}/review/${submission.id}`}>
                  {t('review.open', { version: submission.version })}
                </Link>{' '}
                <button type="button" className="button" onClick={() => setPackFor({ id: submission.id, version: submission.version })}>
                  {t('packs.openVersion', { version: submission.version })}
                </button>
              </p>
            ) : null}
            <div className={styles.faces}>
              {faces.map((asset) => (
                <FaceFigure key={asset.id} asset={asset} participant={participant} version={submission.version} />
              ))}
            </div>
          </article>
        ))}
      </section>
      {packFor ? (
        <ExportPackDialog submissionId={packFor.id} business={participant.business} version={packFor.version} onClose={() => setPackFor(null)} />
      ) : null}
      {editing ? (
        <ParticipantFormDialog workshopId={workshop.id} participant={participant} onClose={() => setEditing(false)} />
      ) : null}
    </IntakeDropZone>
  );
}
