import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { useCurrentMentor } from '../../data/hooks.ts';
import { setCurrentMentor } from '../../data/mentorsRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { ConflictList, MergeReport, OutcomeTable } from './MergeReport.tsx';
import { RefusedEdits } from './RefusedEdits.tsx';
import { problemText } from './problemText.ts';
import { TrustNotice } from './TrustNotice.tsx';
import { useBundleImport, type ImportPhase } from './useBundleImport.ts';
import styles from './bundles.module.css';
import { cx } from '../../ui/cx.ts';

interface Props {
  /** A file offered from outside (a drop, the desktop's file association), checked at once. */
  initialFile: File | null;
  onClose: () => void;
}

/**
 * "Impor bundel": choose or drop a `.kemas` file; it is checked completely (progress, Cancel);
 * a refusal says why in plain words and nothing is written; otherwise a preview says what merging
 * would do, "Gabungkan" merges in one transaction, and the merge report stays on screen.
 */
export function ImportBundleDialog({ initialFile, onClose }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const { phase, check, cancel, merge, restart } = useBundleImport();
  const input = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [dragging, setDragging] = useState(false);
  // Trust on first use: the file whose sender's new key the person accepted (asked again for each file).
  const [acceptedFor, setAcceptedFor] = useState<File | null>(null);
  const acceptKey = (phase.kind === 'preview' || phase.kind === 'merging') && acceptedFor === phase.file;
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (initialFile) void check(initialFile);
  }, [initialFile, check]);

  // Keyboard focus follows the flow: Cancel while checking, the main action after each step.
  useEffect(() => {
    if (phase.kind === 'checking') cancelButton.current?.focus();
    // On a first run the report's first question is who is reviewing here.
    else if (phase.kind === 'report') (body.current?.querySelector<HTMLButtonElement>(`.${styles.bundleAfter} button`) ?? primary.current)?.focus();
    else if (phase.kind === 'preview') primary.current?.focus();
    else if (phase.kind === 'choose' || phase.kind === 'refused') chooseButton.current?.focus();
  }, [phase.kind]);

  useEffect(() => {
    if (phase.kind !== 'report') return;
    const { counts, unchanged } = phase.result;
    toast({ message: unchanged ? t('bundles.import.mergedNothing') : t('bundles.import.merged', { added: counts.added, updated: counts.updated + counts.conflict }) });
  }, [phase, t, toast]);

  function take(files: FileList | null) {
    const file = files?.[0];
    if (file) void check(file);
  }
  // A .kemas can be dropped while choosing, and again after a refusal.
  const dropProps = {
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      take(event.dataTransfer.files);
    },
  };

  const title =
    phase.kind === 'preview' || phase.kind === 'merging'
      ? t('bundles.import.previewTitle', { file: phase.file.name })
      : phase.kind === 'report'
        ? t('bundles.report.title')
        : t('bundles.import.title');

  const chooseFile = (label: string) => (
    <button ref={chooseButton} type="button" className="button" onClick={() => input.current?.click()}>
      {label}
    </button>
  );

  let footer;
  if (phase.kind === 'checking') {
    footer = (
      <button ref={cancelButton} type="button" className="button" onClick={cancel}>
        {t('common.cancel')}
      </button>
    );
  } else if (phase.kind === 'preview' || phase.kind === 'merging') {
    footer = (
      <>
        <button type="button" className="button" onClick={onClose} disabled={phase.kind === 'merging'}>
          {t('common.cancel')}
        </button>
        <button ref={primary} type="button" className="button button-primary" onClick={() => void merge({ acceptKey })} disabled={phase.kind === 'merging'}>
          {phase.kind === 'merging' ? t('bundles.import.merging') : t('bundles.import.merge')}
        </button>
      </>
    );
  } else if (phase.kind === 'report') {
    footer = (
      <>
        <button type="button" className="button" onClick={restart}>
          {t('bundles.import.next')}
        </button>
        <button ref={primary} type="button" className="button button-primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </>
    );
  } else {
    footer = (
      <button type="button" className="button" onClick={onClose}>
        {t('common.close')}
      </button>
    );
  }

  return (
    <Dialog title={title} onClose={phase.kind === 'merging' ? () => {} : onClose} footer={footer} wide>
      <input
        ref={input}
        type="file"
        accept=".kemas"
        hidden
        tabIndex={-1}
        aria-label={t('bundles.import.fileLabel')}
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
      {phase.kind === 'choose' ? (
        <div className={dragging ? cx(styles.bundleDrop, styles.bundleDropActive) : styles.bundleDrop} {...dropProps}>
          <p>{t('bundles.import.intro')}</p>
          {chooseFile(t('bundles.import.choose'))}
          <p className="muted">{dragging ? t('bundles.import.dropActive') : t('bundles.import.drop')}</p>
          {phase.cancelled ? <p role="status">{t('bundles.import.cancelled')}</p> : null}
        </div>
      ) : null}
      {phase.kind === 'checking' ? <CheckingView phase={phase} /> : null}
      {phase.kind === 'refused' ? (
        <div className={styles.bundleRefusal} data-testid="bundle-refusal" {...dropProps}>
          <div role="alert">
            <h3>{t('bundles.import.refusedTitle')}</h3>
            <p className={styles.bundleFile}>{phase.file.name}</p>
            <p>{problemText(phase.refusal, t)}</p>
            <p>{t('bundles.import.refusedNothing')}</p>
          </div>
          {chooseFile(t('bundles.import.another'))}
        </div>
      ) : null}
      {phase.kind === 'preview' || phase.kind === 'merging' ? (
        <PreviewView phase={phase}>
          <TrustNotice
            preview={phase.preview}
            accepted={acceptKey}
            onAcceptedChange={(accepted) => setAcceptedFor(accepted ? phase.file : null)}
            disabled={phase.kind === 'merging'}
          />
        </PreviewView>
      ) : null}
      {phase.kind === 'report' ? (
        <div ref={body}>
          <AfterImport phase={phase} onDone={onClose} />
          <MergeReport result={phase.result} fileName={phase.file.name} />
        </div>
      ) : null}
    </Dialog>
  );
}

