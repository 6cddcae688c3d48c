import { useTranslation } from 'react-i18next';
import type { AppInfo } from '#shared/contract/channels.ts';
import { Dialog } from '../../ui/Dialog.tsx';

export function AboutDialog({ info, onClose }: { info: AppInfo; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('about.title')}
      onClose={onClose}
      footer={
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      }
    >
      <p>{t('about.body')}</p>
      <p>{t('about.version', { version: info.version })}</p>
      <p>{t('about.host', { host: info.host === 'electron' ? t('about.hostElectron') : t('about.hostBrowser') })}</p>
    </Dialog>
  );
}
