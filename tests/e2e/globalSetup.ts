import { startBrowserHost } from '../support/browserHost.ts';

export const E2E_PORT = 4791;

/** One browser host for the whole run; tests read its address from KEMAS_URL. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const host = await startBrowserHost(E2E_PORT);
  process.env.KEMAS_URL = host.url;
  return () => host.stop();
}
