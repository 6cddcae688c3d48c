import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset } from '#shared/domain/asset.ts';
import type { Participant } from '#shared/domain/participant.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { useShownImageUrl } from '../faces/useShownImage.ts';
import { assignFromTray } from '../../data/submissionsRepo.ts';
import { FaceTypeSelect } from '../faces/FaceTypeSelect.tsx';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import { useToast } from '../../ui/Toasts.tsx';
import styles from './library.module.css';
import { cx } from '../../ui/cx.ts';

/** Data type of a tray face being dragged onto a participant. */
export const TRAY_DRAG_TYPE = 'application/x-kemas-tray-asset';

/** Assigns a tray face to a participant and says so. */
export function useAssignFromTray() {
  const { t } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  return async (assetId: string, participant: Pick<Participant, 'id' | 'business'>) => {
    try {
      const fileName = (await db.assets.get(assetId))?.fileName ?? '';
      await assignFromTray(db, assetId, participant.id, mentor.id);
      toast({ screen: true, message: t('tray.assigned', { file: fileName, business: participant.business }) });
    } catch (error) {
      toast({ tone: 'error', message: saveErrorMessage(error, t) });
    }
  };
}

interface TrayItemProps {
  asset: Asset;
  index: number;
  participants: readonly Participant[];
  /** Called with the item's index just before it is assigned (and leaves the tray). */
  onAssigning: (index: number) => void;
}

function TrayItemView({ asset, index, participants, onAssigning }: TrayItemProps) {
  const { t } = useTranslation();
  const url = useShownImageUrl(asset, 'thumbnail');
  const assign = useAssignFromTray();
  const [choice, setChoice] = useState('');
  const selectId = `tray-${asset.id}`;
  const chosen = participants.find((p) => p.id === choice);
  return (
    <li
      className={styles.trayItem}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(TRAY_DRAG_TYPE, asset.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div className={cx('face-frame', styles.trayThumb)}>{url ? <img src={url} alt="" /> : null}</div>
      <span className="file-name">{asset.fileName}</span>
      {/* The type the name said (or Lainnya): kept when the face is assigned, and chosen here when wrong. */}
      <FaceTypeSelect asset={asset} />
      <label htmlFor={selectId} className="visually-hidden">
        {t('tray.assignTo', { file: asset.fileName })}
      </label>
      <select id={selectId} className="tray-assign" value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">{t('tray.choose')}</option>
        {participants.map((p) => (
          <option key={p.id} value={p.id}>
            {p.business}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-small"
        disabled={!chosen}
        onClick={() => {
          if (!chosen) return;
          // Said before the write: the tray can change before the write's promise settles.
          onAssigning(index);
          void assign(asset.id, chosen);
        }}
      >
        {t('tray.assign')}
      </button>
    </li>
  );
}

/** What a tray row shows of its face; an edit also moves `updatedAt`. */
const sameRowFace = (a: Asset, b: Asset) =>
  a.id === b.id &&
  a.updatedAt === b.updatedAt &&
  a.face === b.face &&
  a.fileName === b.fileName &&
  a.sha256 === b.sha256 &&
  a.transform.quarterTurns === b.transform.quarterTurns &&
  a.transform.flipX === b.transform.flipX;

/**
 * A tray row renders again only when its face changed, not each time the
 * tray's query answers with fresh objects: while an import fills the tray,
 * each stored face redrew every row before it.
 */
const TrayItem = memo(
  TrayItemView,
  (before, after) =>
    sameRowFace(before.asset, after.asset) &&
    before.index === after.index &&
    before.participants === after.participants &&
    before.onAssigning === after.onAssigning,
);

/** Faces whose file names said nothing: the mentor sorts them by dragging or choosing. */
export function UnassignedTray({ tray, participants }: { tray: readonly Asset[]; participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const list = useRef<HTMLElement>(null);
  // After Tetapkan the item leaves the tray: the focus goes to the item now in its place (or the heading), not to the page.
  const refocus = useRef<number | null>(null);
  const onAssigning = useCallback((index: number) => {
    refocus.current = index;
  }, []);
  useEffect(() => {
    const index = refocus.current;
    if (index === null) return;
    refocus.current = null;
    const selects = list.current?.querySelectorAll<HTMLSelectElement>(`.${styles.trayItem} select.tray-assign`) ?? [];
    const next = selects[Math.min(index, selects.length - 1)];
    if (next) next.focus();
    else list.current?.querySelector<HTMLElement>('#tray-title')?.focus();
  }, [tray]);
  return (
    <section aria-labelledby="tray-title" className={styles.tray} ref={list}>
      <h2 id="tray-title" tabIndex={-1}>
        {t('tray.title')}
      </h2>
      <p className="muted">{t('tray.intro')}</p>
      {tray.length === 0 ? (
        <p>{t('tray.empty')}</p>
      ) : (
        <ul className={styles.trayList}>
          {tray.map((asset, index) => (
            <TrayItem key={asset.id} asset={asset} index={index} participants={participants} onAssigning={onAssigning} />
          ))}
        </ul>
      )}
    </section>
  );
}
