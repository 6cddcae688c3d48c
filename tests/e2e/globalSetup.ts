import { startBrowserHost } from '../support/browserHost.ts';

/** KEMAS_E2E_PORT lets two checkouts run their end-to-end tests side by side. */
export const E2E_PORT = Number(process.env.KEMAS_E2E_PORT ?? 4791);

/** One browser host for the whole run; tests read its address from KEMAS_URL. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // "Open folder" must not open file manager windows on the machine running the tests.
  process.env.KEMAS_NO_REVEAL ??= '1';
  const host = await startBrowserHost(E2E_PORT);
  process.env.KEMAS_URL = host.url;
  return () => host.stop();
}
