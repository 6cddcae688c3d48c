import { BRIDGE_GLOBAL, type HostBridge } from '#shared/contract/bridge.ts';
import { hasBinary } from '#shared/contract/binaryFrame.ts';
import {
  contract,
  type Channel,
  type MenuCommand,
  type RequestOf,
  type ResponseOf,
} from '#shared/contract/channels.ts';
import { err, type Result } from '#shared/contract/result.ts';
import { httpCall, type WorkerAnswer, type WorkerCall } from './httpTransport.ts';

/**
 * The one module that knows how the host is reached: through the Electron
 * preload's bridge when there is one, over HTTP to the browser host otherwise.
 * The rest of the renderer sees only `HostClient`.
 */
export interface HostClient {
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

type Transport = (channel: Channel, request: unknown) => Promise<Result<unknown>>;

function bridgeTransport(bridge: HostBridge): Transport {
  return (channel, request) => bridge.invoke[channel](request);
}

/**
 * Calls that carry bytes go through a worker (httpWorker.ts), so the page's
 * main thread never hands Chromium a body of megabytes; the rest go from here.
 * Without workers (tests in jsdom), everything goes from here.
 */
function httpTransport(): Transport {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let uploadsFromPage = false;
  const start = (): Worker | null => {
    if (worker || typeof Worker === 'undefined') return worker;
    worker = new Worker(new URL('./httpWorker.ts', import.meta.url), { type: 'module', name: 'kemas-host-upload' });
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      pending.get(event.data.id)?.(event.data.result);
      pending.delete(event.data.id);
    };
    worker.onerror = () => {
      // The worker could not start or died: its calls fail as a host that cannot be reached, the next ones go from here.
      for (const settle of pending.values()) settle(err('internal', 'Host upload worker stopped'));
      pending.clear();
      worker = null;
      uploadsFromPage = true;
    };
    return worker;
  };
  return (channel, request) => {
    const uploader = hasBinary(request) && !uploadsFromPage ? start() : null;
    if (!uploader) return httpCall(channel, request);
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      // Copied, not handed over: the caller may still use its bytes (a copy in memory is cheap; the wait was not).
      uploader.postMessage({ id, channel, request } satisfies WorkerCall);
    });
  };
}

export function createHostClient(bridge: HostBridge | undefined): HostClient {
  const transport = bridge ? bridgeTransport(bridge) : httpTransport();
  return {
    async call(channel, request) {
      const result = await transport(channel, request);
      if (!result.ok) return result;
      // Trust nothing that crosses the boundary, not even our own host.
      const parsed = contract[channel].response.safeParse(result.value);
      if (!parsed.success) return err('internal', `Host answer to ${channel} broke the contract`);
      return { ok: true, value: parsed.data as ResponseOf<typeof channel> };
    },
    onMenuCommand(listener) {
      return bridge ? bridge.onMenuCommand(listener) : () => {};
    },
  };
}

/** The host of this page. */
export const host: HostClient = createHostClient(
  (globalThis as unknown as Record<string, HostBridge | undefined>)[BRIDGE_GLOBAL],
);
