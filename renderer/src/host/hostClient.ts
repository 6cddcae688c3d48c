import { BRIDGE_GLOBAL, type HostBridge } from '../../../shared/contract/bridge.ts';
import { decodeFrame, encodeFrame, FRAME_CONTENT_TYPE, hasBinary } from '../../../shared/contract/binaryFrame.ts';
import {
  contract,
  type Channel,
  type MenuCommand,
  type RequestOf,
  type ResponseOf,
} from '../../../shared/contract/channels.ts';
import { err, type Result } from '../../../shared/contract/result.ts';

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

const httpTransport: Transport = async (channel, request) => {
  let response: Response;
  try {
    // The launch token travels as an HttpOnly cookie set when the printed link was opened.
    // Files travel as binary frames; everything else as JSON.
    const binary = hasBinary(request);
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': binary ? FRAME_CONTENT_TYPE : 'application/json' },
      credentials: 'same-origin',
      body: binary ? (encodeFrame(request) as Uint8Array<ArrayBuffer>) : JSON.stringify(request ?? {}),
    });
  } catch (error) {
    return err('internal', `Host unreachable: ${String(error)}`);
  }
  if (response.status === 401 || response.status === 403) return err('forbidden', `Host refused: ${response.status}`);
  try {
    if (response.headers.get('Content-Type') === FRAME_CONTENT_TYPE) {
      return decodeFrame(new Uint8Array(await response.arrayBuffer())) as Result<unknown>;
    }
    return (await response.json()) as Result<unknown>;
  } catch {
    return err('internal', `Host answered ${response.status} without a result`);
  }
};

export function createHostClient(bridge: HostBridge | undefined): HostClient {
  const transport = bridge ? bridgeTransport(bridge) : httpTransport;
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
