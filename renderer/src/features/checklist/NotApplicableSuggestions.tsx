import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '#shared/domain/participant.ts';
import type { ChecklistEntry, ChecklistItems, LabelItem, NotApplicableSuggestion } from '#shared/scoring/labelCheck.ts';
import { useFormat } from '../../i18n/format.ts';
import { useToast } from '../../ui/Toasts.tsx';
import type { ChecklistActions } from './useChecklistActions.ts';
import styles from './checklistPanel.module.css';
import { cx } from '../../ui/cx.ts';

interface Props {
  suggestions: readonly NotApplicableSuggestion[];
  items: ChecklistItems;
  category: Participant['category'];
  actions: ChecklistActions;
}

/** Items the participant's facts suggest are not applicable, each with its reason; applying them can be undone. */
export function NotApplicableSuggestions({ suggestions, items, category, actions }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const headingId = useId();
  const list = new Intl.ListFormat(format.locale, { type: 'conjunction' });

  async function apply(chosen: readonly LabelItem[]) {
    const before: Partial<Record<LabelItem, ChecklistEntry | null>> = {};
    for (const item of chosen) before[item] = items[item] ?? null;
    if (!(await actions.markNotApplicable(chosen))) return;
    toast({
      screen: true,
      message: t('checklistPanel.suggestions.applied', { items: list.format(chosen.map((item) => t(`checklist.items.${item}`))) }),
      undo: () => void actions.restore(before),
    });
  }

  return (
    <section className={cx(styles.checklistBox, styles.checklistSuggestions)} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('checklistPanel.suggestions.heading')}</h3>
      <p className="muted">{t('checklistPanel.suggestions.intro')}</p>
      <ul>
        {suggestions.map(({ item, reason }) => {
          const name = t(`checklist.items.${item}`);
          const current = items[item]?.status;
          return (
            <li key={item}>
              <strong>{name}</strong>
              {current ? <span className="muted"> · {t('checklistPanel.suggestions.currently', { status: t(`checklistPanel.status.${current}`) })}</span> : null}
              <p>{t(`checklistPanel.suggestions.reasons.${reason}`, { category: t(`categories.${category}`) })}</p>
              <button type="button" className="button button-small" onClick={() => void apply([item])}>
                {t('checklistPanel.suggestions.apply')}
                <span className="visually-hidden"> — {name}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {suggestions.length > 1 ? (
        <button type="button" className="button" onClick={() => void apply(suggestions.map((s) => s.item))}>
          {t('checklistPanel.suggestions.applyAll')}
        </button>
      ) : null}
    </section>
  );
}
