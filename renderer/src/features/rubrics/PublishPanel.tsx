import { useTranslation } from 'react-i18next';
import type { PublishProblem, RubricContent } from '#shared/scoring/rubricRules.ts';
import { describeProblem, focusField } from './rubricText.ts';
import type { SaveState } from './useDraftEditing.ts';
import styles from './rubrics.module.css';
import { cx } from '../../ui/cx.ts';

/**
 * The draft's side panel: whether it is saved, undo and redo, and Publish,
 * which stays disabled with every reason listed (each with a way to its field)
 * until the rubric can be published.
 */
export function PublishPanel({
  content,
  problems,
  saveState,
  canUndo,
  canRedo,
  busy,
  onUndo,
  onRedo,
  onPublish,
  onDelete,
}: {
  content: RubricContent;
  problems: readonly PublishProblem[];
  saveState: SaveState;
  canUndo: boolean;
  canRedo: boolean;
  busy: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onPublish: () => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ready = problems.length === 0;
  return (
    <section className={cx('panel', styles.rubricPublish)} aria-label={t('rubrics.publish')}>
      <p className={saveState === 'failed' ? cx(styles.saveState, styles.saveStateFailed) : styles.saveState} role="status">
        {saveState === 'saving' ? t('rubrics.saving') : saveState === 'failed' ? t('rubrics.saveFailed') : t('rubrics.saved')}
      </p>
      <div className="toolbar">
        <button type="button" className="button button-small" disabled={!canUndo} onClick={onUndo} aria-keyshortcuts="Control+Z">
          {t('rubrics.undo')}
        </button>
        <button type="button" className="button button-small" disabled={!canRedo} onClick={onRedo} aria-keyshortcuts="Control+Shift+Z">
          {t('rubrics.redo')}
        </button>
        <button type="button" className="button button-small button-danger" onClick={onDelete}>
          {t('rubrics.deleteDraft')}
        </button>
      </div>
      <p className="field-hint">{t('rubrics.undoHint')}</p>
      <button
        type="button"
        className={cx('button', 'button-primary', styles.rubricPublishButton)}
        disabled={!ready || busy}
        aria-describedby="rubric-publish-state"
        onClick={onPublish}
      >
        {t('rubrics.publish')}
      </button>
      <div id="rubric-publish-state">
        {ready ? (
          <p className="ok-text">{t('rubrics.publishReady')}</p>
        ) : (
          <>
            <p className={styles.publishBlocked}>{t('rubrics.publishBlocked')}</p>
            <ul className={styles.publishProblems}>
              {problems.map((p, i) => {
                const { text, fieldId } = describeProblem(content, p, t, i18n.language);
                return (
                  <li key={`${p.code}-${p.groupId ?? ''}-${p.criterionId ?? ''}-${i}`}>
                    {fieldId ? (
                      <button type="button" className={styles.linkButton} title={t('rubrics.goTo')} onClick={() => focusField(fieldId)}>
                        {text}
                      </button>
                    ) : (
                      text
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
