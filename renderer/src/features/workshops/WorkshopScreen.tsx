import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Participant } from '#shared/domain/participant.ts';
import { useCommand } from '../../app/commands.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { useParticipants, useTray, useWorkshop } from '../../data/hooks.ts';
import { deleteParticipant, restoreParticipant } from '../../data/participantsRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { tabPanelProps, Tabs } from '../../ui/Tabs.tsx';
import { useDeleteWithUndo } from '../../ui/useDeleteWithUndo.ts';
import { ImportButtons } from '../intake/ImportButtons.tsx';
import { IntakeDropZone } from '../intake/IntakeDropZone.tsx';
import { RosterImport } from '../intake/RosterImport.tsx';
import { LibraryGallery } from '../library/LibraryGallery.tsx';
import { UnassignedTray } from '../library/UnassignedTray.tsx';
import { ParticipantFormDialog } from '../participants/ParticipantFormDialog.tsx';
import { ParticipantsTable } from '../participants/ParticipantsTable.tsx';
import { SessionsSection } from '../sessions/SessionsSection.tsx';
import { WorkshopFormDialog } from './WorkshopFormDialog.tsx';
import { BatchExportDialog } from '../packs/BatchExportDialog.tsx';
import { BundleExportButtons } from '../bundles/BundleExportButtons.tsx';
import { Loading, NotFound } from '../../ui/Placeholders.tsx';
import styles from '../intake/intake.module.css';
import { cx } from '../../ui/cx.ts';

type View = 'participants' | 'gallery' | 'tray' | 'sessions';
const VIEWS: readonly View[] = ['participants', 'gallery', 'tray', 'sessions'];

export function WorkshopScreen() {
  const { workshopId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { t } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const deleteWithUndo = useDeleteWithUndo();
  const format = useFormat();
  const workshop = useWorkshop(workshopId);
  const participants = useParticipants(workshopId);
  const tray = useTray(workshopId);
  const [editingWorkshop, setEditingWorkshop] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [editing, setEditing] = useState<Participant | 'new' | null>(null);
  const view: View = VIEWS.find((v) => v === search.get('view')) ?? 'participants';
  const setView = (next: View) => setSearch(next === 'participants' ? {} : { view: next }, { replace: true });

  useCommand('participant.new', () => {
    if (workshop) setEditing('new');
  });

  if (workshop === undefined || participants === undefined || tray === undefined) {
    return <Loading />;
  }
  if (workshop === null) {
    return <NotFound />;
  }

  function remove(p: Participant) {
    return deleteWithUndo({
      remove: () => deleteParticipant(db, p.id, mentor.id),
      restore: () => restoreParticipant(db, p.id, mentor.id),
      deleted: t('participants.deleted', { name: p.business }),
      restored: t('participants.restored', { name: p.business }),
    });
  }

  const target = { kind: 'workshop', workshopId: workshop.id } as const;
  const dates = format.dateRange(workshop.startDate, workshop.endDate);
  return (
    <IntakeDropZone target={target}>
      <nav aria-label="breadcrumb" className="breadcrumb">
        <Link to="/">{t('workshops.title')}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{workshop.name}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{workshop.name}</h1>
          <p className="muted">{[workshop.region, workshop.venue, dates].filter(Boolean).join(' · ')}</p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setEditingWorkshop(true)}>
            {t('workshops.editTitle')}
          </button>
          <ImportButtons target={target} />
          <RosterImport workshopId={workshop.id} />
          <button type="button" className="button" onClick={() => setExporting(true)}>
            {t('batch.open')}
          </button>
          <Link className="button" to={`/handout?workshop=${encodeURIComponent(workshop.id)}`}>
            {t('handout.open')}
          </Link>
          <BundleExportButtons workshopId={workshop.id} workshopName={workshop.name} />
          <button type="button" className="button button-primary" onClick={() => setEditing('new')} aria-keyshortcuts="p">
            {t('participants.new')}
          </button>
        </div>
      </div>
      {workshop.notes ? <p className="notes">{workshop.notes}</p> : null}
      <p className={cx('muted', styles.dropHint)}>{t('intake.dropHint')}</p>
      <Tabs
        label={t('library.tabsLabel')}
        idPrefix="workshop-view"
        selected={view}
        onSelect={setView}
        tabs={[
          { key: 'participants', label: `${t('library.tabParticipants')} (${format.number(participants.length)})` },
          { key: 'gallery', label: t('library.tabGallery') },
          { key: 'tray', label: t('library.tabTray', { count: tray.length }) },
          { key: 'sessions', label: t('sessions.title') },
        ]}
      />
      <div {...tabPanelProps('workshop-view', view)} className="tab-panel">
        {view === 'participants' ? (
          participants.length === 0 ? (
            <EmptyState title={t('participants.emptyTitle')} body={t('participants.emptyBody')}>
              <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
                {t('participants.new')}
              </button>
            </EmptyState>
          ) : (
            <ParticipantsTable workshop={workshop} participants={participants} onEdit={setEditing} onDelete={(p) => void remove(p)} />
          )
        ) : null}
        {view === 'gallery' ? <LibraryGallery workshop={workshop} /> : null}
        {view === 'tray' ? <UnassignedTray tray={tray} participants={participants} /> : null}
        {view === 'sessions' ? <SessionsSection workshop={workshop} /> : null}
      </div>
      {view === 'participants' && tray.length > 0 ? (
        <UnassignedTray tray={tray} participants={participants} />
      ) : null}
      {editingWorkshop ? <WorkshopFormDialog workshop={workshop} onClose={() => setEditingWorkshop(false)} /> : null}
      {exporting ? <BatchExportDialog scope={{ kind: 'workshop', workshopId: workshop.id }} name={workshop.name} onClose={() => setExporting(false)} /> : null}
      {editing ? (
        <ParticipantFormDialog
          workshopId={workshop.id}
          participant={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </IntakeDropZone>
  );
}
