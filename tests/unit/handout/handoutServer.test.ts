import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandoutAddPackRequest, HandoutInterface } from '#shared/contract/handout.ts';
import { CAPABILITY_BYTES, checkCode, newCapability } from '#electron/services/handout/capability.ts';
import { createHandoutService, type HandoutService } from '#electron/services/handout/handoutService.ts';
import { handoutInterfaces } from '#electron/services/handout/networkChoices.ts';

/** 127.0.0.2 stands in for the room's Wi-Fi: on Linux the whole of 127/8 answers locally. */
const WIFI: HandoutInterface = { name: 'wlan0', address: '127.0.0.2', family: 'IPv4', loopback: false };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, WIFI.address, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n% a critique pack\n%%EOF\n'));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);

function pack(handoutId: string, business: string): HandoutAddPackRequest {
  return {
    handoutId,
    business,
    product: 'Keripik Tempe Rasa Original',
    version: 1,
    pdfFileName: `${business} - Paket masukan.pdf`,
    pdf: PDF,
    faces: [{ fileName: 'depan.png', label: 'Tampak depan', bytes: PNG }],
  };
}

/** A GET with a chosen Host header (fetch would not let a test lie about it). */
function rawGet(port: number, path: string, host: string, method = 'GET'): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: WIFI.address, port, path, method, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the hand-out server', () => {
  let clock = Date.parse('2026-12-07T09:00:00+07:00');
  let temp: string;
  let service: HandoutService;
  let port: number;

  beforeEach(async () => {
    clock = Date.parse('2026-12-07T09:00:00+07:00');
    temp = mkdtempSync(join(tmpdir(), 'kemas-handout-test-'));
    service = createHandoutService({ interfaces: () => [WIFI], tempParent: temp, now: () => clock });
    port = await freePort();
  });

  afterEach(async () => {
    await service.close();
    rmSync(temp, { recursive: true, force: true });
  });

  async function startWith(businesses: string[], minutes = 60) {
    const { handoutId } = await service.prepare();
    for (const b of businesses) await service.addPack(pack(handoutId, b));
    const started = await service.start({ handoutId, address: WIFI.address, port, minutes });
    if (!started.started || started.status.state !== 'running') throw new Error(`did not start: ${JSON.stringify(started)}`);
    return started.status;
  }

  it('is off until started, and nothing listens while packs are prepared', async () => {
    expect(service.status()).toEqual({ state: 'off', ended: null });
    const { handoutId } = await service.prepare();
    await service.addPack(pack(handoutId, 'Keripik Tempe Bu Sari'));
    expect(service.status().state).toBe('preparing');
    await expect(fetch(`http://${WIFI.address}:${port}/`)).rejects.toThrow();
  });

  it('gives a phone the right pack at its link: the page, the PDF and the face', async () => {
    const status = await startWith(['Keripik Tempe Bu Sari', 'Kopi Bubuk Lereng Ijen']);
    const sari = status.packs[0];
    expect(sari?.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.2:${port}/p/[A-Za-z0-9_-]{32}$`));
    const page = await fetch(sari?.url as string);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Untuk Keripik Tempe Bu Sari');
    expect(html).not.toContain('Kopi Bubuk Lereng Ijen');
    expect(html).toContain(sari?.code);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const english = await (await fetch(`${sari?.url}?lang=en`)).text();
    expect(english).toContain('For Keripik Tempe Bu Sari');
    expect(english).toContain('<html lang="en">');

    const pdf = await fetch(`${sari?.url}/pack.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Keripik Tempe Bu Sari - Paket masukan.pdf')}`);
    expect(new Uint8Array(await pdf.arrayBuffer())).toEqual(PDF);
    const face = await fetch(`${sari?.url}/face/1.png`);
    expect(face.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await face.arrayBuffer())).toEqual(PNG);

    // The studio's list says who downloaded what, newest first.
    const after = service.status();
    if (after.state !== 'running') throw new Error('stopped');
    expect(after.downloads.map((d) => [d.packId, d.what])).toEqual([
      [sari?.packId, 'pdf'],
      [sari?.packId, 'page'],
      [sari?.packId, 'page'],
    ]);
    expect(after.packs.map((p) => p.pdfDownloads)).toEqual([1, 0]);
  });

  it('answers 404 to everything that is not a held pack: wrong links, listings, the contract, studio pages, other methods and hosts', async () => {
    const status = await startWith(['Keripik Tempe Bu Sari']);
    const url = new URL(status.packs[0]?.url as string);
    const wrong = `/p/${newCapability()}`;
    for (const path of ['/', '/p/', '/p', wrong, `${wrong}/pack.pdf`, '/index.html', '/api/app.info', '/api/handout.status', `${url.pathname}/face/2.png`, `${url.pathname}/../`, `${url.pathname}x`]) {
      expect(await rawGet(port, path, url.host), path).toBe(404);
      // Time enough between them for the rate limit to forgive each miss (that limit has its own test).
      clock += 10_000;
    }
    expect(await rawGet(port, url.pathname, url.host, 'POST')).toBe(404);
    clock += 10_000;
    expect(await rawGet(port, url.pathname, `localhost:${port}`)).toBe(404);
    clock += 10_000;
    expect(await rawGet(port, url.pathname, url.host)).toBe(200);
  });

  it('rate-limits a client that guesses: a burst of wrong links runs its bucket dry, and then even a right link waits', async () => {
    const status = await startWith(['Keripik Tempe Bu Sari']);
    const url = status.packs[0]?.url as string;
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) answers.push((await fetch(`http://${WIFI.address}:${port}/p/${newCapability()}`)).status);
    expect(answers.slice(0, 4)).toEqual([404, 404, 404, 404]);
    expect(answers.slice(-4)).toEqual([429, 429, 429, 429]);
    const limited = await fetch(url);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const after = service.status();
    expect(after.state === 'running' && after.limited).toBeGreaterThanOrEqual(5);
    // Tokens come back with time: the owner's own link works again.
    clock += 60_000;
    expect((await fetch(url)).status).toBe(200);
  });

  it('does not charge a phone for what its browser asks for by itself (the icon), but answers it 404 all the same', async () => {
    const status = await startWith(['Keripik Tempe Bu Sari']);
    const url = status.packs[0]?.url as string;
    for (let i = 0; i < 30; i++) expect((await fetch(`http://${WIFI.address}:${port}/favicon.ico`)).status).toBe(404);
    expect((await fetch(url)).status).toBe(200);
  });

  it('gives nothing past the time limit, even before the server has closed', async () => {
    const status = await startWith(['Keripik Tempe Bu Sari'], 30);
    const url = status.packs[0]?.url as string;
    expect((await fetch(url)).status).toBe(200);
    clock += 30 * 60_000;
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(`${url}/pack.pdf`)).status).toBe(404);
  });

  it('stops by itself when the time limit passes: every link dead, the files gone', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const status = await startWith(['Keripik Tempe Bu Sari'], 5);
      const url = status.packs[0]?.url as string;
      vi.advanceTimersByTime(5 * 60_000);
      await vi.waitFor(() => expect(service.status()).toEqual({ state: 'off', ended: 'expired' }), { timeout: 5000 });
      await expect(fetch(url)).rejects.toThrow();
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('makes every link dead at once on stop and removes the held files', async () => {
    const status = await startWith(['Keripik Tempe Bu Sari', 'Kopi Bubuk Lereng Ijen']);
    const [folder] = readdirSync(temp);
    const held = join(temp, folder as string);
    // Held for serving by this user alone.
    expect(statSync(held).mode & 0o777).toBe(0o700);
    for (const file of readdirSync(held)) expect(statSync(join(held, file)).mode & 0o777).toBe(0o600);
    expect((await service.stop(status.handoutId)).state).toBe('off');
    expect(service.status()).toEqual({ state: 'off', ended: 'stopped' });
    for (const p of status.packs) await expect(fetch(p.url as string)).rejects.toThrow();
    expect(existsSync(held)).toBe(false);
  });

  it('refuses to start without packs, on an address the machine does not list, or on a port in use', async () => {
    let { handoutId } = await service.prepare();
    expect(await service.start({ handoutId, address: WIFI.address, port, minutes: 60 })).toEqual({ started: false, reason: 'no-packs' });
    await service.addPack(pack(handoutId, 'Keripik Tempe Bu Sari'));
    expect(await service.start({ handoutId, address: '0.0.0.0', port, minutes: 60 })).toEqual({ started: false, reason: 'address-unavailable' });
    expect(await service.start({ handoutId: 'x'.repeat(16), address: WIFI.address, port, minutes: 60 })).toEqual({ started: false, reason: 'not-prepared' });
    const squatter = createServer().listen(port, WIFI.address);
    await new Promise((resolve) => squatter.once('listening', resolve));
    try {
      expect(await service.start({ handoutId, address: WIFI.address, port, minutes: 60 })).toEqual({ started: false, reason: 'port-in-use' });
    } finally {
      squatter.close();
    }
    // A new preparation while one runs is refused: one hand-out at a time.
    ({ handoutId } = await service.prepare());
    await service.addPack(pack(handoutId, 'Keripik Tempe Bu Sari'));
    expect((await service.start({ handoutId, address: WIFI.address, port, minutes: 60 })).started).toBe(true);
    await expect(service.prepare()).rejects.toThrow(/running/);
  });
});

