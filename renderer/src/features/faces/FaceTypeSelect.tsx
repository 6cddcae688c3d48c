import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FACES, type Asset } from '#shared/domain/asset.ts';
import { useCorrectFace } from './useCorrectFace.ts';

/** A face's type as a labelled select that saves on change (the tray, the import report, the face page). */
export function FaceTypeSelect({ asset, label }: { asset: Pick<Asset, 'id' | 'face' | 'fileName'>; label?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const correct = useCorrectFace();
  return (
    <span className="face-type-select">
      <label htmlFor={id} className="visually-hidden">
        {label ?? t('faceEdit.typeOf', { file: asset.fileName })}
      </label>
      <select id={id} value={asset.face} onChange={(event) => void correct.setType(asset, event.target.value as Asset['face'])}>
        {FACES.map((face) => (
          <option key={face} value={face}>
            {t(`faces.${face}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
