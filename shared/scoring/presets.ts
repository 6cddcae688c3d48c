import type { Bilingual } from '../domain/record.ts';
import { rubricSchema, type Rubric } from '../domain/rubric.ts';

/** A criterion as a preset ships it: the rubric shape without record fields; ids are stable strings. */
export interface CriterionTemplate {
  id: string;
  name: Bilingual;
  weight: number;
  scale: { min: number; max: number; step: number };
  levels: { score: number; descriptor: Bilingual }[];
}

/** A group of criteria in a preset. */
export interface GroupTemplate {
  id: string;
  name: Bilingual;
  weight: number;
  criteria: CriterionTemplate[];
}

/** A rubric preset: plain data, turned into a draft record by `instantiateRubric`. */
export interface RubricTemplate {
  id: string;
  name: Bilingual;
  groups: GroupTemplate[];
}

type Descriptor = readonly [id: string, en: string];

const SCALE_1_5 = { min: 1, max: 5, step: 1 } as const;

/** A 1–5 criterion; descriptors are given lowest level first. */
function criterion(
  id: string,
  name: Descriptor,
  weight: number,
  descriptors: readonly [Descriptor, Descriptor, Descriptor, Descriptor, Descriptor],
): CriterionTemplate {
  return {
    id,
    name: { id: name[0], en: name[1] },
    weight,
    scale: { ...SCALE_1_5 },
    levels: descriptors.map(([idText, en], i) => ({ score: SCALE_1_5.min + i, descriptor: { id: idText, en } })),
  };
}

/*
 * Proposed default weights (the curator may change them):
 * - Kualitas 60 / Inovasi 40: most UMKM in a workshop first need a pack that is
 *   legal, legible and well made before novelty pays off.
 * - Within Kualitas, label compliance weighs most (30): a missing P-IRT, halal
 *   logo or net content blocks sale in shops and marketplaces outright.
 *   Legibility (20) and protection/function (20) come next because they decide
 *   whether a buyer understands the product and whether it survives shipping;
 *   print quality (15) and brand identity (15) matter but are often fixed by
 *   a printer or a later design pass.
 * - Within Inovasi, originality (25) and shelf/marketplace appeal (25) carry
 *   the competitive value; market readiness (20) links innovation to sales;
 *   sustainability (15) and local story (15) are rewarded but weigh less since
 *   UMKM have limited choice of materials and not every product has a story.
 */