function CheckingView({ phase }: { phase: Extract<ImportPhase, { kind: 'checking' }> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const progress = phase.progress;
  return (
    <div className={styles.bundleProgress} role="status">
      <span>{t('bundles.import.checking', { file: phase.file.name })}</span>
      <progress max={Math.max(progress?.total ?? 1, 1)} value={progress?.done ?? 0} aria-label={t('bundles.import.progressLabel')} />
      {progress ? <span className="muted">{t('bundles.export.progress', { done: format.number(progress.done), total: format.number(progress.total) })}</span> : null}
    </div>
  );
}

function PreviewView({ phase, children }: { phase: Extract<ImportPhase, { kind: 'preview' } | { kind: 'merging' }>; children: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { manifest } = phase.preview;
  const nothingNew = phase.preview.report.every((e) => e.winner === 'local') && phase.preview.images.added === 0;
  return (
    <div className="bundle-preview">
      <dl className={styles.bundleFacts}>
        <dt>{t('bundles.import.kind')}</dt>
        <dd>{t(`bundles.import.kinds.${manifest.kind}`)}</dd>
        <dt>{t('bundles.import.from')}</dt>
        <dd>{manifest.createdBy.name}</dd>
        <dt>{t('bundles.import.madeAt')}</dt>
        <dd>{format.timestamp(Date.parse(manifest.createdAt))}</dd>
        <dt>{t('bundles.import.app')}</dt>
        <dd>{`${manifest.app.name} ${manifest.app.version}`}</dd>
      </dl>
      {children}
      {phase.preview.missingSubmissions > 0 ? (
        <p className="notice">{t('bundles.import.missingSubmissions', { count: phase.preview.missingSubmissions })}</p>
      ) : null}
      {phase.preview.futureEdits > 0 ? (
        <p className="notice">{t('bundles.import.futureEdits', { count: phase.preview.futureEdits })}</p>
      ) : null}
      {nothingNew ? <p className="notice">{t('bundles.import.nothingNew')}</p> : null}
      <OutcomeTable preview={phase.preview} caption={t('bundles.import.willDo')} />
      <ConflictList result={phase.preview} />
      <RefusedEdits result={phase.preview} />
      <p className="muted">{t('bundles.import.mergeRule')}</p>
      {phase.kind === 'preview' && phase.error ? (
        <p role="alert" className="field-error">
          {phase.error === 'storage-full' ? t('bundles.import.storageFull') : t('bundles.import.failed')}
        </p>
      ) : null}
    </div>
  );
}

/**
 * After a workshop bundle: on a laptop where nobody is reviewing yet, "continue as" one of the
 * bundle's mentors (their reviews then merge under the same id on the curator's laptop);
 * otherwise a way into the workshop.
 */
function AfterImport({ phase, onDone }: { phase: Extract<ImportPhase, { kind: 'report' }>; onDone: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const toast = useToast();
  const navigate = useNavigate();
  const current = useCurrentMentor();
  const { names, report } = phase.result;
  const workshops = report.filter((e) => e.table === 'workshops' && e.incoming.deletedAt === null);
  const mentors = report.filter((e) => e.table === 'mentors' && e.incoming.deletedAt === null && names.mentors[e.id]);

  async function continueAs(id: string) {
    try {
      await setCurrentMentor(db, id);
      onDone();
      const first = workshops[0];
      if (first) void navigate(`/workshops/${first.id}`);
    } catch (error) {
      toast({ tone: 'error', message: saveErrorMessage(error, t) });
    }
  }

  if (current === null && mentors.length > 0) {
    return (
      <section className={styles.bundleAfter} aria-labelledby="bundle-who">
        <h3 id="bundle-who">{t('bundles.report.whoAreYou')}</h3>
        <p className="muted">{t('bundles.report.whoAreYouHint')}</p>
        <ul className={styles.bundleMentors}>
          {mentors.map((m) => (
            <li key={m.id}>
              <button type="button" className="button" onClick={() => void continueAs(m.id)}>
                {t('bundles.report.continueAs', { name: names.mentors[m.id] })}
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  if (current && workshops.length > 0) {
    return (
      <p className={cx(styles.bundleAfter, styles.bundleAfterOpen)}>
        {workshops.map((w) => (
          <button
            key={w.id}
            type="button"
            className="button"
            onClick={() => {
              onDone();
              void navigate(`/workshops/${w.id}`);
            }}
          >
            {t('bundles.report.openWorkshop', { name: names.workshops[w.id] ?? '' })}
          </button>
        ))}
      </p>
    );
  }
  return null;
}
