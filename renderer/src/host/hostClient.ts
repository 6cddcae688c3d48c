import { BRIDGE_GLOBAL, type HostBridge } from '#shared/contract/bridge.ts';
import {
  contract,
  type Channel,
  type MenuCommand,
  type RequestOf,
  type ResponseOf,
} from '#shared/contract/channels.ts';
import { err, type Result } from '#shared/contract/result.ts';
import { carriesBinary, httpCall, isBinaryLeaf, type WorkerAnswer, type WorkerCall } from './httpTransport.ts';

/**
 * The one module that knows how the host is reached: through the Electron
 * preload's bridge when there is one, over HTTP to the browser host otherwise.
 * The rest of the renderer sees only `HostClient`.
 */
/**
 * A request whose bytes may also be given as a file (any Blob, e.g. a picked
 * `File`): the browser host gets it streamed from disk, without the page ever
 * reading it; the desktop bridge is handed its bytes.
 */
export type WithFiles<T> = T extends Uint8Array ? T | Blob : T extends readonly unknown[] ? { [K in keyof T]: WithFiles<T[K]> } : T extends object ? { [K in keyof T]: WithFiles<T[K]> } : T;

export interface HostClient {
  call<C extends Channel>(channel: C, request: RequestOf<C> | WithFiles<RequestOf<C>>): Promise<Result<ResponseOf<C>>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

type Transport = (channel: Channel, request: unknown) => Promise<Result<unknown>>;

/** `value` with each file replaced by its bytes. */
async function readFiles(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return new Uint8Array(await value.arrayBuffer());
  if (!isBinaryLeaf(value) && value !== null && typeof value === 'object') {
    if (Array.isArray(value)) return Promise.all(value.map(readFiles));
    const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await readFiles(item)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

function bridgeTransport(bridge: HostBridge): Transport {
  // The bridge takes structured-clonable values: files go as their bytes.
  return async (channel, request) => bridge.invoke[channel](carriesBinary(request) ? await readFiles(request) : request);
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
    const uploader = carriesBinary(request) && !uploadsFromPage ? start() : null;
    if (!uploader) return httpCall(channel, request);
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      // Copied, not handed over: the caller may still use its bytes (a copy in memory is cheap; the wait was not).
      // A file is cloned as a handle: its bytes are read by the network stack, from disk.
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
