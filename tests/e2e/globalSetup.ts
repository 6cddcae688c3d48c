import { startBrowserHost } from '../support/browserHost.ts';

/** KEMAS_E2E_PORT lets two checkouts run their end-to-end tests side by side. */
export const E2E_PORT = Number(process.env.KEMAS_E2E_PORT ?? 4791);

/** One browser host for the whole run; tests read its address from KEMAS_URL. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const host = await startBrowserHost(E2E_PORT);
  process.env.KEMAS_URL = host.url;
  return () => host.stop();
}
