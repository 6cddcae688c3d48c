import { useTranslation } from 'react-i18next';

/** Edit and Delete at the end of a table row, named for the row so a screen reader says which. */
export function RowActions({
  editLabel,
  deleteLabel,
  onEdit,
  onDelete,
}: {
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <td className="row-actions">
      <button type="button" className="button button-small" aria-label={editLabel} onClick={onEdit}>
        {t('common.edit')}
      </button>
      <button type="button" className="button button-small button-danger" aria-label={deleteLabel} onClick={onDelete}>
        {t('common.delete')}
      </button>
    </td>
  );
}
