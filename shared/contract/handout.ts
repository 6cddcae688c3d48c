import { z } from 'zod';
import { packPageSizeSchema, zipFileNameSchema } from './packRender.ts';
import { jobIdSchema } from './jobs.ts';

/*
 * The `handout.*` channels: hand-out mode (*Bagikan di ruangan*). The mentor
 * picks a network interface and the packs to hand out; the host serves each
 * pack, on a port of its own, at a capability link (at least 128 random bits)
 * that phones open from a QR code, for a time the mentor sets. Nothing starts
 * by itself, and stopping makes every link dead at once.
 *
 * The order of a hand-out: `handout.prepare` (an empty set, nothing listening),
 * `handout.addPack` per pack (the PDF the pack pipeline made, and the faces),
 * `handout.start` (listening), `handout.status` (polled: the downloads),
 * `handout.sheet` (the printable A4 sheet of QR cards), `handout.stop`.
 */

const MB = 1024 * 1024;

export const HANDOUT_LIMITS = {
  /** Packs in one hand-out: a whole workshop (260 UMKM) with room to spare. */
  maxPacks: 400,
  /** One pack's PDF. */
  maxPdfBytes: 100 * MB,
  /** Face PNGs of one pack, and the bytes of one (drawn at phone size, a few hundred KB). */
  maxFaces: 12,
  maxFaceBytes: 20 * MB,
  /** All bytes of one `handout.addPack`: under the browser host's 300 MB frame limit. */
  maxPackBytes: 250 * MB,
  /** All bytes held for one hand-out (in temporary files, removed on stop). */
  maxTotalBytes: 4096 * MB,
  /** The time limit the mentor may set, in minutes (a workshop day at most). */
  minMinutes: 5,
  maxMinutes: 12 * 60,
  /** Downloads kept in the live list (the newest). */
  maxDownloadsListed: 500,
} as const;

/** Where the hand-out server listens unless the mentor says otherwise (the studio's browser host is on 4781). */
export const DEFAULT_HANDOUT_PORT = 4790;

/** One network interface the server may listen on: its name as the system gives it, and one address. */
export const handoutInterfaceSchema = z
  .object({
    name: z.string().max(200),
    address: z.string().max(100),
    family: z.enum(['IPv4', 'IPv6']),
    /** Loopback: only this computer reaches it (for trying the hand-out out, and for tests). */
    loopback: z.boolean(),
  })
  .strict();
export type HandoutInterface = z.infer<typeof handoutInterfaceSchema>;

export const handoutInterfacesResponseSchema = z.object({ interfaces: z.array(handoutInterfaceSchema).max(200) }).strict();

export const handoutIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a hand-out id');

export const handoutPrepareResponseSchema = z.object({ handoutId: handoutIdSchema }).strict();

/** Text shown on the phone page: one line each, no control characters. */
const lineSchema = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/\p{Cc}/u.test(s), 'no control characters');

const bytesSchema = (max: number) => z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= max, `1 to ${max} bytes`);

const handoutFaceSchema = z
  .object({
    fileName: zipFileNameSchema('.png'),
    /** What the phone page calls the face, e.g. "Tampak depan". */
    label: lineSchema(100),
    bytes: bytesSchema(HANDOUT_LIMITS.maxFaceBytes),
  })
  .strict();

export const handoutAddPackRequestSchema = z
  .object({
    handoutId: handoutIdSchema,
    business: lineSchema(200),
    product: lineSchema(200),
    version: z.number().int().min(1).max(10_000),
    /** The name the phone saves the PDF under. */
    pdfFileName: zipFileNameSchema('.pdf'),
    pdf: bytesSchema(HANDOUT_LIMITS.maxPdfBytes).refine((b) => b.byteLength >= 5 && String.fromCharCode(...b.subarray(0, 5)) === '%PDF-', 'a PDF'),
    faces: z.array(handoutFaceSchema).max(HANDOUT_LIMITS.maxFaces),
  })
  .strict()
  .refine((r) => r.pdf.byteLength + r.faces.reduce((n, f) => n + f.bytes.byteLength, 0) <= HANDOUT_LIMITS.maxPackBytes, {
    message: `at most ${HANDOUT_LIMITS.maxPackBytes} bytes in all`,
  })
  .refine((r) => new Set(r.faces.map((f) => f.fileName.toLowerCase())).size === r.faces.length, { message: 'face names must be unique', path: ['faces'] });
export type HandoutAddPackRequest = z.infer<typeof handoutAddPackRequestSchema>;

