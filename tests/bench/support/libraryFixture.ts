import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { assetSchema, derivedBlobKey, type Asset } from '#shared/domain/asset.ts';
import { mentorSchema, type Mentor } from '#shared/domain/mentor.ts';
import { participantSchema, type Participant } from '#shared/domain/participant.ts';
import { submissionSchema, type Submission } from '#shared/domain/submission.ts';
import { workshopSchema, type Workshop } from '#shared/domain/workshop.ts';
import { seededRandom } from './benchImages.ts';

/** Everything the library grid reads, as the app stores it (see renderer/src/data/db.ts, SCHEMA_V1). */
export interface LibraryFixture {
  mentor: Mentor;
  workshop: Workshop;
  participants: Participant[];
  submissions: Submission[];
  assets: Asset[];
  /** One small JPEG shared by every asset's thumbnail row, base64. */
  thumbnailBase64: string;
}

const PRODUCTS = [
  ['Keripik Tempe', 'snack'],
  ['Kopi Robusta', 'beverage'],
  ['Kopi Luwak', 'beverage'],
  ['Sambal Bawang', 'food'],
  ['Jamu Kunyit Asam', 'herbal'],
  ['Dodol Apel', 'snack'],
  ['Kerupuk Udang', 'snack'],
  ['Madu Hutan', 'food'],
  ['Teh Rosella', 'beverage'],
  ['Abon Sapi', 'food'],
  ['Rengginang', 'snack'],
  ['Gula Aren', 'food'],
  ['Bakpia Kacang Hijau', 'snack'],
  ['Emping Melinjo', 'snack'],
  ['Sirup Markisa', 'beverage'],
  ['Brem Madiun', 'snack'],
  ['Tape Singkong', 'food'],
  ['Bumbu Pecel', 'spice'],
  ['Batik Tulis', 'craft'],
  ['Sabun Sereh', 'cosmetic'],
] as const;
const OWNERS = ['Sari', 'Budi', 'Wati', 'Joko', 'Ani', 'Hadi', 'Rina', 'Agus', 'Yuli', 'Bambang', 'Siti', 'Eko', 'Dewi', 'Slamet', 'Nur', 'Tono'];
const CITIES = ['Malang', 'Batu', 'Blitar', 'Kediri', 'Pasuruan', 'Probolinggo', 'Lumajang', 'Tulungagung'];
const BRANDS = ['Sumber Rejeki', 'Berkah', 'Mandiri', 'Lestari', 'Sejahtera', 'Barokah', 'Makmur', 'Jaya', 'Sentosa', 'Sehati'];
const SWATCHES = ['#c0392b', '#e67e22', '#f1c40f', '#27ae60', '#2980b9', '#8e44ad', '#2c3e50', '#f4efe6'];

