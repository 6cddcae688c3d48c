import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useRubric, useRubricFamily } from '../../data/rubricHooks.ts';
import { Loading, NotFound } from '../../ui/Placeholders.tsx';
import { DraftEditor } from './DraftEditor.tsx';
import { RubricReadOnly } from './RubricReadOnly.tsx';
import { useRubricFiles } from './rubricFileActions.ts';
import { rubricTitle } from './rubricText.ts';
import { useRubricActions } from './useRubricActions.ts';
import styles from './rubrics.module.css';
import { cx } from '../../ui/cx.ts';

/** One rubric version: the editor for a draft, a read-only view with "Make new version" otherwise. */
export function RubricEditorScreen() {
  const { rubricId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const rubric = useRubric(rubricId);
  const family = useRubricFamily(rubric?.familyId);
  const actions = useRubricActions();
  const files = useRubricFiles();

  if (rubric === undefined) return <Loading />;
  if (rubric === null) return <NotFound />;

  const title = rubricTitle(rubric.name, t, i18n.language);
  const status = t(`rubrics.status.${rubric.status}`);
  const others = (family ?? []).filter((r) => r.id !== rubric.id);
  const draft = rubric.status === 'draft';
  return (
    <>
      <nav aria-label="breadcrumb" className="breadcrumb">
        <Link to="/rubrics">{t('rubrics.breadcrumb')}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{title}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          <p className="muted">
            <span className={cx(styles.statusChip, styles[`status-${rubric.status}`] ?? `status-${rubric.status}`)}>{t('rubrics.versionLine', { version: rubric.version, status })}</span>
            {others.length > 0 ? (
              <>
                {' · '}
                {t('rubrics.otherVersions')}:{' '}
                {others.map((r, i) => (
                  <span key={r.id}>
                    {i > 0 ? ', ' : null}
                    <Link to={`/rubrics/${r.id}`}>
                      <span className="visually-hidden">{t('rubrics.versionOf', { name: title })} </span>
                      {t('rubrics.versionLink', { version: r.version, status: t(`rubrics.status.${r.status}`) })}
                    </Link>
                  </span>
                ))}
              </>
            ) : null}
          </p>
        </div>
        <div className="toolbar">
          {!draft ? (
            <button type="button" className="button button-primary" onClick={() => void actions.newVersion(rubric)}>
              {t('rubrics.makeNewVersion')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => void files.exportFile(rubric.id)}>
            {t('rubrics.export')}
          </button>
          <button type="button" className="button" onClick={() => void actions.duplicate(rubric)}>
            {t('rubrics.duplicate')}
          </button>
          {rubric.status === 'published' ? (
            <button type="button" className="button" onClick={() => void actions.archiveVersion(rubric)}>
              {t('rubrics.archiveVersion')}
            </button>
          ) : rubric.status === 'archived' ? (
            <button type="button" className="button" onClick={() => void actions.unarchiveVersion(rubric)}>
              {t('rubrics.unarchiveVersion')}
            </button>
          ) : null}
        </div>
      </div>
      {draft ? (
        <DraftEditor key={rubric.id} rubric={rubric} />
      ) : (
        <>
          <p className="notes">{t('rubrics.readOnlyNote', { status: status.toLowerCase() })}</p>
          <RubricReadOnly rubric={rubric} />
        </>
      )}
    </>
  );
}
