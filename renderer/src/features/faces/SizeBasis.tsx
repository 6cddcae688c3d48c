import { useTranslation } from 'react-i18next';
import type { Asset } from '#shared/domain/asset.ts';
import type { Participant } from '#shared/domain/participant.ts';
import { faceSizeBasis } from '#shared/intake/faceReadiness.ts';
import { useFormat } from '../../i18n/format.ts';
import { FaceTypeSelect } from './FaceTypeSelect.tsx';

/** `lebar × tinggi kemasan (140 × 220 mm) untuk sisi Depan`: which pack dimensions this face's sizes rest on. */
export function useBasisText(face: Pick<Asset, 'face'>, pack: Participant['packDimensions']): string | null {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const basis = faceSizeBasis(face.face, pack);
  if (basis.kind !== 'pack') return null;
  const [first, second] = basis.dimensions;
  return t('faceEdit.basisPack', {
    first: t(`faceEdit.dimensions.${first}`),
    second: t(`faceEdit.dimensions.${second}`),
    size: `${format.number(basis.size.widthMm)} × ${format.number(basis.size.heightMm)}`,
    face: t(`faces.${face.face}`).toLocaleLowerCase(i18n.language),
  });
}

/**
 * What the measure tool rests on for this face: the pack dimensions of its
 * type; or, for a face of unknown type, a question for its type (with the
 * choice right there) instead of a claim that the pack size is missing.
 */
export function MeasureBasis({ face, pack }: { face: Asset; pack: Participant['packDimensions'] }) {
  const { t } = useTranslation();
  const text = useBasisText(face, pack);
  const basis = faceSizeBasis(face.face, pack);
  if (basis.kind === 'pack') return <p className="muted measure-basis">{t('faceEdit.measureBasis', { basis: text })}</p>;
  if (basis.kind === 'unknown-face') {
    return (
      <p className="measure-basis warning-text">
        {t('faceEdit.measureUnknown')} <FaceTypeSelect asset={face} />
      </p>
    );
  }
  if (basis.kind === 'sheet') return <p className="muted measure-basis">{t('faceEdit.sheet', { face: t(`faces.${face.face}`) })}</p>;
  return <p className="muted measure-basis">{t('faceEdit.measureNoPack')}</p>;
}