export const handoutPackIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const handoutAddPackResponseSchema = z
  .object({
    packId: handoutPackIdSchema,
    /** A check code shown beside the QR and on the phone page, e.g. "K7M-Q2P": it opens nothing by itself. */
    code: z.string().regex(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/),
  })
  .strict();

export const handoutStartRequestSchema = z
  .object({
    handoutId: handoutIdSchema,
    /** One of `handout.interfaces`' addresses, checked again by the host. */
    address: z.string().min(2).max(100),
    port: z.number().int().min(1024).max(65535),
    minutes: z.number().int().min(HANDOUT_LIMITS.minMinutes).max(HANDOUT_LIMITS.maxMinutes),
  })
  .strict();
export type HandoutStartRequest = z.infer<typeof handoutStartRequestSchema>;

export const handoutDownloadSchema = z
  .object({
    packId: handoutPackIdSchema,
    /** 'page' when the phone opened the link, 'pdf' when it downloaded the pack in full. */
    what: z.enum(['page', 'pdf']),
    at: z.number().int(),
  })
  .strict();
export type HandoutDownload = z.infer<typeof handoutDownloadSchema>;

export const handoutPackStatusSchema = z
  .object({
    packId: handoutPackIdSchema,
    business: z.string(),
    product: z.string(),
    version: z.number().int(),
    code: z.string(),
    /** The capability link, once the server runs; null before. */
    url: z.string().nullable(),
    pdfDownloads: z.number().int().min(0),
  })
  .strict();
export type HandoutPackStatus = z.infer<typeof handoutPackStatusSchema>;

export const handoutStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('off'), /** Why the last hand-out ended, when one did: stopped by the mentor, or its time limit. */ ended: z.enum(['stopped', 'expired']).nullable() }).strict(),
  z.object({ state: z.literal('preparing'), handoutId: handoutIdSchema, packs: z.array(handoutPackStatusSchema) }).strict(),
  z
    .object({
      state: z.literal('running'),
      handoutId: handoutIdSchema,
      /** `http://192.168.1.20:4790`, what phones reach. */
      origin: z.string(),
      interfaceName: z.string(),
      startedAt: z.number().int(),
      expiresAt: z.number().int(),
      packs: z.array(handoutPackStatusSchema),
      /** Newest first, at most HANDOUT_LIMITS.maxDownloadsListed. */
      downloads: z.array(handoutDownloadSchema),
      /** Requests refused by the rate limit so far (guessing, or a phone gone wild). */
      limited: z.number().int().min(0),
    })
    .strict(),
]);
export type HandoutStatus = z.infer<typeof handoutStatusSchema>;

export const handoutStopRequestSchema = z.object({ handoutId: handoutIdSchema.optional() }).strict();

export const handoutSheetRequestSchema = z
  .object({ handoutId: handoutIdSchema, language: z.enum(['id', 'en']), jobId: jobIdSchema.optional() })
  .strict();
export type HandoutSheetRequest = z.infer<typeof handoutSheetRequestSchema>;

export const handoutSheetResponseSchema = z.object({ pdf: z.instanceof(Uint8Array) }).strict();

/** What the pack worker draws for `handout.sheet`: one card per pack, cut from A4. */
export const handoutSheetCardSchema = z.object({ business: z.string().max(200), product: z.string().max(200), url: z.string().max(300), code: z.string().max(20) }).strict();
export const handoutSheetJobSchema = z
  .object({
    cards: z.array(handoutSheetCardSchema).max(HANDOUT_LIMITS.maxPacks),
    language: z.enum(['id', 'en']),
    /** The network the phones must join, said on every card. */
    origin: z.string().max(200),
    expiresAt: z.number().int(),
    pageSize: packPageSizeSchema,
  })
  .strict();
export type HandoutSheetJob = z.infer<typeof handoutSheetJobSchema>;

/** Why a hand-out could not start; the studio says each in one translated sentence. */
export const HANDOUT_START_REFUSALS = ['address-unavailable', 'port-in-use', 'no-packs', 'not-prepared'] as const;
export type HandoutStartRefusal = (typeof HANDOUT_START_REFUSALS)[number];

export const handoutStartResponseSchema = z.union([
  z.object({ started: z.literal(true), status: handoutStatusSchema }).strict(),
  z.object({ started: z.literal(false), reason: z.enum(HANDOUT_START_REFUSALS) }).strict(),
]);
export type HandoutStartResponse = z.infer<typeof handoutStartResponseSchema>;
