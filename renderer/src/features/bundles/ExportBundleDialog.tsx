import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveProgress } from '#shared/bundles/archive.ts';
import { BUNDLE_TABLES } from '#shared/bundles/mergeBundle.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { gatherScope, streamArchive, type ArchiveScope, type GatheredScope } from '../../data/archiveRepo.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { useFormat } from '../../i18n/format.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { downloadBlob } from '../../ui/download.ts';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { reviewBundleName, workshopBundleName } from './bundleFiles.ts';
import { useAppIdentity } from './useAppInfo.ts';
import styles from './bundles.module.css';
import { JobEnding } from '../../ui/JobEnding.tsx';
import { useJob } from '../../ui/useJob.ts';
import { SignerNote } from './SignerNote.tsx';
import { cx } from '../../ui/cx.ts';

interface Props {
  scope: Extract<ArchiveScope, { kind: 'workshop' } | { kind: 'review' }>;
  workshopName: string;
  onClose: () => void;
}

/**
 * Exports a workshop bundle (curator → mentors) or the current mentor's review bundle
 * (mentor → curator): what it will hold, then progress with Cancel, and the `.kemas` file is downloaded.
 */
export function ExportBundleDialog({ scope, workshopName, onClose }: Props) {
  const { t } = useTranslation();
  const db = useDatabase();
  const me = useCurrentMentorRecord();
  const toast = useToast();
  const format = useFormat();
  const app = useAppIdentity();
  const [contents, setContents] = useState<GatheredScope | null>(null);
  const job = useJob<ArchiveProgress>();
  const { fail } = job;

  useEffect(() => {
    let live = true;
    void gatherScope(db, scope)
      .then((gathered) => live && setContents(gathered))
      .catch((error: unknown) => live && fail(saveErrorMessage(error, t)));
    return () => {
      live = false;
    };
    // The scope is a fresh object each render; its fields say what it is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, scope.kind, scope.workshopId, scope.kind === 'review' ? scope.mentorId : '', t, fail]);

  const working = job.running;
  // The export button is where the dialog starts (the job moves focus only while it runs and after it ends).
  useEffect(() => {
    if (!working) job.startButton.current?.focus();
  }, [working, job.startButton]);

  async function start() {
    if (!app) return;
    const fileName = scope.kind === 'workshop' ? workshopBundleName(workshopName) : reviewBundleName(workshopName, me.name);
    await job.run(
      async (signal, onProgress) => {
        const chunks: Uint8Array<ArrayBuffer>[] = [];
        const { bytes } = await streamArchive(db, scope, (chunk) => void chunks.push(new Uint8Array(chunk)), {
          app,
          createdBy: { id: me.id, name: me.name },
          signal,
          onProgress,
        });
        return { blob: new Blob(chunks, { type: 'application/zip' }), bytes };
      },
      {
        done: ({ blob, bytes }) => {
          downloadBlob(blob, fileName);
          toast({ message: t('bundles.export.done', { file: fileName, size: format.bytes(bytes) }) });
          onClose();
        },
        describe: () => t('bundles.export.failed'),
      },
    );
  }

  const title =
    scope.kind === 'workshop' ? t('bundles.export.workshopTitle', { name: workshopName }) : t('bundles.export.reviewTitle', { name: workshopName });
  const counted = contents ? BUNDLE_TABLES.filter((table) => (contents.records[table]?.length ?? 0) > 0) : [];
  const ownWork = contents ? (contents.records.reviews?.length ?? 0) + (contents.records.annotations?.length ?? 0) + (contents.records.labelChecklists?.length ?? 0) : 0;
  const progress = job.state.kind === 'running' ? job.state.progress : null;

  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        working ? (
          <button ref={job.cancelButton} type="button" className="button" onClick={job.cancel}>
            {t('common.cancel')}
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              {t('common.close')}
            </button>
            <button ref={job.startButton} type="button" className="button button-primary" disabled={!contents || !app} onClick={() => void start()}>
              {t('bundles.export.start')}
            </button>
          </>
        )
      }
    >
      <p>{scope.kind === 'workshop' ? t('bundles.export.workshopIntro') : t('bundles.export.reviewIntro', { mentor: me.name })}</p>
      {contents ? (
        <table className={cx('table', styles.bundleCounts)}>
          <caption>{t('bundles.export.contents')}</caption>
          <tbody>
            {counted.map((table) => (
              <tr key={table}>
                <th scope="row">{t(`bundles.tables.${table}`)}</th>
                <td className="numeric">{format.number(contents.records[table]?.length ?? 0)}</td>
              </tr>
            ))}
            {contents.blobs.length > 0 ? (
              <tr>
                <th scope="row">{t('bundles.export.images')}</th>
                <td className="numeric">{format.number(contents.blobs.length)}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('bundles.export.gathering')}</p>
      )}
      <SignerNote mentorId={me.id} />
      {contents && scope.kind === 'review' && ownWork === 0 ? <p className="notice">{t('bundles.export.nothingYet')}</p> : null}
      {working ? (
        <div className={styles.bundleProgress} role="status">
          <progress max={Math.max(progress?.total ?? 1, 1)} value={progress?.done ?? 0} aria-label={t('bundles.export.progressLabel')} />
          <span>
            {progress
              ? `${t('bundles.export.writing')} ${t('bundles.export.progress', { done: format.number(progress.done), total: format.number(progress.total) })}`
              : t('bundles.export.gathering')}
          </span>
        </div>
      ) : null}
      {job.state.kind === 'idle' ? <JobEnding cancelled={job.state.cancelled} cancelledText={t('bundles.export.cancelled')} error={job.state.error} /> : null}
    </Dialog>
  );
}