/** "MJC Kualitas & Inovasi Kemasan": quality (60) and innovation (40), ten criteria on 1–5. */
export const MJC_QUALITY_INNOVATION: RubricTemplate = {
  id: 'mjc-quality-innovation',
  name: { id: 'MJC Kualitas & Inovasi Kemasan', en: 'MJC Packaging Quality & Innovation' },
  groups: [
    {
      id: 'mjc-quality',
      name: { id: 'Kualitas', en: 'Quality' },
      weight: 60,
      criteria: [
        criterion('mjc-quality-label', ['Informasi & kepatuhan label', 'Label information and compliance'], 30, [
          [
            'Banyak informasi wajib tidak ada (nama produk, komposisi, berat bersih, P-IRT, halal); label belum layak edar.',
            'Many mandatory items are missing (product name, ingredients, net content, P-IRT, halal); the label is not fit for sale.',
          ],
          [
            'Sebagian informasi wajib ada, tetapi ada yang keliru, misalnya berat bersih tanpa satuan atau nomor P-IRT salah tulis.',
            'Some mandatory information is there but some is wrong, e.g. net content without a unit or a mistyped P-IRT number.',
          ],
          [
            'Informasi wajib umumnya lengkap; masih ada kekurangan kecil, seperti tempat kode produksi atau tanggal kedaluwarsa yang belum jelas.',
            'Mandatory information is mostly complete; small gaps remain, such as no clear place for the production code or best-before date.',
          ],
          [
            'Semua informasi wajib lengkap dan benar sesuai ketentuan BPOM; hanya perlu sedikit perapian penulisan.',
            'All mandatory information is complete and correct under BPOM rules; only minor wording polish is needed.',
          ],
          [
            'Lengkap, benar, dan tertata: logo halal BPJPH terbaru, nomor izin edar, kode produksi, dan tanggal kedaluwarsa mudah ditemukan.',
            'Complete, correct and well organised: the current BPJPH halal logo, registration number, production code and best-before date are easy to find.',
          ],
        ]),
        criterion('mjc-quality-legibility', ['Keterbacaan & hierarki informasi', 'Legibility and information hierarchy'], 20, [
          [
            'Teks sulit dibaca: huruf terlalu kecil, kontras rendah, atau tertimpa ornamen; tidak jelas mana yang utama.',
            'Text is hard to read: too small, low contrast or covered by decoration; nothing stands out as the main message.',
          ],
          [
            'Nama produk terbaca, tetapi informasi lain berdesakan dan urutan bacanya membingungkan.',
            'The product name reads, but other information is crowded and the reading order is confusing.',
          ],
          [
            'Cukup terbaca; hierarki sudah ada, namun jenis dan ukuran huruf belum konsisten.',
            'Reasonably legible; there is a hierarchy, but typefaces and sizes are inconsistent.',
          ],
          [
            'Jelas dan enak dibaca; nama produk, varian, dan klaim utama langsung tertangkap mata.',
            'Clear and easy to read; product name, variant and main claim catch the eye at once.',
          ],
          [
            'Sangat jelas dari jarak rak maupun di layar ponsel; hierarki tegas, tipografi konsisten, ruang kosong dimanfaatkan dengan baik.',
            'Very clear from shelf distance and on a phone screen; a firm hierarchy, consistent typography and good use of white space.',
          ],
        ]),
        criterion('mjc-quality-print', ['Kualitas cetak & produksi', 'Print and production quality'], 15, [
          [
            'Hasil cetak buruk: warna pudar atau belang, gambar pecah, stiker miring atau mudah lepas.',
            'Poor print: faded or blotchy colour, pixelated images, labels crooked or peeling.',
          ],
          [
            'Cetakan kurang rapi; resolusi gambar rendah atau warna meleset, terkesan cetakan rumahan.',
            'Untidy print; low-resolution images or off colours, looking home-printed.',
          ],
          [
            'Cetakan cukup baik dan terbaca, tetapi masih ada cacat kecil seperti potongan kurang presisi atau register warna bergeser.',
            'Acceptable, legible print with small defects such as imprecise trimming or colour misregistration.',
          ],
          [
            'Cetakan rapi, warna konsisten, finishing sesuai; siap diproduksi dalam jumlah kecil hingga menengah.',
            'Neat print with consistent colour and a suitable finish; ready for small to medium runs.',
          ],
          [
            'Setara produk pabrikan: warna tajam, finishing tepat guna, dieline presisi, dengan biaya produksi yang masuk akal.',
            'On a par with factory products: crisp colour, purposeful finishing, a precise dieline, at a sensible production cost.',
          ],
        ]),
        criterion('mjc-quality-function', ['Perlindungan, fungsi & kemudahan pakai', 'Protection, function and ease of use'], 20, [
          [
            'Kemasan tidak melindungi produk: mudah bocor, penyok, atau produk cepat melempem.',
            'The pack does not protect the product: it leaks, dents, or lets the product go stale quickly.',
          ],
          [
            'Perlindungan minim; sulit dibuka atau ditutup kembali, dan kurang cocok dengan sifat produknya.',
            'Minimal protection; hard to open or reclose, and ill-suited to the product.',
          ],
          [
            'Cukup melindungi untuk penjualan lokal; kemudahan pakainya masih biasa saja.',
            'Protects the product well enough for local sales; ease of use is ordinary.',
          ],
          [
            'Melindungi dengan baik selama distribusi dan pengiriman; mudah dibuka, ditutup kembali, dan disimpan.',
            'Protects well through distribution and shipping; easy to open, reclose and store.',
          ],
          [
            'Perlindungan sangat baik, termasuk untuk kiriman antarkota; fungsinya dipikirkan matang (zipper, takaran, jendela produk) dan nyaman dipakai.',
            'Excellent protection, including for shipping between cities; function is well thought out (zip, portioning, product window) and pleasant to use.',
          ],
        ]),
        criterion('mjc-quality-brand', ['Identitas merek', 'Brand identity'], 15, [
          [
            'Belum ada identitas merek; nama dan logo tidak menonjol dan sulit diingat.',
            'No brand identity yet; name and logo are neither prominent nor memorable.',
          ],
          [
            'Sudah ada logo atau nama merek, tetapi tampilannya tidak konsisten dan mirip produk lain.',
            'There is a logo or brand name, but it is inconsistent and looks like other products.',
          ],
          [
            'Identitas merek cukup jelas; warna dan logo mulai konsisten, meski karakternya belum kuat.',
            'Brand identity is fairly clear; colour and logo are becoming consistent, though the character is not yet strong.',
          ],
          [
            'Merek kuat dan konsisten di semua sisi kemasan; mudah dikenali dan pas dengan target pembelinya.',
            'A strong brand, consistent on every face; easy to recognise and right for its buyers.',
          ],
          [
            'Merek berkarakter dan mudah diingat; sistem visualnya siap diterapkan ke varian, media sosial, dan toko daring.',
            'A distinctive, memorable brand whose visual system is ready for variants, social media and online shops.',
          ],
        ]),
      ],
    },
    {
      id: 'mjc-innovation',
      name: { id: 'Inovasi', en: 'Innovation' },
      weight: 40,
      criteria: [
        criterion('mjc-innovation-originality', ['Orisinalitas', 'Originality'], 25, [
          ['Meniru desain yang sudah ada atau memakai templat apa adanya.', 'Copies an existing design or uses a template unchanged.'],
          [
            'Ada sentuhan sendiri, tetapi secara keseluruhan masih umum dan mudah tertukar dengan produk sejenis.',
            'Some personal touches, but generic overall and easily confused with similar products.',
          ],
          [
            'Cukup berbeda dari produk sejenis di pasar lokal; ada satu gagasan yang menarik.',
            'Reasonably different from similar local products; one interesting idea.',
          ],
          [
            'Gagasan segar yang dijalankan dengan baik, baik pada bentuk, grafis, maupun cara membukanya.',
            'A fresh idea, well executed in form, graphics or the way the pack opens.',
          ],
          [
            'Sangat orisinal dan berani, namun tetap relevan dengan produknya; layak menjadi acuan bagi UMKM lain.',
            'Highly original and bold yet relevant to the product; worth holding up as an example to other UMKM.',
          ],
        ]),
        criterion('mjc-innovation-appeal', ['Daya tarik di rak & marketplace', 'Shelf and online-marketplace appeal'], 25, [
          [
            'Tenggelam di rak dan kurang menarik sebagai foto produk di marketplace.',
            'Disappears on the shelf and makes an unappealing marketplace product photo.',
          ],
          [
            'Terlihat dari dekat, tetapi tidak mencuri perhatian; di thumbnail sulit dikenali.',
            'Visible up close but does not grab attention; hard to recognise as a thumbnail.',
          ],
          [
            'Menarik perhatian di rak; untuk marketplace masih perlu foto dan tata letak yang lebih kuat.',
            'Catches the eye on the shelf; online it still needs stronger photos and layout.',
          ],
          [
            'Menonjol di rak maupun di layar; nama dan varian tetap terbaca pada thumbnail kecil.',
            'Stands out on the shelf and on screen; name and variant still read in a small thumbnail.',
          ],
          [
            'Sangat memikat: langsung dikenali dari jauh dan di feed marketplace, membuat orang ingin membeli dan membagikannya.',
            'Compelling: recognised instantly from afar and in a marketplace feed, making people want to buy and share it.',
          ],
        ]),
        criterion('mjc-innovation-sustainability', ['Keberlanjutan bahan', 'Sustainability of materials'], 15, [
          [
            'Bahan berlebihan dan sulit didaur ulang (misalnya banyak lapisan campuran) tanpa alasan fungsional.',
            'Excess material that is hard to recycle (e.g. many mixed layers) with no functional reason.',
          ],
          [
            'Ada upaya kecil, tetapi bahan dan ukuran kemasan masih boros.',
            'Some small effort, but the material and pack size are still wasteful.',
          ],
          [
            'Bahan cukup wajar untuk produknya; ada satu pilihan yang lebih ramah lingkungan.',
            'Reasonable material for the product, with one more environmentally friendly choice.',
          ],
          [
            'Bahan hemat dan mudah didaur ulang atau dipakai ulang; cara membuang kemasan dicantumkan.',
            'Lean material that is easy to recycle or reuse; disposal guidance is printed.',
          ],
          [
            'Keberlanjutan menyatu dengan desain: satu jenis bahan, bahan lokal, atau isi ulang, tanpa mengorbankan perlindungan produk.',
            'Sustainability is part of the design: mono-material, local or refillable, without compromising protection.',
          ],
        ]),
        criterion('mjc-innovation-local', ['Cerita & identitas lokal', 'Local story and identity'], 15, [
          [
            'Tidak ada cerita atau ciri daerah; produk terkesan bisa berasal dari mana saja.',
            'No story or regional character; the product could come from anywhere.',
          ],
          [
            'Asal daerah hanya disebut sekilas, atau ornamen lokal ditempel tanpa makna.',
            'The region is mentioned only in passing, or local ornaments are pasted on without meaning.',
          ],
          [
            'Ada cerita asal-usul atau bahan khas daerah, tetapi belum tergarap dalam visual.',
            'There is an origin story or a regional ingredient, but the visuals do not yet develop it.',
          ],
          [
            'Cerita lokal tersampaikan jelas lewat visual dan teks, dengan sikap hormat pada budayanya.',
            'The local story comes through clearly in visuals and text, treating the culture with respect.',
          ],
          [
            'Identitas lokal menjadi kekuatan utama: otentik, dikemas modern, dan menambah nilai produk di mata pembeli.',
            "Local identity is the main strength: authentic, presented in a modern way, and adding value in buyers' eyes.",
          ],
        ]),
        criterion('mjc-innovation-market', ['Kesiapan pasar', 'Market readiness'], 20, [
          [
            'Belum siap dijual di luar lingkungan sendiri; izin, label, atau biaya kemasan belum memadai.',
            'Not ready to sell beyond its own neighbourhood; permits, label or pack cost are not in place.',
          ],
          [
            'Bisa dijual di pasar lokal, tetapi perlu perbaikan besar sebelum masuk toko modern atau marketplace.',
            'Can sell at local markets but needs major work before modern retail or marketplaces.',
          ],
          [
            'Siap untuk toko oleh-oleh dan marketplace; masih ada yang perlu dibenahi untuk ritel modern.',
            'Ready for souvenir shops and marketplaces; some things still need fixing for modern retail.',
          ],
          [
            'Siap masuk ritel modern dan kanal daring; biaya kemasan sepadan dengan harga jual.',
            'Ready for modern retail and online channels; the pack cost fits the selling price.',
          ],
          [
            'Siap bersaing di pasar nasional, bahkan ekspor; kemasan, izin, dan kapasitas produksi sudah mendukung.',
            'Ready to compete nationally or even for export; pack, permits and production capacity support it.',
          ],
        ]),
      ],
    },
  ],
};

