import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PACKAGING_MATERIALS,
  PRODUCT_CATEGORIES,
  participantFieldsSchema,
  type Participant,
  type ParticipantFields,
} from '#shared/domain/participant.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { createParticipant, updateParticipant } from '../../data/participantsRepo.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { fieldErrors } from '../../ui/fieldErrors.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { saveErrorMessage } from '../../ui/errorMessage.ts';

/** The form keeps text as typed; it becomes ParticipantFields on save. */
interface Draft {
  business: string;
  owner: string;
  product: string;
  category: string;
  city: string;
  region: string;
  contact: string;
  registrationNumber: string;
  halalCertificate: string;
  netContent: string;
  packagingMaterial: string;
  widthMm: string;
  heightMm: string;
  depthMm: string;
}

function toDraft(p: Participant | null): Draft {
  const d = p?.packDimensions;
  return {
    business: p?.business ?? '',
    owner: p?.owner ?? '',
    product: p?.product ?? '',
    category: p?.category ?? '',
    city: p?.city ?? '',
    region: p?.region ?? '',
    contact: p?.contact ?? '',
    registrationNumber: p?.labelFacts.registrationNumber ?? '',
    halalCertificate: p?.labelFacts.halalCertificate ?? '',
    netContent: p?.labelFacts.netContent ?? '',
    packagingMaterial: p?.labelFacts.packagingMaterial ?? '',
    widthMm: d ? String(d.widthMm) : '',
    heightMm: d ? String(d.heightMm) : '',
    depthMm: d ? String(d.depthMm) : '',
  };
}

/** Reads a number typed with either decimal mark ("12,5" or "12.5"). */
function parseDecimal(text: string): number {
  return Number(text.trim().replace(',', '.'));
}

function fromDraft(draft: Draft, workshopId: string): unknown {
  const anyDimension = [draft.widthMm, draft.heightMm, draft.depthMm].some((v) => v.trim() !== '');
  return {
    workshopId,
    business: draft.business,
    owner: draft.owner,
    product: draft.product,
    category: draft.category,
    city: draft.city,
    region: draft.region,
    contact: draft.contact,
    labelFacts: {
      registrationNumber: draft.registrationNumber,
      halalCertificate: draft.halalCertificate,
      netContent: draft.netContent,
      packagingMaterial: draft.packagingMaterial || null,
    },
    packDimensions: anyDimension
      ? {
          widthMm: parseDecimal(draft.widthMm),
          heightMm: parseDecimal(draft.heightMm),
          depthMm: draft.depthMm.trim() === '' ? 0 : parseDecimal(draft.depthMm),
        }
      : null,
  };
}

interface Props {
  workshopId: string;
  participant: Participant | null;
  onClose: () => void;
}

export function ParticipantFormDialog({ workshopId, participant, onClose }: Props) {
  const { t } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  const formId = useId();
  const [draft, setDraft] = useState<Draft>(() => toDraft(participant));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const bind = (key: keyof Draft) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = participantFieldsSchema.safeParse(fromDraft(draft, workshopId), { reportInput: true });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, t));
      return;
    }
    setBusy(true);
    try {
      const fields: ParticipantFields = parsed.data;
      if (participant) {
        await updateParticipant(db, participant.id, fields, mentor.id);
        toast({ message: t('participants.updated') });
      } else {
        const created = await createParticipant(db, fields, mentor.id);
        toast({ message: t('participants.created', { name: created.business }) });
      }
      onClose();
    } catch (error) {
      toast({ tone: 'error', message: saveErrorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  }

  const categoryOptions = [
    { value: '', label: t('participants.chooseCategory') },
    ...PRODUCT_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) })),
  ];
  const materialOptions = [
    { value: '', label: t('participants.chooseMaterial') },
    ...PACKAGING_MATERIALS.map((m) => ({ value: m, label: t(`materials.${m}`) })),
  ];

  return (
    <Dialog
      wide
      title={participant ? t('participants.editTitle') : t('participants.createTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </>
      }
    >
      <form id={formId} className="form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="form-grid">
          <TextField label={t('participants.business')} required error={errors.business} {...bind('business')} />
          <TextField label={t('participants.owner')} autoComplete="off" error={errors.owner} {...bind('owner')} />
          <TextField label={t('participants.product')} error={errors.product} {...bind('product')} />
          <SelectField
            label={t('participants.category')}
            required
            options={categoryOptions}
            error={errors.category}
            {...bind('category')}
          />
          <TextField label={t('participants.city')} error={errors.city} {...bind('city')} />
          <TextField label={t('participants.region')} error={errors.region} {...bind('region')} />
          <TextField
            label={t('participants.contact')}
            hint={t('participants.contactHint')}
            error={errors.contact}
            {...bind('contact')}
          />
        </div>
        <fieldset>
          <legend>{t('participants.labelFacts')}</legend>
          <div className="form-grid">
            <TextField
              label={t('participants.registrationNumber')}
              hint={t('participants.registrationHint')}
              error={errors['labelFacts.registrationNumber']}
              {...bind('registrationNumber')}
            />
            <TextField
              label={t('participants.halalCertificate')}
              error={errors['labelFacts.halalCertificate']}
              {...bind('halalCertificate')}
            />
            <TextField
              label={t('participants.netContent')}
              error={errors['labelFacts.netContent']}
              {...bind('netContent')}
            />
            <SelectField
              label={t('participants.packagingMaterial')}
              options={materialOptions}
              error={errors['labelFacts.packagingMaterial']}
              {...bind('packagingMaterial')}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('participants.packDimensions')}</legend>
          <p className="field-hint">{t('participants.dimensionsHint')}</p>
          <div className="form-row">
            <TextField
              label={t('participants.widthMm')}
              inputMode="decimal"
              error={errors['packDimensions.widthMm']}
              {...bind('widthMm')}
            />
            <TextField
              label={t('participants.heightMm')}
              inputMode="decimal"
              error={errors['packDimensions.heightMm']}
              {...bind('heightMm')}
            />
            <TextField
              label={t('participants.depthMm')}
              inputMode="decimal"
              error={errors['packDimensions.depthMm']}
              {...bind('depthMm')}
            />
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}
