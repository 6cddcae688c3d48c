import { render, screen } from '@testing-library/react';
import { useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Annotation } from '#shared/domain/annotation.ts';
import type { Participant } from '#shared/domain/participant.ts';
import { DatabaseProvider } from '#renderer/src/data/DatabaseProvider.tsx';
import { openDatabase } from '#renderer/src/data/db.ts';
import { useAllAnnotations } from '#renderer/src/data/hooks.ts';
import { createMentor } from '#renderer/src/data/mentorsRepo.ts';
import { ChecklistPanel } from '#renderer/src/features/checklist/ChecklistPanel.tsx';
import { createI18n } from '#renderer/src/i18n/i18n.ts';
import { ToastProvider } from '#renderer/src/ui/Toasts.tsx';

let counter = 0;

export const SUBMISSION = 'submission-1';

export function participant(changes: Partial<Participant['labelFacts']> = {}, category: Participant['category'] = 'food'): Participant {
  return {
    id: 'participant-1',
    createdAt: 1,
    updatedAt: 1,
    updatedBy: 'system',
    deletedAt: null,
    revisions: {},
    workshopId: 'workshop-1',
    business: 'Sambal Bu Rini',
    owner: 'Rini',
    product: 'Sambal bawang',
    category,
    city: 'Malang',
    region: 'Malang',
    contact: '',
    labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '150 g', packagingMaterial: null, ...changes },
    packDimensions: null,
  };
}

export function annotation(id: string, mentorId: string, number: number, changes: Partial<Annotation> = {}): Annotation {
  return {
    id,
    createdAt: 1,
    updatedAt: 1,
    updatedBy: mentorId,
    deletedAt: null,
    revisions: {},
    assetId: 'asset-1',
    submissionId: SUBMISSION,
    mentorId,
    authorKeyId: null,
    number,
    shape: { kind: 'pin', at: { x: 40, y: 60 } },
    category: 'label-information',
    severity: 'must-fix',
    comment: '',
    link: null,
    ...changes,
  };
}

/** The panel as the review screen will mount it: live annotations of the submission, from the database. */
function Harness(props: { participant: Participant; mentorId: string; readOnly: boolean; onShow: (id: string) => void; names: ReadonlyMap<string, string> }) {
  const all = useAllAnnotations(SUBMISSION);
  const live = useMemo(() => (all ?? []).filter((a) => a.deletedAt === null), [all]);
  return (
    <ChecklistPanel
      submissionId={SUBMISSION}
      participant={props.participant}
      mentorId={props.mentorId}
      annotations={live}
      readOnly={props.readOnly}
      onShowAnnotation={props.onShow}
      mentorNames={props.names}
      currentYear={2026}
    />
  );
}

/** A fresh database with mentor Dewi (and Budi), the annotations given, and the panel for Dewi (or `as`). */
export async function renderChecklist(options: {
  participant?: Participant;
  annotations?: (ids: { dewi: string; budi: string }) => Annotation[];
  language?: 'id' | 'en';
  readOnly?: boolean;
  as?: 'dewi' | 'budi';
  onShow?: (id: string) => void;
}) {
  const db = openDatabase(`checklist-panel-${++counter}`);
  const budi = await createMentor(db, { name: 'Budi', organisation: 'Dinas Koperasi' });
  const dewi = await createMentor(db, { name: 'Dewi', organisation: 'Rumah Kurasi' });
  const ids = { dewi: dewi.id, budi: budi.id };
  await db.annotations.bulkAdd(options.annotations?.(ids) ?? []);
  const i18n = await createI18n(options.language ?? 'id');
  const mentorId = ids[options.as ?? 'dewi'];
  const view = render(
    <I18nextProvider i18n={i18n}>
      <DatabaseProvider db={db}>
        <ToastProvider>
          <Harness
            participant={options.participant ?? participant()}
            mentorId={mentorId}
            readOnly={options.readOnly ?? false}
            onShow={options.onShow ?? (() => {})}
            names={new Map([[dewi.id, dewi.name], [budi.id, budi.name]])}
          />
        </ToastProvider>
      </DatabaseProvider>
    </I18nextProvider>,
  );
  // The panel shows once its checklist query has answered.
  await screen.findByRole('heading', { level: 2, name: i18n.t('checklistPanel.title') });
  return { db, ids, mentorId, key: { submissionId: SUBMISSION, mentorId }, ...view };
}
