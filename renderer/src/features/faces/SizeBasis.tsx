import { useTranslation } from 'react-i18next';
import type { Asset } from '#shared/domain/asset.ts';
import type { Participant } from '#shared/domain/participant.ts';
import { faceSizeBasis, liesAcrossPack } from '#shared/intake/faceReadiness.ts';
import { useFormat } from '../../i18n/format.ts';
import { FaceTypeSelect } from './FaceTypeSelect.tsx';

/**
 * `lebar × tinggi kemasan (140 × 220 mm) untuk depan`: which pack dimensions
 * this face's sizes rest on, across then up as the face is shown; and when
 * the face as shown lies across them (shot sideways, not turned), that they
 * were matched crosswise.
 */
export function useBasisText(face: Pick<Asset, 'face'> & Partial<Pick<Asset, 'metadata' | 'transform'>>, pack: Participant['packDimensions']): string | null {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const basis = faceSizeBasis(face.face, pack);
  if (basis.kind !== 'pack') return null;
  const [first, second] = basis.dimensions;
  const text = t('faceEdit.basisPack', {
    first: t(`faceEdit.dimensions.${first}`),
    second: t(`faceEdit.dimensions.${second}`),
    size: `${format.number(basis.size.widthMm)} × ${format.number(basis.size.heightMm)}`,
    face: t(`faces.${face.face}`).toLocaleLowerCase(i18n.language),
  });
  const metadata = face.metadata;
  return metadata && liesAcrossPack({ face: face.face, metadata, transform: face.transform }, pack) ? t('faceEdit.basisAcross', { basis: text }) : text;
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
