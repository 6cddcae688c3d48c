import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { HandoutStatus } from '#shared/contract/handout.ts';
import { host } from '../../host/hostClient.ts';

/** How often the studio asks the host for new downloads while a hand-out runs. */
export const HANDOUT_POLL_MS = 1500;

interface HandoutContextValue {
  /** The host's hand-out, null until first asked (or on a host without hand-out mode). */
  status: HandoutStatus | null;
  /** Takes an answer the screen got (start, stop) at once, without waiting for the next poll. */
  setStatus(status: HandoutStatus): void;
  refresh(): Promise<void>;
}

const HandoutContext = createContext<HandoutContextValue>({ status: null, setStatus: () => {}, refresh: async () => {} });

/**
 * Keeps the hand-out's state for the whole app: the indicator in the header and
 * the hand-out screen read it. Asked once at start (a reload while serving
 * finds the running hand-out), then every {@link HANDOUT_POLL_MS} while one
 * runs or is being prepared; never while it is off.
 */
export function HandoutProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<HandoutStatus | null>(null);
  const refresh = useCallback(async () => {
    const result = await host.call('handout.status', {});
    if (result.ok) setStatus(result.value);
  }, []);
  useEffect(() => {
    let live = true;
    void host.call('handout.status', {}).then((result) => live && result.ok && setStatus(result.value));
    return () => {
      live = false;
    };
  }, []);
  const active = status !== null && status.state !== 'off';
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void refresh(), HANDOUT_POLL_MS);
    return () => clearInterval(timer);
  }, [active, refresh]);
  const value = useMemo(() => ({ status, setStatus, refresh }), [status, refresh]);
  return <HandoutContext value={value}>{children}</HandoutContext>;
}

export function useHandout(): HandoutContextValue {
  return useContext(HandoutContext);
}
