import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Result } from '#shared/contract/result.ts';
import type { OpenedFilesResponse } from '#shared/contract/openFiles.ts';
import { useCommand } from '../../app/commands.ts';
import { host } from '../../host/hostClient.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { offerImport } from './pendingImport.ts';

export interface OpenedFilesDeps {
  fetch: () => Promise<Result<OpenedFilesResponse>>;
  offer: (file: File) => void;
  tell: (message: string) => void;
  t: TFunction;
}

/**
 * Takes the `.kemas` files the desktop handed over (double-clicked, "Open with")
 * from the host's queue: each is offered to the import dialog, and each the host
 * could not read is named with its reason.
 */
export async function takeOpenedFiles({ fetch, offer, tell, t }: OpenedFilesDeps): Promise<number> {
  const result = await fetch();
  if (!result.ok) {
    tell(t('bundles.opened.failed'));
    return 0;
  }
  for (const refusal of result.value.refused) tell(t(`bundles.opened.refused.${refusal.reason}`, { name: refusal.name }));
  for (const file of result.value.files) {
    offer(new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: 'application/x-kemas-bundle' }));
  }
  return result.value.files.length;
}

/**
 * Asks once at start-up (files that came with the launch: a push sent while the
 * page loaded is lost) and again whenever the desktop says more arrived.
 */
export function useOpenedFiles(): void {
  const { t } = useTranslation();
  const toast = useToast();
  const take = useCallback(
    () =>
      void takeOpenedFiles({
        fetch: () => host.call('files.opened', {}),
        offer: offerImport,
        tell: (message) => toast({ message, tone: 'error' }),
        t,
      }),
    [t, toast],
  );
  useEffect(take, [take]);
  useCommand('bundle.openPending', take);
}
