import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import type { Server } from 'node:http';
import {
  HANDOUT_LIMITS,
  type HandoutAddPackRequest,
  type HandoutDownload,
  type HandoutInterface,
  type HandoutPackStatus,
  type HandoutSheetJob,
  type HandoutStartRequest,
  type HandoutStartResponse,
  type HandoutStatus,
} from '#shared/contract/handout.ts';
import { checkCode, newCapability } from './capability.ts';
import { createHandoutFiles, type HandoutFiles } from './handoutFiles.ts';
import { createHandoutServer, type ServedPack } from './handoutServer.ts';
import { handoutInterfaces, handoutOrigin } from './networkChoices.ts';
import { createRateLimiter, HANDOUT_RATE_LIMIT, type RateLimitOptions } from './rateLimit.ts';

/** Thrown for a hand-out call that does not fit the state (another hand-out, a stale id, too much). */
export class HandoutStateError extends Error {}

export interface HandoutServiceOptions {
  /** The machine's interfaces; `os.networkInterfaces` unless a test says otherwise. */
  interfaces?: () => HandoutInterface[];
  /** Where the temporary folders go; the system's temp folder by default. */
  tempParent?: string;
  rateLimit?: RateLimitOptions;
  now?: () => number;
}

export interface HandoutService {
  interfaces(): HandoutInterface[];
  /** A new, empty hand-out (nothing listens yet); refused while one runs. */
  prepare(): Promise<{ handoutId: string }>;
  addPack(request: HandoutAddPackRequest): Promise<{ packId: string; code: string }>;
  start(request: HandoutStartRequest): Promise<HandoutStartResponse>;
  /** Stops the server (every link dead at once) and removes the packs' files. */
  stop(handoutId?: string): Promise<HandoutStatus>;
  status(): HandoutStatus;
  /** What the pack worker needs to draw the sheet of QR cards of the running hand-out. */
  sheetJob(handoutId: string, language: 'id' | 'en'): HandoutSheetJob;
  /** The host is quitting: stop and remove everything. */
  close(): Promise<void>;
}

interface Prepared {
  handoutId: string;
  files: HandoutFiles;
  packs: ServedPack[];
  bytes: number;
}

interface Running extends Prepared {
  server: Server;
  origin: string;
  interfaceName: string;
  startedAt: number;
  expiresAt: number;
  byCapability: Map<string, ServedPack>;
  downloads: HandoutDownload[];
  pdfDownloads: Map<string, number>;
  limited: number;
  timer: NodeJS.Timeout;
}

function listen(server: Server, port: number, address: string): Promise<'listening' | 'port-in-use' | 'address-unavailable'> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve('port-in-use');
      else if (error.code === 'EADDRNOTAVAIL') resolve('address-unavailable');
      else reject(error);
    };
    server.once('error', onError);
    server.listen({ port, host: address, exclusive: true }, () => {
      server.off('error', onError);
      resolve('listening');
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Downloads under way end now: a stopped link gives nothing more.
    server.closeAllConnections();
  });
}

/**
 * Hand-out mode for one host (Electron's main process or the browser host):
 * off until the mentor starts it, one hand-out at a time, every link dead at
 * once on stop or when the time limit passes.
 */
