import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_LIST_KEYS, type ActionListKey, type ActionLists } from '#shared/scoring/actionItems.ts';
import { useCoalescedText } from './useCoalescedText.ts';
import styles from './scoring.module.css';
import { cx } from '../../ui/cx.ts';

interface Props {
  lists: ActionLists;
  disabled: boolean;
  /** How many items "gather" would add now. */
  newFromAnnotations: number;
  onGather: () => void;
  /** Changes one list, given as it is stored when the change is saved. */
  onChange: (key: ActionListKey, change: (items: string[]) => string[]) => void;
  onRemoved: (key: ActionListKey, index: number, text: string) => void;
}

/** Must-fix items, suggestions and strengths: gathered from the annotations, every item editable. */
export function ActionListsEditor({ lists, disabled, newFromAnnotations, onGather, onChange, onRemoved }: Props) {
  const { t } = useTranslation();
  return (
    <section className={cx(styles.scoringSection, styles.actionLists)} aria-labelledby="action-lists-title">
      <div className={styles.sectionHead}>
        <h3 id="action-lists-title">{t('scoring.listsTitle')}</h3>
        {/* aria-disabled, not disabled: after gathering, the keyboard focus stays on the button instead of dropping to the page. */}
        <button
          type="button"
          className="button button-small"
          aria-disabled={disabled || newFromAnnotations === 0}
          onClick={() => {
            if (!disabled && newFromAnnotations > 0) onGather();
          }}
        >
          {newFromAnnotations > 0 ? t('scoring.gatherNew', { count: newFromAnnotations }) : t('scoring.gather')}
        </button>
      </div>
      {!disabled && newFromAnnotations === 0 ? <p className="field-hint">{t('scoring.gatherNone')}</p> : null}
      {ACTION_LIST_KEYS.map((key) => (
        <ActionList
          key={key}
          listKey={key}
          items={lists[key]}
          disabled={disabled}
          onChange={(change) => onChange(key, change)}
          onRemove={(index) => {
            onChange(key, (items) => items.filter((_, i) => i !== index));
            onRemoved(key, index, lists[key][index] ?? '');
          }}
        />
      ))}
    </section>
  );
}

function ActionList({
  listKey,
  items,
  disabled,
  onChange,
  onRemove,
}: {
  listKey: ActionListKey;
  items: readonly string[];
  disabled: boolean;
  onChange: (change: (items: string[]) => string[]) => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const list = t(`scoring.lists.${listKey}`);
  const add = () => {
    const text = draft.trim();
    if (!text) return;
    onChange((stored) => [...stored, text]);
    setDraft('');
  };
  return (
    <div className={`action-list action-list-${listKey}`}>
      <h4>
        {list} <span className={styles.count}>({items.length})</span>
      </h4>
      {items.length === 0 ? <p className="muted">{t('scoring.emptyList')}</p> : null}
      <ol>
        {items.map((item, index) => (
          // Items have no ids. Keyed by place: after a removal the rows below show their new text,
          // and no row is remounted with a stale edit to save.
          <ActionItem
            key={index}
            text={item}
            label={t('scoring.item', { list, n: index + 1 })}
            removeLabel={t('scoring.removeItem', { list, n: index + 1 })}
            disabled={disabled}
            onSave={(text) => onChange((stored) => stored.map((x, i) => (i === index ? text : x)))}
            onRemove={() => onRemove(index)}
          />
        ))}
      </ol>
      {disabled ? null : (
        <div className={styles.actionAdd}>
          <input
            aria-label={t('scoring.newItem', { list })}
            value={draft}
            maxLength={2000}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button button-small" onClick={add} disabled={!draft.trim()}>
            {t('scoring.addItem')}
          </button>
        </div>
      )}
    </div>
  );
}

function ActionItem({
  text,
  label,
  removeLabel,
  disabled,
  onSave,
  onRemove,
}: {
  text: string;
  label: string;
  removeLabel: string;
  disabled: boolean;
  onSave: (text: string) => void;
  onRemove: () => void;
}) {
  const field = useCoalescedText(text, onSave);
  return (
    <li>
      <textarea
        rows={1}
        aria-label={label}
        value={field.value}
        maxLength={2000}
        disabled={disabled}
        onChange={(e) => field.type(e.target.value)}
        onBlur={field.flush}
      />
      {disabled ? null : (
        <button type="button" className="button button-small button-quiet" aria-label={removeLabel} title={removeLabel} onClick={onRemove}>
          ×
        </button>
      )}
    </li>
  );
}