describe('capability links and check codes', () => {
  it('carry at least 128 random bits, as 32 base64url characters, never twice the same', () => {
    expect(CAPABILITY_BYTES * 8).toBeGreaterThanOrEqual(128);
    const links = new Set(Array.from({ length: 1000 }, newCapability));
    expect(links.size).toBe(1000);
    for (const link of links) expect(link).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('give a short code that belongs to one link, in letters a printed card cannot confuse', () => {
    const link = newCapability();
    expect(checkCode(link)).toBe(checkCode(link));
    expect(checkCode(link)).toMatch(/^[3469ACDEFGHJKMNPQRTWXY]{3}-[3469ACDEFGHJKMNPQRTWXY]{3}$/);
    const codes = new Set(Array.from({ length: 200 }, () => checkCode(newCapability())));
    expect(codes.size).toBeGreaterThan(195);
  });
});

describe('the networks offered', () => {
  it('lists each interface by name and address, routable ones first, loopback for trying out, never link-local IPv6', () => {
    const list = handoutInterfaces(
      {
        lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
        wlan0: [
          { address: '192.168.43.17', netmask: '255.255.255.0', family: 'IPv4', mac: 'aa:bb:cc:dd:ee:ff', internal: false, cidr: '192.168.43.17/24' },
          { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: 'aa:bb:cc:dd:ee:ff', internal: false, cidr: 'fe80::1/64', scopeid: 3 },
        ],
      },
      'linux',
    );
    expect(list).toEqual([
      { name: 'wlan0', address: '192.168.43.17', family: 'IPv4', loopback: false },
      { name: 'lo', address: '127.0.0.1', family: 'IPv4', loopback: true },
      { name: 'loopback', address: '127.0.0.2', family: 'IPv4', loopback: true },
    ]);
    expect(handoutInterfaces({}, 'darwin').map((i) => i.address)).toEqual(['127.0.0.1']);
  });
});
