import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_INGEST_LIMITS, ingestLimitsSchema, MAX_FILE_BYTES_CEILING, type IngestLimits } from '#shared/intake/ingestOutcome.ts';
import { DEFAULT_WORKER_LIMITS, MAX_JOB_MEMORY_MB, MAX_JOB_SECONDS, MIN_JOB_MEMORY_MB, MIN_JOB_SECONDS, type WorkerLimits } from '#shared/contract/jobs.ts';
import { useFormat } from '../../i18n/format.ts';
import { host } from '../../host/hostClient.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { StorageStatus } from '../storage/StorageStatus.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useToast } from '../../ui/Toasts.tsx';

interface Draft {
  maxFileMb: string;
  maxMegapixels: string;
  maxPdfPages: string;
  fileSeconds: string;
  packSeconds: string;
  memoryMb: string;
}

const toDraft = (l: IngestLimits, w: WorkerLimits): Draft => ({
  maxFileMb: String(Math.round(l.maxFileBytes / (1024 * 1024))),
  maxMegapixels: String(Math.round(l.maxInputPixels / 1_000_000)),
  maxPdfPages: String(l.maxPdfPages),
  fileSeconds: String(w.fileSeconds),
  packSeconds: String(w.packSeconds),
  memoryMb: String(w.memoryMb),
});

const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

/** Host settings a mentor may change: the intake's safety limits and the bounds of one worker job. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const formId = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});

  useEffect(() => {
    void host
      .call('settings.get', {})
      .then((r) => setDraft(r.ok ? toDraft(r.value.ingestLimits, r.value.workerLimits) : toDraft(DEFAULT_INGEST_LIMITS, DEFAULT_WORKER_LIMITS)));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const limits = {
      maxFileBytes: whole(draft.maxFileMb) * 1024 * 1024,
      maxInputPixels: whole(draft.maxMegapixels) * 1_000_000,
      maxPdfPages: whole(draft.maxPdfPages),
    };
    const parsed = ingestLimitsSchema.safeParse(limits);
    const bad = (n: number) => !Number.isInteger(n) || n <= 0;
    const workerLimits = { fileSeconds: whole(draft.fileSeconds), packSeconds: whole(draft.packSeconds), memoryMb: whole(draft.memoryMb) };
    const inRange = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
    const range = (min: number, max: number) => t('validation.between', { min: format.number(min), max: format.number(max) });
    const workerErrors = {
      ...(inRange(workerLimits.fileSeconds, MIN_JOB_SECONDS, MAX_JOB_SECONDS) ? {} : { fileSeconds: range(MIN_JOB_SECONDS, MAX_JOB_SECONDS) }),
      ...(inRange(workerLimits.packSeconds, MIN_JOB_SECONDS, MAX_JOB_SECONDS) ? {} : { packSeconds: range(MIN_JOB_SECONDS, MAX_JOB_SECONDS) }),
      ...(inRange(workerLimits.memoryMb, MIN_JOB_MEMORY_MB, MAX_JOB_MEMORY_MB) ? {} : { memoryMb: range(MIN_JOB_MEMORY_MB, MAX_JOB_MEMORY_MB) }),
    };
    if (!parsed.success || Object.keys(workerErrors).length > 0) {
      setErrors({
        ...(bad(limits.maxFileBytes)
          ? { maxFileMb: t('validation.positiveNumber') }
          : limits.maxFileBytes > MAX_FILE_BYTES_CEILING
            ? { maxFileMb: t('validation.atMost', { max: format.number(MAX_FILE_BYTES_CEILING / (1024 * 1024)) }) }
            : {}),
        ...(bad(limits.maxInputPixels) ? { maxMegapixels: t('validation.positiveNumber') } : {}),
        ...(bad(limits.maxPdfPages) ? { maxPdfPages: t('validation.positiveNumber') } : {}),
        ...workerErrors,
      });
      return;
    }
    const saved = await host.call('settings.update', { ingestLimits: parsed.data, workerLimits });
    if (!saved.ok) {
      toast({ tone: 'error', message: t('settings.failed') });
      return;
    }
    toast({ message: t('settings.saved') });
    onClose();
  }

  const bind = (key: keyof Draft) => ({
    value: draft?.[key] ?? '',
    error: errors[key],
    inputMode: 'numeric' as const,
    onChange: (e: { target: { value: string } }) => setDraft((d) => (d ? { ...d, [key]: e.target.value } : d)),
  });

  return (
    <Dialog
      title={t('settings.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={() => setDraft(toDraft(DEFAULT_INGEST_LIMITS, DEFAULT_WORKER_LIMITS))}>
            {t('settings.resetDefaults')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={!draft}>
            {t('common.save')}
          </button>
        </>
      }
    >
      <form id={formId} className="form" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t('settings.intakeLimits')}</legend>
          <p className="field-hint">{t('settings.intakeLimitsHint')}</p>
          {/* The fields appear with the saved values: typing into an empty field that the answer then overwrote would be lost. */}
          {draft ? (
            <div className="form">
              <TextField label={t('settings.maxFileMb')} {...bind('maxFileMb')} />
              <TextField label={t('settings.maxMegapixels')} {...bind('maxMegapixels')} />
              <TextField label={t('settings.maxPdfPages')} {...bind('maxPdfPages')} />
            </div>
          ) : (
            <p className="muted" role="status">
              {t('app.loading')}
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('bounds.settingsTitle')}</legend>
          <p className="field-hint">{t('bounds.settingsHint')}</p>
          {draft ? (
            <div className="form">
              <TextField label={t('bounds.fileSeconds')} {...bind('fileSeconds')} />
              <TextField label={t('bounds.packSeconds')} {...bind('packSeconds')} />
              <TextField label={t('bounds.memoryMb')} {...bind('memoryMb')} />
            </div>
          ) : null}
        </fieldset>
      </form>
      <StorageStatus headingLevel={3} />
    </Dialog>
  );
}
