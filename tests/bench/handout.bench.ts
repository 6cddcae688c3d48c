import { randomBytes } from 'node:crypto';
import { request as httpRequest, Agent } from 'node:http';
import { createServer } from 'node:net';
import { createHandoutService } from '../../electron/services/handout/handoutService.ts';
import { median, percentile, round, type Measure } from './measure.ts';

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

function download(url: string, from: string, agent: Agent): Promise<{ ms: number; bytes: number; status: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { localAddress: from, agent }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ ms: performance.now() - started, bytes, status: response.statusCode ?? 0 }));
    });
    request.on('error', reject);
    request.end();
  });
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
  // A fresh connection per download, as 20 phones make.
  const agent = new Agent({ keepAlive: false, maxSockets: 64 });
  const times: number[] = [];
  const rounds: number[] = [];
  try {
    for (let round = 0; round < WARM_UP + ROUNDS; round++) {
      const t = performance.now();
      const answers = await Promise.all(urls.map((url, i) => download(url, `127.0.1.${i + 1}`, agent)));
      const took = performance.now() - t;
      for (const a of answers) if (a.status !== 200 || a.bytes !== PDF_BYTES) throw new Error(`handout bench: a download got ${a.status}, ${a.bytes} bytes`);
      if (round >= WARM_UP) {
        times.push(...answers.map((a) => a.ms));
        rounds.push(took);
      }
    }
  } finally {
    agent.destroy();
    await service.close();
  }
  const label = `${PHONES} concurrent, ${round(PDF_BYTES / 1_000_000, 1)} MB each, loopback`;
  return [
    { name: `pack download, median (${label})`, value: round(median(times), 1), unit: 'ms', goal: '< 100' },
    { name: `pack download, p95 (${label})`, value: round(percentile(times, 95), 1), unit: 'ms', goal: '< 100' },
    { name: `all ${PHONES} downloads done, median`, value: round(median(rounds), 1), unit: 'ms' },
  ];
}
