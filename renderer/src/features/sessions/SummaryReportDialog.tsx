import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PACK_PAGE_SIZES, type PackPageSizeName } from '#shared/contract/packRender.ts';
import { PACK_SUMMARY_LIMITS } from '#shared/contract/packSummary.ts';
import type { SummaryInput } from '#shared/pack/summaryModel.ts';
import type { PackLanguage } from '#shared/pack/packText.ts';
import { host } from '../../host/hostClient.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { downloadBlob } from '../../ui/download.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { PackExportError } from '../packs/exportPack.ts';
import { PackSteps } from '../packs/PackSteps.tsx';
import styles from '../packs/packs.module.css';
import { useResultFormats } from './numberFormats.ts';
import { makeSummaryReport, SUMMARY_STEPS } from './summaryReport.ts';
import { DocumentOptionsFields } from '../packs/DocumentOptionsFields.tsx';
import { useDocumentJob } from '../packs/useDocumentJob.ts';
import { JobEnding } from '../../ui/JobEnding.tsx';

/**
 * Makes the curator's summary report of a session as a PDF: language and
 * paper; the results are the Results tab's, with its normalisation and
 * threshold (the dialog says which). Steps with Cancel; the file is downloaded.
 */
export function SummaryReportDialog({ input, onClose }: { input: Omit<SummaryInput, 'generatedAt'>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const formats = useResultFormats();
  const ids = useId();
  const [language, setLanguage] = useState<PackLanguage>(i18n.language === 'en' ? 'en' : 'id');
  const [pageSize, setPageSize] = useState<PackPageSizeName>('A4');
  const { phase, run, cancel, createButton, cancelButton } = useDocumentJob();

  async function create() {
    await run(
      (signal, onProgress) => makeSummaryReport(host, input, { language, pageSize }, { signal, onProgress }),
      (made) => {
        downloadBlob(made.blob, made.fileName);
        toast({ message: t('sessions.summary.saved', { file: made.fileName }) });
        onClose();
      },
      errorMessage,
    );
  }

  function errorMessage(error: unknown): string {
    console.error(error);
    if (!(error instanceof PackExportError)) return t('sessions.summary.errors.unexpected');
    switch (error.reason) {
      case 'too-large':
        return t('sessions.summary.errors.tooLarge', { max: formats.integer(PACK_SUMMARY_LIMITS.maxSubmissions) });
      case 'host-unavailable':
        return t('sessions.summary.errors.hostUnavailable');
      case 'worker-stopped':
        return t('faults.summaryWorkerStopped');
      case 'too-heavy':
        return t('bounds.summaryTooHeavy');
      default:
        return t('sessions.summary.errors.host');
    }
  }

  const working = phase.kind === 'working';
  const { results } = input;
  const footer = working ? (
    <button ref={cancelButton} type="button" className="button button-danger" onClick={cancel}>
      {t('common.cancel')}
    </button>
  ) : (
    <>
      <button type="button" className="button" onClick={onClose}>
        {t('common.close')}
      </button>
      <button ref={createButton} type="submit" form={`${ids}-form`} className="button button-primary">
        {t('sessions.summary.create')}
      </button>
    </>
  );

  return (
    <Dialog title={t('sessions.summary.title', { session: input.session.name })} onClose={working ? cancel : onClose} footer={footer}>
      {working ? (
        <section className={styles.packProgress} aria-labelledby={`${ids}-progress`}>
          <h3 id={`${ids}-progress`}>{t('sessions.summary.progressTitle')}</h3>
          <PackSteps steps={SUMMARY_STEPS} progress={phase.progress} format="pdf" label={t('sessions.summary.progressTitle')} />
        </section>
      ) : (
        <form
          id={`${ids}-form`}
          className={styles.packForm}
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <p className="muted">{t('sessions.summary.intro')}</p>
          <DocumentOptionsFields<PackPageSizeName>
            language={language}
            onLanguage={setLanguage}
            pageSize={pageSize}
            onPageSize={setPageSize}
            sizes={PACK_PAGE_SIZES}
            languageLabel={t('sessions.summary.language')}
          />
          <section className="notice" aria-labelledby={`${ids}-settings`}>
            <h3 id={`${ids}-settings`}>{t('sessions.summary.settingsTitle')}</h3>
            <ul>
              <li>{results.options.normalise ? t('sessions.summary.normalised') : t('sessions.summary.notNormalised')}</li>
              <li>{t('sessions.summary.threshold', { threshold: formats.integer(results.options.flagSpreadAbove) })}</li>
            </ul>
            <p className="field-hint">{t('sessions.summary.settingsHint')}</p>
          </section>
          <p>
            {t('sessions.summary.contents', {
              submissions: formats.integer(results.completeness.submissions),
              mentors: formats.integer(input.session.mentorIds.length),
              reviews: formats.integer(results.completeness.countedReviews),
            })}
          </p>
          {phase.kind === 'form' ? <JobEnding cancelled={phase.cancelled} cancelledText={t('sessions.summary.cancelled')} error={phase.error} /> : null}
        </form>
      )}
    </Dialog>
  );
}