/** A UUID-shaped id that is the same in every run. */
function fixedId(kind: number, index: number): string {
  const hex = (kind * 1_000_000 + index).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A 288×384 packaging thumbnail, as the pipeline makes for a portrait phone photo. */
async function thumbnailJpeg(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="288" height="384">
    <rect width="288" height="384" fill="#cdbfa6"/>
    <rect x="64" y="40" width="160" height="300" rx="10" fill="#2980b9"/>
    <rect x="76" y="150" width="136" height="120" fill="#f4efe6"/>
    <circle cx="190" cy="80" r="22" fill="#e67e22"/>
    <text x="76" y="120" font-family="DejaVu Sans, sans-serif" font-size="20" font-weight="700" fill="#fff">KERIPIK</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/**
 * A workshop with `count` participants, each with one submission whose front
 * face has a thumbnail: valid records (parsed by the app's own schemas),
 * deterministic, with names varied enough for search to narrow.
 */
export async function libraryFixture(count: number): Promise<LibraryFixture> {
  const random = seededRandom(2026);
  const at = Date.UTC(2026, 10, 20, 9, 0, 0);
  const base = (id: string, updatedBy: string, offset = 0) => ({ id, createdAt: at + offset, updatedAt: at + offset, updatedBy, deletedAt: null });
  const mentorId = fixedId(1, 0);
  const mentor = mentorSchema.parse({ ...base(mentorId, mentorId), name: 'Dewi Lestari', organisation: 'Rumah Kurasi' });
  const workshop = workshopSchema.parse({
    ...base(fixedId(2, 0), mentorId),
    name: 'Klinik Kemasan Malang Raya',
    region: 'Malang',
    venue: 'Gedung Kartini, Malang',
    startDate: '2026-11-20',
    endDate: '2026-11-22',
    rubricId: null,
    notes: '',
  });
  const thumbnail = await thumbnailJpeg();
  const participants: Participant[] = [];
  const submissions: Submission[] = [];
  const assets: Asset[] = [];
  for (let i = 0; i < count; i++) {
    const [product, category] = PRODUCTS[i % PRODUCTS.length] as (typeof PRODUCTS)[number];
    const owner = OWNERS[Math.floor(random() * OWNERS.length)] as string;
    const honorific = random() < 0.6 ? 'Bu' : 'Pak';
    const brand = BRANDS[Math.floor(random() * BRANDS.length)] as string;
    const participant = participantSchema.parse({
      ...base(fixedId(3, i), mentorId, i),
      workshopId: workshop.id,
      business: `${product} ${brand} ${honorific} ${owner}`,
      owner: `${honorific} ${owner}`,
      product,
      category,
      city: CITIES[i % CITIES.length],
      region: '',
      contact: `0812${String(3_000_000 + i).padStart(8, '0')}`,
      labelFacts: { registrationNumber: `P-IRT 20635070${String(10_000 + (i % 90_000)).padStart(5, '0')}-29`, halalCertificate: '', netContent: '100 g', packagingMaterial: 'plastic' },
      // Some packs are large enough that a phone photo is below print resolution: the grid shows warnings for those.
      packDimensions: { widthMm: 80 + Math.round(random() * 220), heightMm: 120 + Math.round(random() * 260), depthMm: 30 },
    });
    const submission = submissionSchema.parse({
      ...base(fixedId(4, i), mentorId, i),
      workshopId: workshop.id,
      participantId: participant.id,
      version: 1,
      title: `${product} kemasan depan`,
      submittedAt: at + i * 60_000,
      note: '',
    });
    const fileSha = sha256(`original ${i}`);
    const swatches = [0, 1, 2].map((k) => SWATCHES[(i + k * 3) % SWATCHES.length] as string);
    const asset = assetSchema.parse({
      ...base(fixedId(5, i), mentorId, i),
      workshopId: workshop.id,
      submissionId: submission.id,
      face: 'front',
      fileName: `${participant.business.toLowerCase().replaceAll(' ', '-')}-depan.jpg`,
      mimeType: 'image/jpeg',
      sha256: fileSha,
      metadata: {
        format: 'jpeg',
        width: 3000,
        height: 4000,
        densityDpi: 72,
        colourSpace: 'srgb',
        iccProfileName: 'sRGB IEC61966-2.1',
        hasAlpha: false,
        bitDepth: 8,
        byteSize: 3_500_000 + i,
        sha256: fileSha,
        captureDate: '2026-11-19T10:15:00',
        device: 'samsung SM-A155F',
        exifOrientation: 6,
        pageNumber: null,
        pageSize: null,
      },
      palette: swatches.map((hex, k) => ({ hex, share: [0.5, 0.3, 0.2][k] as number })),
      preview: { mimeType: 'image/jpeg', width: 1920, height: 2560 },
      thumbnail: { mimeType: 'image/jpeg', width: 288, height: 384 },
      order: 0,
    });
    participants.push(participant);
    submissions.push(submission);
    assets.push(asset);
  }
  return { mentor, workshop, participants, submissions, assets, thumbnailBase64: thumbnail.toString('base64') };
}

/** The id of an asset's thumbnail row in `assetBlobs`. */
export function thumbnailKey(assetId: string): string {
  return derivedBlobKey(assetId, 'thumbnail');
}
