import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { useRubrics } from '../../data/rubricHooks.ts';
import { ensurePresetRubrics, type RubricFamily } from '../../data/rubricsRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { Loading } from '../../ui/Placeholders.tsx';
import { NewRubricDialog } from './NewRubricDialog.tsx';
import { useRubricFiles } from './rubricFileActions.ts';
import { rubricTitle } from './rubricText.ts';
import { useRubricActions } from './useRubricActions.ts';
import styles from './rubrics.module.css';
import { cx } from '../../ui/cx.ts';

/** The rubric library: every family with its versions, and what can be done with each. */
export function RubricsScreen() {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const navigate = useNavigate();
  const families = useRubrics();
  const files = useRubricFiles();
  const [creating, setCreating] = useState(false);
  const importInput = useRef<HTMLInputElement>(null);

  // The shipped presets appear on first visit (a no-op once stored, even archived).
  useEffect(() => {
    void ensurePresetRubrics(db).catch((error: unknown) => console.error(error));
  }, [db]);

  if (!families) return <Loading />;

  const byName = (a: RubricFamily, b: RubricFamily) =>
    rubricTitle(a.newest.name, t, i18n.language).localeCompare(rubricTitle(b.newest.name, t, i18n.language), i18n.language);
  const active = families.filter((f) => !f.archived).sort(byName);
  const archived = families.filter((f) => f.archived).sort(byName);

  async function take(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const id = await files.importFile(file);
    if (id) void navigate(`/rubrics/${id}`);
  }

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('rubrics.title')}</h1>
          <p className="lead muted">{t('rubrics.intro')}</p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => importInput.current?.click()}>
            {t('rubrics.import')}
          </button>
          <input
            ref={importInput}
            type="file"
            accept=".json,application/json"
            hidden
            tabIndex={-1}
            aria-label={t('rubrics.importLabel')}
            onChange={(e) => void take(e.currentTarget)}
          />
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('rubrics.newRubric')}
          </button>
        </div>
      </div>
      <FamilyTable families={active} caption={t('rubrics.tableCaption')} />
      {archived.length > 0 ? (
        <section aria-labelledby="rubrics-archived">
          <h2 id="rubrics-archived">{t('rubrics.archivedHeading')}</h2>
          <FamilyTable families={archived} caption={t('rubrics.archivedCaption')} />
        </section>
      ) : null}
      {creating ? (
        <NewRubricDialog onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/rubrics/${id}`)} />
      ) : null}
    </>
  );
}

function FamilyTable({ families, caption }: { families: readonly RubricFamily[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const actions = useRubricActions();
  const files = useRubricFiles();
  return (
    <table className={cx('table', styles.rubricTable)}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rubrics.name')}</th>
          <th scope="col">{t('rubrics.versions')}</th>
          <th scope="col" className="numeric">
            {t('rubrics.criteria')}
          </th>
          <th scope="col">{t('rubrics.updated')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {families.map((f) => {
          const name = rubricTitle(f.newest.name, t, i18n.language);
          // What "open" and the counts show: the draft being edited, else the newest published, else the newest.
          const main = f.draft ?? f.latestPublished ?? f.newest;
          const source = f.latestPublished ?? f.versions.find((r) => r.status !== 'draft') ?? null;
          const criteria = main.groups.reduce((n, g) => n + g.criteria.length, 0);
          return (
            <tr key={f.familyId}>
              <th scope="row">
                <Link to={`/rubrics/${main.id}`}>{name}</Link>
                {f.preset ? <span className="badge">{t('rubrics.presetBadge')}</span> : null}
              </th>
              <td>
                <ul className={styles.versionList}>
                  {f.versions.map((r) => {
                    const status = t(`rubrics.status.${r.status}`);
                    return (
                      <li key={r.id}>
                        <Link
                          to={`/rubrics/${r.id}`}
                          className={cx(styles.statusChip, styles[`status-${r.status}`] ?? `status-${r.status}`)}
                        >
                          <span className="visually-hidden">{t('rubrics.versionOf', { name })} </span>
                          {t('rubrics.versionLink', { version: r.version, status })}
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </td>
              <td className="numeric">{format.number(criteria)}</td>
              <td>{format.timestamp(f.newest.updatedAt)}</td>
              <td className="row-actions">
                {f.draft ? (
                  <Link
                    to={`/rubrics/${f.draft.id}`}
                    className="button button-small"
                    aria-label={t('rubrics.openDraftLabel', { name, version: f.draft.version })}
                  >
                    {t('rubrics.openDraft')}
                  </Link>
                ) : source ? (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('rubrics.newVersionLabel', { name })}
                    onClick={() => void actions.newVersion(source)}
                  >
                    {t('rubrics.newVersion')}
                  </button>
                ) : null}
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('rubrics.duplicateLabel', { name })}
                  onClick={() => void actions.duplicate(main)}
                >
                  {t('rubrics.duplicate')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('rubrics.exportLabel', { name, version: main.version })}
                  onClick={() => void files.exportFile(main.id)}
                >
                  {t('rubrics.export')}
                </button>
                {f.latestPublished ? (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('rubrics.archiveLabel', { name })}
                    onClick={() => void actions.archiveFamily(f.newest)}
                  >
                    {t('rubrics.archive')}
                  </button>
                ) : f.versions.some((r) => r.status === 'archived') ? (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('rubrics.unarchiveLabel', { name })}
                    onClick={() => void actions.unarchiveFamily(f.newest)}
                  >
                    {t('rubrics.unarchive')}
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
