import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Participant } from '#shared/domain/participant.ts';
import type { Workshop } from '#shared/domain/workshop.ts';
import { RowActions } from '../../ui/RowActions.tsx';
import { TRAY_DRAG_TYPE, useAssignFromTray } from '../library/UnassignedTray.tsx';
import styles from './participants.module.css';

interface Props {
  workshop: Workshop;
  participants: readonly Participant[];
  onEdit: (p: Participant) => void;
  onDelete: (p: Participant) => void;
}

/** The workshop's participants; a face dragged from the tray can be dropped on a row. */
export function ParticipantsTable({ workshop, participants, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const assign = useAssignFromTray();
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  return (
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
          <tr
            key={p.id}
            className={dropTarget === p.id ? styles.rowDropTarget : undefined}
            title={dropTarget === p.id ? t('tray.dropOnRow', { business: p.business }) : undefined}
            onDragOver={(event) => {
              if (!Array.from(event.dataTransfer.types).includes(TRAY_DRAG_TYPE)) return;
              event.preventDefault();
              setDropTarget(p.id);
            }}
            onDragLeave={() => setDropTarget((current) => (current === p.id ? null : current))}
            onDrop={(event) => {
              const assetId = event.dataTransfer.getData(TRAY_DRAG_TYPE);
              if (!assetId) return;
              event.preventDefault();
              setDropTarget(null);
              void assign(assetId, p);
            }}
          >
            <th scope="row">
              <Link to={`/workshops/${workshop.id}/participants/${p.id}`}>{p.business}</Link>
            </th>
            <td>{p.owner || t('common.notSet')}</td>
            <td>{p.product || t('common.notSet')}</td>
            <td>{t(`categories.${p.category}`)}</td>
            <td>{p.city || t('common.notSet')}</td>
            <td>{p.contact || t('common.notSet')}</td>
            <RowActions
              editLabel={t('participants.editLabel', { name: p.business })}
              deleteLabel={t('participants.deleteLabel', { name: p.business })}
              onEdit={() => onEdit(p)}
              onDelete={() => onDelete(p)}
            />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