/**
 * Awards-style rubric after the big packaging awards (e.g. WorldStar, Pentawards,
 * Dieline Awards), which judge innovation, sustainability/function, design and
 * market impact. Not any award's official form: four equal criteria out of 5.
 */
export const AWARDS_STYLE: RubricTemplate = {
  id: 'awards-style',
  name: { id: 'Gaya Penghargaan Kemasan', en: 'Packaging Awards Style' },
  groups: [
    {
      id: 'awards',
      name: { id: 'Penilaian juri', en: 'Jury assessment' },
      weight: 100,
      criteria: [
        criterion('awards-innovation', ['Inovasi', 'Innovation'], 25, [
          ['Tidak ada unsur baru; mengikuti kebiasaan di kategorinya.', 'Nothing new; follows category conventions.'],
          ['Pembaruan kecil yang sudah umum dijumpai.', 'A small update that is commonly seen.'],
          ['Ada inovasi yang jelas pada bentuk, bahan, atau grafis.', 'A clear innovation in form, material or graphics.'],
          ['Inovasi kuat dan bermanfaat yang jarang ditemui di kategorinya.', 'A strong, useful innovation rarely seen in its category.'],
          [
            'Terobosan yang mengubah cara orang memandang kemasan di kategorinya.',
            'A breakthrough that changes how people see packaging in its category.',
          ],
        ]),
        criterion('awards-sustainability-function', ['Keberlanjutan & fungsi', 'Sustainability and functionality'], 25, [
          ['Fungsi lemah dan dampak lingkungan tidak dipikirkan.', 'Weak function; environmental impact not considered.'],
          ['Berfungsi seadanya; pilihan bahan belum mempertimbangkan lingkungan.', 'Basic function; the material choice ignores the environment.'],
          ['Berfungsi baik, dengan beberapa upaya mengurangi dampak lingkungan.', 'Works well, with some effort to reduce environmental impact.'],
          ['Fungsional dan hemat bahan; daur ulang atau pakai ulang sudah dirancang.', 'Functional and lean; recycling or reuse is designed in.'],
          [
            'Contoh unggul: fungsi dan keberlanjutan saling menguatkan sepanjang siklus hidup kemasan.',
            "Exemplary: function and sustainability reinforce each other across the pack's life cycle.",
          ],
        ]),
        criterion('awards-brand-graphic', ['Merek & desain grafis', 'Brand and graphic design'], 25, [
          ['Grafis tidak rapi dan tidak mencerminkan merek.', 'Untidy graphics that do not reflect the brand.'],
          ['Grafis layak, tetapi generik dan kurang berkarakter.', 'Decent but generic graphics lacking character.'],
          ['Desain rapi dan konsisten dengan merek.', 'Neat design, consistent with the brand.'],
          ['Desain kuat, berkarakter, dan dieksekusi dengan sangat baik.', 'Strong, distinctive design, very well executed.'],
          ['Desain kelas dunia yang mudah diingat dan menyatu penuh dengan merek.', 'World-class, memorable design fully at one with the brand.'],
        ]),
        criterion('awards-market-impact', ['Dampak pasar & konsumen', 'Market and consumer impact'], 25, [
          ['Tidak jelas untuk siapa dan tidak mendorong pembelian.', 'Unclear who it is for; does not drive purchase.'],
          ['Target pembeli tersirat, tetapi pesannya lemah.', 'The target buyer is implied, but the message is weak.'],
          ['Berbicara jelas kepada target pembeli dan cukup membantu penjualan.', 'Speaks clearly to its buyers and helps sales somewhat.'],
          ['Terbukti atau sangat mungkin meningkatkan penjualan dan ingatan konsumen.', 'Proven or very likely to lift sales and consumer recall.'],
          [
            'Dampak nyata yang terukur: penjualan naik, pasar baru terjangkau, atau perilaku konsumen berubah.',
            'Real, measurable impact: higher sales, new markets reached or changed consumer behaviour.',
          ],
        ]),
      ],
    },
  ],
};

/** The presets that ship with the app, in menu order. */
export const RUBRIC_PRESETS: readonly RubricTemplate[] = [MJC_QUALITY_INNOVATION, AWARDS_STYLE];

/**
 * A draft rubric (version 1 of a new family) from a template. The rubric and its
 * family get fresh ids from `ids`; group and criterion ids keep the template's
 * stable ids so scores line up across rubrics made from the same preset.
 * Throws if the result does not satisfy `rubricSchema`.
 */
export function instantiateRubric(template: RubricTemplate, ids: () => string, actor: string, now: number): Rubric {
  return rubricSchema.parse({
    id: ids(),
    familyId: ids(),
    createdAt: now,
    updatedAt: now,
    updatedBy: actor,
    deletedAt: null,
    revisions: {},
    version: 1,
    status: 'draft',
    name: { ...template.name },
    groups: template.groups.map((g) => ({
      id: g.id,
      name: { ...g.name },
      weight: g.weight,
      criteria: g.criteria.map((c) => ({
        id: c.id,
        name: { ...c.name },
        weight: c.weight,
        scale: { ...c.scale },
        levels: c.levels.map((l) => ({ score: l.score, descriptor: { ...l.descriptor } })),
      })),
    })),
  });
}
