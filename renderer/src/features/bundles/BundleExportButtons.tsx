import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { ExportBundleDialog } from './ExportBundleDialog.tsx';

/** A workshop's bundle exports: the whole workshop (curator → mentors) and "my reviews" (mentor → curator). */
export function BundleExportButtons({ workshopId, workshopName, only }: { workshopId: string; workshopName: string; only?: 'review' }) {
  const { t } = useTranslation();
  const me = useCurrentMentorRecord();
  const [open, setOpen] = useState<'workshop' | 'review' | null>(null);
  return (
    <>
      {only === 'review' ? null : (
        <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen('workshop')}>
          {t('bundles.exportWorkshop')}
        </button>
      )}
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen('review')}>
        {t('bundles.exportReviews')}
      </button>
      {open === 'workshop' ? <ExportBundleDialog scope={{ kind: 'workshop', workshopId }} workshopName={workshopName} onClose={() => setOpen(null)} /> : null}
      {open === 'review' ? (
        <ExportBundleDialog scope={{ kind: 'review', workshopId, mentorId: me.id }} workshopName={workshopName} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}
