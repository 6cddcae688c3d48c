import { useTranslation } from 'react-i18next';
import { FACES, type Asset } from '#shared/domain/asset.ts';
import { TRANSFORM_ACTIONS, isIdentity } from '#shared/domain/faceTransform.ts';
import { ariaKeys, shortcutHint } from '#shared/keymap/keymap.ts';
import { MenuButton, type MenuItem } from '../../ui/MenuButton.tsx';
import { useCorrectFace } from './useCorrectFace.ts';

/** Commands in the keymap for the orientation actions that have a key. */
export const TURN_COMMANDS: Partial<Record<(typeof TRANSFORM_ACTIONS)[number], string>> = {
  rotateLeft: 'review.rotateLeft',
  rotateRight: 'review.rotateRight',
};

/**
 * The menu on the face tabs: the face's type (the current one is not offered)
 * and its orientation: turn left, right, half, mirror either way, and back.
 */
export function FaceMenu({ face }: { face: Asset }) {
  const { t } = useTranslation();
  const correct = useCorrectFace();
  const items: MenuItem[] = [
    ...TRANSFORM_ACTIONS.filter((action) => action !== 'reset' || !isIdentity(face.transform)).map((action) => {
      const command = TURN_COMMANDS[action];
      return {
        key: action,
        label: t(`faceEdit.actions.${action}`),
        keys: command ? ariaKeys(command) : undefined,
        onSelect: () => void correct.turn(face, action),
      };
    }),
    ...FACES.filter((type) => type !== face.face).map((type) => ({
      key: `type-${type}`,
      label: t('faceEdit.setType', { face: t(`faces.${type}`) }),
      onSelect: () => void correct.setType(face, type),
    })),
  ];
  const title = t('faceEdit.menu', { face: t(`faces.${face.face}`) });
  return (
    <span className="face-menu" title={`${title} (${shortcutHint('review.rotateRight')} / ${shortcutHint('review.rotateLeft')})`}>
      <MenuButton label="▾" title={title} items={items} />
    </span>
  );
}