export function createHandoutService(options: HandoutServiceOptions = {}): HandoutService {
  const now = options.now ?? Date.now;
  const listInterfaces = options.interfaces ?? (() => handoutInterfaces(networkInterfaces()));
  let prepared: Prepared | null = null;
  let running: Running | null = null;
  let ended: 'stopped' | 'expired' | null = null;

  const packStatus = (pack: ServedPack, origin: string | null, pdfDownloads = 0): HandoutPackStatus => ({
    packId: pack.packId,
    business: pack.business,
    product: pack.product,
    version: pack.version,
    code: pack.code,
    url: origin ? `${origin}/p/${pack.capability}` : null,
    pdfDownloads,
  });

  async function end(reason: 'stopped' | 'expired'): Promise<void> {
    const current = running;
    const staged = prepared;
    running = null;
    prepared = null;
    if (current) {
      clearTimeout(current.timer);
      // The links are gone before the server has even finished closing.
      current.byCapability.clear();
      await closeServer(current.server);
      await current.files.remove();
      ended = reason;
    }
    if (staged) await staged.files.remove();
  }

  function requirePrepared(handoutId: string): Prepared {
    if (!prepared || prepared.handoutId !== handoutId) throw new HandoutStateError('No hand-out is being prepared with this id');
    return prepared;
  }

  function status(): HandoutStatus {
    if (running) {
      const r = running;
      return {
        state: 'running',
        handoutId: r.handoutId,
        origin: r.origin,
        interfaceName: r.interfaceName,
        startedAt: r.startedAt,
        expiresAt: r.expiresAt,
        packs: r.packs.map((p) => packStatus(p, r.origin, r.pdfDownloads.get(p.packId) ?? 0)),
        downloads: [...r.downloads],
        limited: r.limited,
      };
    }
    if (prepared) return { state: 'preparing', handoutId: prepared.handoutId, packs: prepared.packs.map((p) => packStatus(p, null)) };
    return { state: 'off', ended };
  }

  return {
    interfaces: () => listInterfaces(),

    async prepare() {
      if (running) throw new HandoutStateError('A hand-out is running: stop it first');
      if (prepared) await prepared.files.remove();
      prepared = null;
      const files = await createHandoutFiles(options.tempParent);
      prepared = { handoutId: randomBytes(12).toString('base64url'), files, packs: [], bytes: 0 };
      return { handoutId: prepared.handoutId };
    },

    async addPack(request) {
      const target = requirePrepared(request.handoutId);
      if (target.packs.length >= HANDOUT_LIMITS.maxPacks) throw new HandoutStateError(`At most ${HANDOUT_LIMITS.maxPacks} packs in one hand-out`);
      const size = request.pdf.byteLength + request.faces.reduce((n, f) => n + f.bytes.byteLength, 0);
      if (target.bytes + size > HANDOUT_LIMITS.maxTotalBytes) throw new HandoutStateError('The hand-out holds too many bytes already');
      const n = target.packs.length + 1;
      const packId = `pack-${n}-${randomBytes(6).toString('hex')}`;
      const pdfPath = await target.files.write(`${packId}.pdf`, request.pdf);
      const faces = [];
      for (const [i, face] of request.faces.entries()) {
        faces.push({ label: face.label, size: face.bytes.byteLength, path: await target.files.write(`${packId}-face-${i + 1}.png`, face.bytes) });
      }
      // Stopped while the files were written: nothing of it stays.
      if (prepared !== target) throw new HandoutStateError('The hand-out was stopped');
      const capability = newCapability();
      const pack: ServedPack = {
        packId,
        capability,
        code: checkCode(capability),
        business: request.business,
        product: request.product,
        version: request.version,
        pdfFileName: request.pdfFileName,
        pdfPath,
        pdfBytes: request.pdf.byteLength,
        faces,
      };
      target.packs.push(pack);
      target.bytes += size;
      return { packId, code: pack.code };
    },

    async start(request) {
      if (running) throw new HandoutStateError('A hand-out is running: stop it first');
      if (!prepared || prepared.handoutId !== request.handoutId) return { started: false, reason: 'not-prepared' };
      if (prepared.packs.length === 0) return { started: false, reason: 'no-packs' };
      // Only an address this machine has now, as listed: never the wildcard, never one a request made up.
      const choice = listInterfaces().find((i) => i.address === request.address);
      if (!choice) return { started: false, reason: 'address-unavailable' };
      const staged = prepared;
      const origin = handoutOrigin(choice.address, request.port);
      const startedAt = now();
      const expiresAt = startedAt + request.minutes * 60_000;
      const byCapability = new Map(staged.packs.map((p) => [p.capability, p]));
      const downloads: HandoutDownload[] = [];
      const pdfDownloads = new Map<string, number>();
      let state: Running | null = null;
      const server = createHandoutServer({
        lookup: (capability) => byCapability.get(capability),
        host: new URL(origin).host,
        expiresAt,
        limiter: createRateLimiter(options.rateLimit ?? HANDOUT_RATE_LIMIT, now),
        now,
        onDownload: (download) => {
          downloads.unshift(download);
          downloads.length = Math.min(downloads.length, HANDOUT_LIMITS.maxDownloadsListed);
          if (download.what === 'pdf') pdfDownloads.set(download.packId, (pdfDownloads.get(download.packId) ?? 0) + 1);
        },
        onLimited: () => {
          if (state) state.limited += 1;
        },
      });
      const outcome = await listen(server, request.port, choice.address);
      if (outcome !== 'listening') return { started: false, reason: outcome };
      const timer = setTimeout(() => void end('expired'), expiresAt - startedAt);
      timer.unref();
      state = { ...staged, server, origin, interfaceName: choice.name, startedAt, expiresAt, byCapability, downloads, pdfDownloads, limited: 0, timer };
      running = state;
      prepared = null;
      ended = null;
      return { started: true, status: status() };
    },

    async stop(handoutId) {
      const current = running ?? prepared;
      if (current && (handoutId === undefined || handoutId === current.handoutId)) await end('stopped');
      return status();
    },

    status,

    sheetJob(handoutId, language) {
      if (!running || running.handoutId !== handoutId) throw new HandoutStateError('No running hand-out with this id');
      const r = running;
      return {
        cards: r.packs.map((p) => ({ business: p.business, product: p.product, url: `${r.origin}/p/${p.capability}`, code: p.code })),
        language,
        origin: r.origin,
        expiresAt: r.expiresAt,
        pageSize: 'A4',
      };
    },

    close: () => end('stopped'),
  };
}
