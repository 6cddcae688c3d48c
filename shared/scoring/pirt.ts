import type { PACKAGING_MATERIALS } from '../domain/participant.ts';

/** One of the participant's declared packaging materials. */
export type PackagingMaterial = (typeof PACKAGING_MATERIALS)[number];

/*
 * P-IRT numbers (Sertifikat Produksi Pangan Industri Rumah Tangga), layout per
 * Peraturan BPOM No. 22 Tahun 2018 (Pedoman Pemberian SPP-IRT), as also
 * described in its predecessor (Perka BPOM HK.03.1.23.04.12.2205/2012):
 *   digit 1       kode jenis kemasan (packaging type)
 *   digits 2–3    kode jenis pangan IRT (food type)
 *   digits 4–7    kode provinsi (2) + kabupaten/kota (2)
 *   digits 8–9    nomor urut pangan of the IRTP
 *   digits 10–13  nomor urut IRTP in the kabupaten/kota
 *   digits 14–15  tahun berakhir masa berlaku (last two digits of the year)
 *
 * How certain this is: the positional layout above is stated identically in
 * several secondary sources that cite the regulation. The packaging codes are
 * taken from secondary sources citing BPOM 22/2018 (e.g. Tempo, Oct 2021):
 *   1 gelas/kaca (glass), 2 plastik, 3 karton/kertas, 4 kaleng (can),
 *   5 aluminium foil, 6 lain-lain (e.g. leaves), 7 komposit, 8 ganda (multiple:
 *   different primary and secondary packs).
 * The 2012 rules listed only codes 1–6 with the same meanings for 1–6. We have
 * not checked the regulation's own annex text, so codes 7 and 8 in particular
 * should be confirmed against it. Newer OSS-issued SPP-IRT numbers may differ
 * in length; only the 15-digit layout is decoded here.
 */

/** Packaging codes of the P-IRT first digit, with the app's nearest material (null: no single material). */
export const PIRT_PACKAGING: Readonly<Record<number, { label: { id: string; en: string }; material: PackagingMaterial | null; compatible: readonly PackagingMaterial[] }>> = {
  1: { label: { id: 'Gelas/kaca', en: 'Glass' }, material: 'glass', compatible: ['glass'] },
  2: { label: { id: 'Plastik', en: 'Plastic' }, material: 'plastic', compatible: ['plastic'] },
  3: { label: { id: 'Karton/kertas', en: 'Carton/paper' }, material: 'paper', compatible: ['paper'] },
  4: { label: { id: 'Kaleng', en: 'Can' }, material: 'metal', compatible: ['metal'] },
  // Foil pouches sold as "aluminium foil" are usually laminates, so a declared composite is accepted too.
  5: { label: { id: 'Aluminium foil', en: 'Aluminium foil' }, material: 'metal', compatible: ['metal', 'composite'] },
  6: { label: { id: 'Lain-lain', en: 'Other' }, material: 'other', compatible: ['other'] },
  7: { label: { id: 'Komposit', en: 'Composite' }, material: 'composite', compatible: ['composite'] },
  8: { label: { id: 'Ganda', en: 'Multiple packs' }, material: null, compatible: [] },
};

/** Problem codes from decoding; the UI translates them. */
export type PirtProblem = 'empty' | 'not-digits' | 'wrong-length' | 'unknown-packaging-code' | 'unknown-food-type' | 'unknown-province' | 'expired';

/** A decoded P-IRT number; fields are null when the number could not be read. */
export interface DecodedPirt {
  /** The layout is readable (15 digits, known packaging code); `expired` alone does not make it invalid. */
  valid: boolean;
  digits: string | null;
  packagingCode: number | null;
  packagingMaterial: PackagingMaterial | null;
  foodTypeCode: string | null;
  /** Province (2) + regency/city (2) code. */
  regionCode: string | null;
  productNumber: string | null;
  irtpNumber: string | null;
  /** Full year the certificate expires (20yy). */
  expiresYear: number | null;
  problems: PirtProblem[];
}

const PREFIX = /^\s*(?:no(?:mor)?\.?\s*)?p\s*[-.]?\s*irt\s*(?:no(?:mor)?\.?)?\s*[:.]?\s*/i;

/**
 * Decodes a P-IRT number as written on a label ('P-IRT No. 2063507010123-29',
 * '2063507010123 29', '206350701012329'). Pass `currentYear` to flag an
 * expired certificate.
 */
export function decodePirt(input: string, options: { currentYear?: number } = {}): DecodedPirt {
  const empty: DecodedPirt = {
    valid: false,
    digits: null,
    packagingCode: null,
    packagingMaterial: null,
    foodTypeCode: null,
    regionCode: null,
    productNumber: null,
    irtpNumber: null,
    expiresYear: null,
    problems: [],
  };
  const rest = input.replace(PREFIX, '');
  if (rest.trim() === '') return { ...empty, problems: ['empty'] };
  if (!/^[\d\s\-./]+$/.test(rest)) return { ...empty, problems: ['not-digits'] };
  const digits = rest.replace(/\D/g, '');
  if (digits.length !== 15) return { ...empty, digits, problems: ['wrong-length'] };

  const problems: PirtProblem[] = [];
  const packagingCode = Number(digits[0]);
  const packaging = PIRT_PACKAGING[packagingCode];
  if (!packaging) problems.push('unknown-packaging-code');
  const foodTypeCode = digits.slice(1, 3);
  if (foodTypeCode === '00') problems.push('unknown-food-type');
  const regionCode = digits.slice(3, 7);
  // BPS province codes run 11–97 (Papua's 2022 provinces are 95–97).
  const province = Number(regionCode.slice(0, 2));
  if (province < 11 || province > 97) problems.push('unknown-province');
  const expiresYear = 2000 + Number(digits.slice(13, 15));
  if (options.currentYear !== undefined && expiresYear < options.currentYear) problems.push('expired');
  return {
    valid: packaging !== undefined,
    digits,
    packagingCode,
    packagingMaterial: packaging?.material ?? null,
    foodTypeCode,
    regionCode,
    productNumber: digits.slice(7, 9),
    irtpNumber: digits.slice(9, 13),
    expiresYear,
    problems,
  };
}

/** Whether the P-IRT packaging code agrees with the participant's declared material ('unknown' when either side is missing or not mappable). */
export function checkAgainstDeclared(
  decoded: Pick<DecodedPirt, 'valid' | 'packagingCode'>,
  declaredMaterial: PackagingMaterial | null,
): { status: 'match' | 'mismatch' | 'unknown'; mismatch: boolean } {
  const packaging = decoded.packagingCode === null ? undefined : PIRT_PACKAGING[decoded.packagingCode];
  if (!decoded.valid || !packaging || packaging.compatible.length === 0 || declaredMaterial === null) {
    return { status: 'unknown', mismatch: false };
  }
  const ok = packaging.compatible.includes(declaredMaterial);
  return { status: ok ? 'match' : 'mismatch', mismatch: !ok };
}

/** Whether two written registration numbers are the same P-IRT number (digits compared, formatting ignored). */
export function samePirtNumber(a: string, b: string): boolean {
  const da = decodePirt(a).digits;
  return da !== null && da.length === 15 && da === decodePirt(b).digits;
}
