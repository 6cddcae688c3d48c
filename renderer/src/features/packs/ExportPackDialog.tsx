import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PACK_LAYOUTS, type PackLayoutName } from '#shared/contract/packRender.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import type { PackModel, PackMode } from '#shared/pack/packModelSchema.ts';
import type { PackLanguage } from '#shared/pack/packText.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { loadPackInput, type LoadedPack } from '../../data/packRepo.ts';
import { host } from '../../host/hostClient.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { downloadBlob } from '../../ui/download.ts';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import { SelectField } from '../../ui/Field.tsx';
import { useToast } from '../../ui/Toasts.tsx';
import { makePack, packSteps, PackExportError, type PackFormat } from './exportPack.ts';
import { PackSteps } from './PackSteps.tsx';
import styles from './packs.module.css';
import { DocumentOptionsFields, PackFormatField } from './DocumentOptionsFields.tsx';
import { useDocumentJob } from './useDocumentJob.ts';
import { JobEnding } from '../../ui/JobEnding.tsx';

interface Props {
  submissionId: string;
  business: string;
  version: number;
  onClose: () => void;
}

/** What the chosen pack will hold, read before making it (no pictures): counts and warnings. */
interface Preview {
  loaded: LoadedPack;
  model: PackModel;
}

/**
 * Exports one submission's critique pack: language, paper size, whose pack,
 * PDF or ZIP; then the steps with Cancel, and the file is downloaded.
 */
export function ExportPackDialog({ submissionId, business, version, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const toast = useToast();
  const me = useCurrentMentorRecord();
  const ids = useId();
  const [language, setLanguage] = useState<PackLanguage>(i18n.language === 'en' ? 'en' : 'id');
  const [pageSize, setPageSize] = useState<PackLayoutName>('A4');
  const [perMentor, setPerMentor] = useState(false);
  const [mentorId, setMentorId] = useState<string | null>(null);
  const [format, setFormat] = useState<PackFormat>('pdf');
  const [preview, setPreview] = useState<Preview | null>(null);
  const { phase, run, cancel, fail, createButton, cancelButton } = useDocumentJob();

  const contributors = preview?.loaded.contributors ?? [];
  const chosenMentor = mentorId ?? (contributors.find((m) => m.id === me.id) ?? contributors[0])?.id ?? null;
  const mode: PackMode | null = perMentor ? (chosenMentor ? { mentorId: chosenMentor } : null) : 'combined';
  const modeKey = mode === 'combined' ? 'combined' : (mode?.mentorId ?? '');

  // A quick look at what the pack will hold, again whenever whose pack it is changes.
  useEffect(() => {
    let live = true;
    const wanted: PackMode = modeKey === 'combined' || modeKey === '' ? 'combined' : { mentorId: modeKey };
    void loadPackInput(db, submissionId, { mode: wanted, generatedAt: Date.now() })
      .then((loaded) => {
        if (live) setPreview({ loaded, model: buildPackModel(loaded.input, { language: 'id', mode: wanted }) });
      })
      .catch((error: unknown) => {
        if (live) fail(saveErrorMessage(error, t));
      });
    return () => {
      live = false;
    };
  }, [db, submissionId, modeKey, t, fail]);

  async function create() {
    if (!mode) return;
    await run(
      (signal, onProgress) => makePack(db, host, { submissionId, language, pageSize, mode, format }, { signal, onProgress }),
      (made) => {
        downloadBlob(made.blob, made.fileName);
        toast({ screen: true, message: t('packs.saved', { file: made.fileName }) });
        onClose();
      },
      packErrorMessage,
    );
  }

  function packErrorMessage(error: unknown): string {
    if (!(error instanceof PackExportError)) {
      console.error(error);
      return t('packs.errors.unexpected');
    }
    console.error(error.message);
    switch (error.reason) {
      case 'too-large':
        return t('packs.errors.tooLarge');
      case 'host-unavailable':
        return t('packs.errors.hostUnavailable');
      case 'worker-stopped':
        return t('faults.packWorkerStopped');
      case 'too-heavy':
        return t('bounds.packTooHeavy');
      case 'image':
        return t('packs.errors.image', { face: error.face ? t(`faces.${error.face}`).toLocaleLowerCase(i18n.language) : '?' });
      default:
        return t('packs.errors.host');
    }
  }

  const working = phase.kind === 'working';
  const mentorName = (id: string | null) => preview?.loaded.input.mentors.find((m) => m.id === id)?.name ?? t('packs.mentor');
  const model = preview?.model;
  const marks = model?.faces.reduce((n, f) => n + f.marks.length, 0) ?? 0;

  const footer = working ? (
    <button ref={cancelButton} type="button" className="button button-danger" onClick={cancel}>
      {t('common.cancel')}
    </button>
  ) : (
    <>
      <button type="button" className="button" onClick={onClose}>
        {t('common.close')}
      </button>
      <button ref={createButton} type="submit" form={`${ids}-form`} className="button button-primary" disabled={!mode || !preview}>
        {t('packs.create')}
      </button>
    </>
  );

  return (
    <Dialog title={t('packs.title', { business, version })} onClose={working ? cancel : onClose} footer={footer} wide>
      {working ? (
        <section className={styles.packProgress} aria-labelledby={`${ids}-progress`}>
          <h3 id={`${ids}-progress`}>{t('packs.progressTitle')}</h3>
          <PackSteps steps={packSteps(format)} progress={phase.progress} format={format} />
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
          <p className="muted">{t('packs.intro')}</p>
          <DocumentOptionsFields language={language} onLanguage={setLanguage} pageSize={pageSize} onPageSize={setPageSize} sizes={PACK_LAYOUTS} />
          <fieldset className={styles.packChoice}>
            <legend>{t('packs.mode')}</legend>
            <label className="check">
              <input type="radio" name={`${ids}-mode`} checked={!perMentor} onChange={() => setPerMentor(false)} />
              {t('packs.modes.combined')}
            </label>
            <label className="check">
              <input type="radio" name={`${ids}-mode`} checked={perMentor} onChange={() => setPerMentor(true)} disabled={contributors.length === 0} />
              {t('packs.modes.mentor')}
            </label>
            {perMentor && chosenMentor ? (
              <SelectField
                label={t('packs.mentor')}
                value={chosenMentor}
                onChange={(e) => setMentorId(e.target.value)}
                options={contributors.map((m) => ({ value: m.id, label: m.organisation ? `${m.name} (${m.organisation})` : m.name }))}
              />
            ) : null}
            {preview && contributors.length === 0 ? <p className="muted">{t('packs.noMentors')}</p> : null}
          </fieldset>
          <PackFormatField name={`${ids}-format`} value={format} onChange={setFormat} />
          <div className={styles.packContents} aria-live="polite">
            {model ? (
              <>
                <p>
                  {t('packs.contents', {
                    faces: model.faces.length,
                    marks,
                    reviews: model.scores.mentorsCounted,
                  })}
                </p>
                {model.warnings.length > 0 ? (
                  <div className="notice" role="note">
                    <ul className={styles.packWarnings}>
                      {model.warnings.map((w) => (
                        <li key={`${w.code}-${w.mentorId ?? ''}`}>{t(`packs.warnings.${w.code}`, { mentor: mentorName(w.mentorId) })}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </>
            ) : (
              <p className="muted">{t('packs.checking')}</p>
            )}
          </div>
          {phase.kind === 'form' ? <JobEnding cancelled={phase.cancelled} cancelledText={t('packs.cancelled')} error={phase.error} /> : null}
        </form>
      )}
    </Dialog>
  );
}
