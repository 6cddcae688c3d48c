import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Participant } from '../../../../shared/domain/participant.ts';
import { useCommand } from '../../app/commands.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { useParticipants, useWorkshop } from '../../data/hooks.ts';
import { deleteParticipant, restoreParticipant } from '../../data/participantsRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useToast } from '../../ui/Toasts.tsx';
import { ParticipantFormDialog } from '../participants/ParticipantFormDialog.tsx';
import { WorkshopFormDialog } from './WorkshopFormDialog.tsx';
import { saveErrorMessage } from '../../ui/errorMessage.ts';

export function WorkshopScreen() {
  const { workshopId = '' } = useParams();
  const { t } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  const format = useFormat();
  const workshop = useWorkshop(workshopId);
  const participants = useParticipants(workshopId);
  const [editingWorkshop, setEditingWorkshop] = useState(false);
  const [editing, setEditing] = useState<Participant | 'new' | null>(null);

  useCommand('participant.new', () => {
    if (workshop) setEditing('new');
  });

  if (workshop === undefined || participants === undefined) return <p className="loading">{t('app.loading')}</p>;
  if (workshop === null) {
    return (
      <EmptyState title={t('errors.notFound')} body="">
        <Link to="/">{t('common.back')}</Link>
      </EmptyState>
    );
  }

  async function remove(p: Participant) {
    try {
      await deleteParticipant(db, p.id, mentor.id);
    } catch (error) {
      toast({ tone: 'error', message: saveErrorMessage(error, t) });
      return;
    }
    toast({
      message: t('participants.deleted', { name: p.business }),
      undo: async () => {
        try {
          await restoreParticipant(db, p.id, mentor.id);
          toast({ message: t('participants.restored', { name: p.business }) });
        } catch (error) {
          toast({ tone: 'error', message: saveErrorMessage(error, t) });
        }
      },
    });
  }

  const dates = format.dateRange(workshop.startDate, workshop.endDate);
  return (
    <>
      <nav aria-label="breadcrumb" className="breadcrumb">
        <Link to="/">{t('workshops.title')}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{workshop.name}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{workshop.name}</h1>
          <p className="muted">
            {[workshop.region, workshop.venue, dates].filter(Boolean).join(' · ')}
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setEditingWorkshop(true)}>
            {t('workshops.editTitle')}
          </button>
          <button type="button" className="button button-primary" onClick={() => setEditing('new')} aria-keyshortcuts="p">
            {t('participants.new')}
          </button>
        </div>
      </div>
      {workshop.notes ? <p className="notes">{workshop.notes}</p> : null}
      <h2>
        {t('participants.title')} <span className="count">({format.number(participants.length)})</span>
      </h2>
      {participants.length === 0 ? (
        <EmptyState title={t('participants.emptyTitle')} body={t('participants.emptyBody')}>
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            {t('participants.new')}
          </button>
        </EmptyState>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('participants.tableCaption', { workshop: workshop.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('participants.business')}</th>
              <th scope="col">{t('participants.owner')}</th>
              <th scope="col">{t('participants.product')}</th>
              <th scope="col">{t('participants.category')}</th>
              <th scope="col">{t('participants.city')}</th>
              <th scope="col">{t('participants.contact')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {participants.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/workshops/${workshop.id}/participants/${p.id}`}>{p.business}</Link>
                </th>
                <td>{p.owner || t('common.notSet')}</td>
                <td>{p.product || t('common.notSet')}</td>
                <td>{t(`categories.${p.category}`)}</td>
                <td>{p.city || t('common.notSet')}</td>
                <td>{p.contact || t('common.notSet')}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('participants.editLabel', { name: p.business })}
                    onClick={() => setEditing(p)}
                  >
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button-small button-danger"
                    aria-label={t('participants.deleteLabel', { name: p.business })}
                    onClick={() => void remove(p)}
                  >
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editingWorkshop ? <WorkshopFormDialog workshop={workshop} onClose={() => setEditingWorkshop(false)} /> : null}
      {editing ? (
        <ParticipantFormDialog
          workshopId={workshop.id}
          participant={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
