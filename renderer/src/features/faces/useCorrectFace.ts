import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset, Face } from '#shared/domain/asset.ts';
import { applyTransformAction, type TransformAction } from '#shared/domain/faceTransform.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { correctFace, type FaceCorrection } from '../../data/submissionsRepo.ts';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import { useToast } from '../../ui/Toasts.tsx';

/**
 * Corrects a face's type or orientation, says so, and offers Undo (the app's
 * undo for changes outside the annotation history: the toast's button puts
 * back exactly what was there).
 */
export function useCorrectFace() {
  const { t } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();

  const apply = useCallback(
    async (asset: Pick<Asset, 'id'>, change: FaceCorrection, message: string) => {
      try {
        const before = await correctFace(db, asset.id, change, mentor.id);
        toast({
          screen: true,
          message,
          undo: async () => {
            try {
              await correctFace(db, asset.id, before, mentor.id);
            } catch (error) {
              toast({ tone: 'error', message: saveErrorMessage(error, t) });
            }
          },
        });
      } catch (error) {
        toast({ tone: 'error', message: saveErrorMessage(error, t) });
      }
    },
    [db, mentor.id, toast, t],
  );

  return {
    setType: (asset: Pick<Asset, 'id' | 'face'>, face: Face) =>
      asset.face === face
        ? Promise.resolve()
        : apply(asset, { face }, t('faceEdit.typeChanged', { from: t(`faces.${asset.face}`), to: t(`faces.${face}`) })),
    turn: (asset: Pick<Asset, 'id' | 'face' | 'transform'>, action: TransformAction) =>
      apply(
        asset,
        { transform: applyTransformAction(asset.transform, action) },
        t('faceEdit.turned', { face: t(`faces.${asset.face}`), action: t(`faceEdit.actions.${action}`) }),
      ),
  };
}
