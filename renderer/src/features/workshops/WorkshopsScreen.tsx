import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Workshop } from '#shared/domain/workshop.ts';
import { useCommand } from '../../app/commands.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { useWorkshopCounts, useWorkshops } from '../../data/hooks.ts';
import { deleteWorkshop, restoreWorkshop } from '../../data/workshopsRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { RowActions } from '../../ui/RowActions.tsx';
import { useDeleteWithUndo } from '../../ui/useDeleteWithUndo.ts';
import { ImportBundleButton } from '../bundles/BundleImportHost.tsx';
import { DemoButton } from '../demo/DemoButton.tsx';
import { DEMO_WORKSHOP_ID } from '../demo/demoWorkshop.ts';
import { WorkshopFormDialog } from './WorkshopFormDialog.tsx';
import { Loading } from '../../ui/Placeholders.tsx';

export function WorkshopsScreen() {
  const { t } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const deleteWithUndo = useDeleteWithUndo();
  const navigate = useNavigate();
  const format = useFormat();
  const workshops = useWorkshops();
  const counts = useWorkshopCounts();
  const [editing, setEditing] = useState<Workshop | 'new' | null>(null);

  useCommand('workshop.new', () => setEditing('new'));

  function remove(workshop: Workshop) {
    return deleteWithUndo({
      remove: () => deleteWorkshop(db, workshop.id, mentor.id),
      restore: () => restoreWorkshop(db, workshop.id, mentor.id),
      deleted: t('workshops.deleted', { name: workshop.name }),
      restored: t('workshops.restored', { name: workshop.name }),
    });
  }

  if (!workshops) return <Loading />;

  return (
    <>
      <div className="page-header">
        <h1>{t('workshops.title')}</h1>
        <div className="toolbar">
          {workshops.length > 0 && !workshops.some((w) => w.id === DEMO_WORKSHOP_ID) ? <DemoButton /> : null}
          <ImportBundleButton />
          <button type="button" className="button button-primary" onClick={() => setEditing('new')} aria-keyshortcuts="n">
            {t('workshops.new')}
          </button>
        </div>
      </div>
      {workshops.length === 0 ? (
        <EmptyState title={t('workshops.emptyTitle')} body={t('workshops.emptyBody')}>
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            {t('workshops.new')}
          </button>
          <DemoButton />
        </EmptyState>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('workshops.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workshops.name')}</th>
              <th scope="col">{t('workshops.region')}</th>
              <th scope="col">{t('workshops.dates')}</th>
              <th scope="col" className="numeric">
                {t('workshops.participants')}
              </th>
              <th scope="col" className="numeric">
                {t('workshops.submissions')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {workshops.map((w) => {
              const c = counts?.get(w.id);
              return (
                <tr key={w.id}>
                  <th scope="row">
                    <Link to={`/workshops/${w.id}`}>{w.name}</Link>
                    {w.id === DEMO_WORKSHOP_ID ? <span className="badge">{t('demo.badge')}</span> : null}
                  </th>
                  <td>{w.region || t('common.notSet')}</td>
                  <td>{format.dateRange(w.startDate, w.endDate) ?? t('common.notSet')}</td>
                  <td className="numeric">{format.number(c?.participants ?? 0)}</td>
                  <td className="numeric">{format.number(c?.submissions ?? 0)}</td>
                  <RowActions
                    editLabel={t('workshops.editLabel', { name: w.name })}
                    deleteLabel={t('workshops.deleteLabel', { name: w.name })}
                    onEdit={() => setEditing(w)}
                    onDelete={() => void remove(w)}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editing ? (
        <WorkshopFormDialog
          workshop={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(w) => void navigate(`/workshops/${w.id}`)}
        />
      ) : null}
    </>
  );
}
