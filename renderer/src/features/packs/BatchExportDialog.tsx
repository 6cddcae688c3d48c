import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFolderSchema } from '#shared/contract/exportFiles.ts';
import { normaliseFolder } from '#shared/contract/folderPath.ts';
import { PACK_LAYOUTS, type PackLayoutName } from '#shared/contract/packRender.ts';
import type { PackLanguage } from '#shared/pack/packText.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { loadBatchCandidates, type BatchCandidates, type BatchScope } from '../../data/packBatchRepo.ts';
import { host } from '../../host/hostClient.ts';
import { useFolderGrant } from '../folders/useFolderGrant.tsx';
import { useFormat } from '../../i18n/format.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useToast } from '../../ui/Toasts.tsx';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import { useJob } from '../../ui/useJob.ts';
import { useProposedFields } from '../../ui/useProposedFields.ts';
import { useDuration } from '../intake/ImportPanel.tsx';
import { planBatch, runBatch, type BatchItem, type BatchProgress, type BatchReport, type ExistingAnswer } from './batchExport.ts';
import type { PackFormat } from './exportPack.ts';
import { BatchSummary } from './BatchSummary.tsx';
import styles from './packs.module.css';
import { DocumentOptionsFields, PackFormatField } from './DocumentOptionsFields.tsx';
import { cx } from '../../ui/cx.ts';

interface Props {
  scope: BatchScope;
  /** The session's or workshop's name (or what the selection is), for the title. */
  name: string;
  onClose: () => void;
}

/** The question asked when a pack's file exists already, with the way to answer it. */
type Asking = { item: BatchItem; answer: (a: ExistingAnswer) => void };
/** The batch under way: its progress, and the question waiting for an answer if any. */
type Running = { progress: BatchProgress; asking: Asking | null };

type Phase = { kind: 'form'; error: string | null } | ({ kind: 'running' } & Running) | { kind: 'done'; report: BatchReport };

/**
 * Exports the critique packs of a session or a workshop into a folder:
 * the choices and what will be made (and skipped, and why); then progress
 * with an ETA and Cancel, one question if files exist already; then a summary
 * with what failed and "Open folder".
 */
