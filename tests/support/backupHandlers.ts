import type { Handlers } from '#shared/contract/dispatch.ts';

type BackupChannel = Extract<keyof Handlers, `backup.${string}`>;

/** The `backup.*` handlers for contract tests that are about other channels: each refuses to run. */
export function unusedBackupHandlers(): Pick<Handlers, BackupChannel> {
  const refuse = () => Promise.reject(new Error('backup channels are not used in this test'));
  return {
    'backup.list': refuse,
    'backup.checkFolder': refuse,
    'backup.begin': refuse,
    'backup.append': refuse,
    'backup.commit': refuse,
    'backup.abort': refuse,
    'backup.read': refuse,
    'backup.delete': refuse,
    'backup.quitReady': refuse,
  };
}

type HandoutChannel = Extract<keyof Handlers, `handout.${string}`>;

/** The `handout.*` handlers for contract tests that are about other channels: each refuses to run. */
export function unusedHandoutHandlers(): Pick<Handlers, HandoutChannel> {
  const refuse = () => Promise.reject(new Error('handout channels are not used in this test'));
  return {
    'handout.interfaces': refuse,
    'handout.prepare': refuse,
    'handout.addPack': refuse,
    'handout.start': refuse,
    'handout.stop': refuse,
    'handout.status': refuse,
    'handout.sheet': refuse,
  };
}
