import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { Worker } from 'node:worker_threads';
import { createHandoutService } from '#electron/services/handout/handoutService.ts';
import { median, percentile, round as roundTo, type Measure } from './measure.ts';

/*
 * Hand-out mode: 20 phones download their packs at the same moment from the
 * hand-out server on loopback (127.0.0.2 for the Wi-Fi). Each phone has an
 * address of its own (127.0.1.n), as on a real network, so the per-client
 * rate limit sees 20 clients. The time is from the request to the last byte.
 */

const PHONES = 20;
const WARM_UP = 2;
const ROUNDS = 10;
/** A 3-face pack PDF is about 1 MB (the Ponsel layout's goal is under 1.5 MB). */
const PDF_BYTES = 1_200_000;

function freePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, address, () => {
      const info = probe.address();
      probe.close(() => resolve(typeof info === 'object' && info ? info.port : 0));
    });
  });
}

/**
 * The phones: a worker thread of their own, so that receiving 20 packs does not
 * share the server's event loop (real phones do not). Each round it downloads
 * every URL at once, each from its own source address, and answers the time to
 * the first byte and to the last, per download.
 */
const PHONES_SOURCE = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
parentPort.on('message', ({ urls, expected }) => {
  const agent = new http.Agent({ keepAlive: false, maxSockets: 64 });
  Promise.all(urls.map((url, i) => new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(url, { localAddress: '127.0.1.' + (i + 1), agent }, (response) => {
      const first = performance.now() - started;
      let bytes = 0;
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () => resolve({ first, last: performance.now() - started, bytes, status: response.statusCode }));
    });
    request.on('error', reject);
    request.end();
  }))).then((answers) => {
    agent.destroy();
    parentPort.postMessage({ answers, ok: answers.every((a) => a.status === 200 && a.bytes === expected) });
  }, (error) => parentPort.postMessage({ error: String(error) }));
});
`;

interface Round {
  answers: { first: number; last: number }[];
  ok?: boolean;
  error?: string;
}

export default async function handoutBench(): Promise<Measure[]> {
  const address = '127.0.0.2';
  const service = createHandoutService({ interfaces: () => [{ name: 'bench', address, family: 'IPv4', loopback: true }] });
  const { handoutId } = await service.prepare();
  for (let i = 0; i < PHONES; i++) {
    const pdf = new Uint8Array(PDF_BYTES);
    pdf.set(Buffer.from('%PDF-1.7\n'));
    pdf.set(randomBytes(PDF_BYTES - 16), 9);
    await service.addPack({ handoutId, business: `UMKM ${i + 1}`, product: 'Keripik', version: 1, pdfFileName: `UMKM ${i + 1} - Paket masukan.pdf`, pdf, faces: [] });
  }
  const started = await service.start({ handoutId, address, port: await freePort(address), minutes: 60 });
  if (!started.started || started.status.state !== 'running') throw new Error('handout bench: the server did not start');
  const urls = started.status.packs.map((p) => `${p.url}/pack.pdf`);
  // The peer, in the same run: the least any Node server can do, one buffer from memory per request, no checks.
  const body = Buffer.alloc(PDF_BYTES, 7);
  const plain = createHttpServer((_request, response) => response.end(body));
  const plainPort = await freePort('127.0.0.3');
  await new Promise<void>((resolve) => plain.listen(plainPort, '127.0.0.3', resolve));
  const plainUrls = urls.map((_, i) => `http://127.0.0.3:${plainPort}/${i}`);
  const phones = new Worker(PHONES_SOURCE, { eval: true });
  const round = (list: string[]): Promise<Round> =>
    new Promise((resolve) => {
      phones.once('message', resolve);
      phones.postMessage({ urls: list, expected: PDF_BYTES });
    });
  const firstByte: number[] = [];
  const lastByte: number[] = [];
  const plainFirst: number[] = [];
  const plainLast: number[] = [];
  try {
    for (let r = 0; r < WARM_UP + ROUNDS; r++) {
      // Alternate, so both meet the same machine load.
      for (const [list, first, last] of [
        [urls, firstByte, lastByte],
        [plainUrls, plainFirst, plainLast],
      ] as const) {
        const answer = await round(list);
        if (answer.error || !answer.ok) throw new Error(`handout bench: a download failed (${answer.error ?? 'wrong status or size'})`);
        if (r < WARM_UP) continue;
        first.push(...answer.answers.map((a) => a.first));
        last.push(...answer.answers.map((a) => a.last));
      }
    }
  } finally {
    await phones.terminate();
    plain.close();
    await service.close();
  }
  const peer = (values: number[], p?: number) => ({ name: 'bare Node server, from memory', value: roundTo(p ? percentile(values, p) : median(values), 1) });
  const label = `${PHONES} concurrent, ${roundTo(PDF_BYTES / 1_000_000, 1)} MB each, loopback`;
  return [
    { name: `pack download answers (first byte), median (${label})`, value: roundTo(median(firstByte), 1), unit: 'ms', goal: '< 100', peer: peer(plainFirst) },
    { name: `pack download answers (first byte), p95`, value: roundTo(percentile(firstByte, 95), 1), unit: 'ms', goal: '< 100', peer: peer(plainFirst, 95) },
    { name: `pack download complete (last byte), median`, value: roundTo(median(lastByte), 1), unit: 'ms', peer: peer(plainLast) },
    { name: `pack download complete (last byte), p95`, value: roundTo(percentile(lastByte, 95), 1), unit: 'ms', peer: peer(plainLast, 95) },
  ];
}