export function BatchExportDialog({ scope, name, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const toast = useToast();
  const format = useFormat();
  const duration = useDuration();
  const ids = useId();
  const [language, setLanguage] = useState<PackLanguage>(i18n.language === 'en' ? 'en' : 'id');
  const [pageSize, setPageSize] = useState<PackLayoutName>('A4');
  const [perMentor, setPerMentor] = useState(false);
  const [packFormat, setPackFormat] = useState<PackFormat>('pdf');
  const fields = useProposedFields({ folder: '' });
  const folder = fields.values.folder;
  const [folderError, setFolderError] = useState<string | undefined>(undefined);
  const [canPick, setCanPick] = useState(false);
  const folderGrant = useFolderGrant();
  const [candidates, setCandidates] = useState<BatchCandidates | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const job = useJob<Running>();
  const [report, setReport] = useState<BatchReport | null>(null);
  const phase: Phase =
    job.state.kind === 'running' && job.state.progress
      ? { kind: 'running', ...job.state.progress }
      : report
        ? { kind: 'done', report }
        : { kind: 'form', error: job.state.kind === 'idle' ? job.state.error : null };
  const skipButton = useRef<HTMLButtonElement>(null);

  const choices = useMemo(() => ({ language, pageSize, format: packFormat, perMentor }), [language, pageSize, packFormat, perMentor]);
  const plan = useMemo(() => (candidates ? planBatch(candidates, choices) : null), [candidates, choices]);
  const scopeKey = scope.kind === 'session' ? scope.sessionId : scope.kind === 'workshop' ? scope.workshopId : scope.submissionIds.join(',');

  useEffect(() => {
    let live = true;
    void loadBatchCandidates(db, scope)
      .then((found) => live && setCandidates(found))
      .catch((error: unknown) => {
        console.error(error);
        if (live) setLoadFailed(true);
      });
    return () => {
      live = false;
    };
    // The scope object is rebuilt on each render of the screen; its id is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, scopeKey]);

  // The host's proposed folder (only into a field nobody has touched yet), and whether it has a native picker.
  const { propose } = fields;
  useEffect(() => {
    let live = true;
    void host.call('export.folder', {}).then((r) => live && r.ok && propose({ folder: r.value.folder }));
    void host.call('app.info', {}).then((r) => live && r.ok && setCanPick(r.value.capabilities.nativeDialogs));
    return () => {
      live = false;
    };
  }, [propose]);

  // The job keeps focus on Cancel while it runs; a question takes it while it waits.
  const asking = phase.kind === 'running' ? phase.asking : null;
  const { cancelButton } = job;
  useEffect(() => {
    if (asking) skipButton.current?.focus();
    else if (job.running) cancelButton.current?.focus();
  }, [asking, job.running, cancelButton]);

  async function pick() {
    const result = await host.call('dialog.open', { directory: true, title: t('batch.pickTitle') });
    if (result.ok && !result.value.canceled && result.value.paths[0]) {
      fields.set('folder', result.value.paths[0]);
      setFolderError(undefined);
    }
  }

  async function start() {
    if (!plan || plan.items.length === 0) return;
    const checked = exportFolderSchema.safeParse(normaliseFolder(folder));
    if (!checked.success) {
      setFolderError(t('batch.folderInvalid'));
      return;
    }
    // A typed folder the host has not written into before is allowed once, here.
    const grant = await folderGrant.ensure(checked.data);
    if (!grant.ok) {
      setFolderError(t(grant.reason === 'declined' ? 'grants.declined' : 'grants.failed'));
      return;
    }
    let latest: Running = { progress: { done: 0, total: plan.items.length, current: null, etaMs: null, failed: 0 }, asking: null };
    setReport(null);
    await job.run(
      (signal, show) => {
        const update = (next: Partial<Running>) => {
          latest = { ...latest, ...next };
          show(latest);
        };
        return runBatch(db, host, plan, {
          folder: checked.data,
          choices,
          signal,
          onProgress: (progress) => update({ progress }),
          askWhenExists: (item) =>
            new Promise<ExistingAnswer>((resolve) =>
              update({
                asking: {
                  item,
                  answer: (a) => {
                    update({ asking: null });
                    resolve(a);
                  },
                },
              }),
            ),
        });
      },
      {
        initial: latest,
        // Cancel stops the batch between packs; its report still says what was written.
        settlesOnCancel: true,
        done: (report) => {
          setReport(report);
          const written = report.written.length + report.replaced.length;
          if (report.ending === 'finished') {
            toast(
              report.failed.length > 0
                ? { tone: 'error', message: t('batch.toastWithFailures', { count: format.number(written), failed: format.number(report.failed.length) }) }
                : { message: t('batch.toast', { count: format.number(written), folder: report.folder }) },
            );
          }
        },
        describe: (error) => saveErrorMessage(error, t),
      },
    );
  }

  function cancel() {
    job.cancel();
    asking?.answer('stop');
  }

  const itemName = (item: BatchItem) =>
    item.mentorName
      ? t('batch.itemMentor', { business: item.business, version: item.version, mentor: item.mentorName })
      : t('batch.item', { business: item.business, version: item.version });

  const running = phase.kind === 'running';
  // Where the files will go, as the host will resolve the folder: said before anything starts.
  const resolved = exportFolderSchema.safeParse(normaliseFolder(folder));
  const destination = resolved.success ? resolved.data : null;
  const footer =
    phase.kind === 'running' ? (
      <button ref={cancelButton} type="button" className="button button-danger" onClick={cancel}>
        {t('common.cancel')}
      </button>
    ) : phase.kind === 'done' ? null : (
      <>
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="submit" form={`${ids}-form`} className="button button-primary" disabled={!plan || plan.items.length === 0}>
          {t('batch.start', { count: format.number(plan?.items.length ?? 0) })}
        </button>
      </>
    );

  return (
    <Dialog title={t('batch.title', { name })} onClose={running ? cancel : onClose} footer={footer} wide>
      {phase.kind === 'done' ? (
        <BatchSummary report={phase.report} itemName={itemName} onClose={onClose} />
      ) : phase.kind === 'running' ? (
        <section className={cx(styles.packProgress, styles.batchProgress)} aria-labelledby={`${ids}-progress`}>
          <h3 id={`${ids}-progress`}>{t('batch.progressTitle')}</h3>
          <progress
            value={phase.progress.done}
            max={Math.max(phase.progress.total, 1)}
            aria-label={t('batch.progressCount', { done: format.number(phase.progress.done), total: format.number(phase.progress.total) })}
          />
          <p aria-live="polite">{t('batch.progressCount', { done: format.number(phase.progress.done), total: format.number(phase.progress.total) })}</p>
          {phase.progress.current ? <p className="import-current">{t('batch.current', { name: itemName(phase.progress.current) })}</p> : null}
          <p className="muted">{phase.progress.etaMs === null ? t('batch.etaUnknown') : t('batch.eta', { time: duration(phase.progress.etaMs) })}</p>
          {phase.progress.failed > 0 ? <p className="field-error">{t('batch.failedSoFar', { count: format.number(phase.progress.failed) })}</p> : null}
          {asking ? (
            <div className={cx('notice', styles.batchExists)} role="group" aria-labelledby={`${ids}-exists`}>
              <h4 id={`${ids}-exists`}>{t('batch.existsTitle')}</h4>
              <p>{t('batch.existsBody', { path: asking.item.relativePath })}</p>
              <div className="toolbar">
                <button ref={skipButton} type="button" className="button button-primary" onClick={() => asking.answer('skip')}>
                  {t('batch.skipExisting')}
                </button>
                <button type="button" className="button" onClick={() => asking.answer('replace')}>
                  {t('batch.replaceAll')}
                </button>
                <button type="button" className="button" onClick={() => asking.answer('stop')}>
                  {t('batch.stop')}
                </button>
              </div>
            </div>
          ) : null}
        </section>
      ) : (
        <form
          id={`${ids}-form`}
          className={styles.packForm}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <p className="muted">{scope.kind === 'session' ? t('batch.introSession') : scope.kind === 'workshop' ? t('batch.introWorkshop') : t('batch.introSelection')}</p>
          <DocumentOptionsFields language={language} onLanguage={setLanguage} pageSize={pageSize} onPageSize={setPageSize} sizes={PACK_LAYOUTS} />
          <fieldset className={styles.packChoice}>
            <legend>{t('packs.mode')}</legend>
            <label className="check">
              <input type="radio" name={`${ids}-mode`} checked={!perMentor} onChange={() => setPerMentor(false)} />
              {t('packs.modes.combined')}
            </label>
            <label className="check">
              <input type="radio" name={`${ids}-mode`} checked={perMentor} onChange={() => setPerMentor(true)} />
              {t('batch.perMentor')}
            </label>
          </fieldset>
          <PackFormatField name={`${ids}-format`} value={packFormat} onChange={setPackFormat} />
          <div className={styles.batchFolder}>
            <TextField
              label={t('batch.folder')}
              hint={t('batch.folderHint')}
              error={folderError}
              spellCheck={false}
              {...fields.bind('folder', () => setFolderError(undefined))}
            />
            {canPick ? (
              <button type="button" className="button" onClick={() => void pick()}>
                {t('batch.pick')}
              </button>
            ) : null}
          </div>
          {fields.proposed.folder && fields.proposed.folder !== folder ? (
            <button type="button" className={cx('button', 'button-quiet', styles.batchUseProposed)} onClick={() => fields.set('folder', fields.proposed.folder ?? '')}>
              {t('batch.useProposed', { folder: fields.proposed.folder })}
            </button>
          ) : null}
          {destination ? <p className="batch-destination">{t('batch.destination', { folder: destination })}</p> : null}
          {folderGrant.prompt}
          <div className={styles.packContents} aria-live="polite">
            {loadFailed ? (
              <p className="field-error" role="alert">
                {t('batch.loadFailed')}
              </p>
            ) : plan ? (
              <>
                <p>{plan.items.length > 0 ? t('batch.plan', { count: format.number(plan.items.length) }) : t('batch.planNone')}</p>
                {plan.skipped.length > 0 ? (
                  <div className="notice" role="note">
                    <p>{t('batch.skippedTitle', { count: format.number(plan.skipped.length) })}</p>
                    <ul className={styles.packWarnings}>
                      {plan.skipped.map((s, i) => (
                        <li key={`${s.business}-${s.version ?? 0}-${i}`}>{t(`batch.skipReasons.${s.reason}`, { business: s.business, version: s.version ?? '' })}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </>
            ) : (
              <p className="muted">{t('batch.checking')}</p>
            )}
          </div>
          {phase.error ? (
            <p className="field-error" role="alert">
              {phase.error}
            </p>
          ) : null}
        </form>
      )}
    </Dialog>
  );
}
