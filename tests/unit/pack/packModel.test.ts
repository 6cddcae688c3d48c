import { describe, expect, it } from 'vitest';
import { PACK_SEVERITY_COLOURS, PACK_MENTOR_COLOURS } from '#shared/pack/packColours.ts';
import { buildPackModel, combinedVerdict } from '#shared/pack/packModel.ts';
import { packModelSchema, type PackModel } from '#shared/pack/packModelSchema.ts';
import { reviewScore } from '#shared/scoring/score.ts';
import { annotation, MENTORS, mjcRubric, packInput, review } from '../../support/packFixture.ts';

const scoresOf = (r: ReturnType<typeof review>) => Object.fromEntries(Object.entries(r.scores).map(([id, s]) => [id, s.score]));
const allMarks = (model: PackModel) => model.faces.flatMap((f) => f.marks);
const criterion = (model: PackModel, id: string) => model.scores.groups.flatMap((g) => g.criteria).find((c) => c.criterionId === id);

describe('the cover', () => {
  it('names the workshop, the participant, the mentors, the score and the verdict, in Bahasa Indonesia', () => {
    const input = packInput();
    const model = buildPackModel(input, { language: 'id', mode: 'combined' });
    expect(model.cover.title).toBe('Keripik Tempe Bu Sari – Keripik Tempe Original');
    expect(model.cover.workshopFacts).toEqual([
      { label: 'Workshop', value: 'Pendampingan Kemasan MJC Malang' },
      { label: 'Wilayah', value: 'Malang' },
      { label: 'Tempat', value: 'Gedung Bakorwil III, Malang' },
      { label: 'Tanggal', value: '12–14 November 2026' },
    ]);
    expect(model.cover.participantFacts).toContainEqual({ label: 'Kategori', value: 'Camilan' });
    expect(model.cover.participantFacts).toContainEqual({ label: 'Desain', value: 'Versi 2: Desain ulang setelah pendampingan' });
    expect(model.mentors.map((m) => m.name)).toEqual(['Rina Prasetyo', 'Andrés Nuñez-Kurniawan']);

    const expected = input.reviews.map((r) => reviewScore(input.rubric, scoresOf(r)).overall0to100 as number);
    const mean = (expected[0] as number) / 2 + (expected[1] as number) / 2;
    expect(model.cover.overall.value).toBeCloseTo(mean, 9);
    expect(model.cover.overall.display).toBe(new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(Math.round(mean * 10) / 10));
    expect(model.cover.overall.display).toContain(',');
    // One mentor says minor, the other major: a tie goes to the cautious verdict.
    expect(model.cover.overall.verdict).toBe('Perlu perbaikan besar');
    expect(model.cover.overall.note).toBe('Nilai adalah rata-rata dari 2 mentor.');
  });

  it('says in three lines the score, what to fix first and what is already good', () => {
    const model = buildPackModel(packInput(), { language: 'id', mode: 'combined' });
    const [score, fix, good] = model.cover.summary;
    expect(score).toBe(`Skor keseluruhan ${model.cover.overall.display} dari 100: perlu perbaikan besar.`);
    expect(fix).toBe(`Ada ${model.actions.mustFix.length} hal yang wajib diperbaiki; yang pertama: Cantumkan nomor P-IRT yang benar di bagian belakang.`);
    expect(good).toBe('Sudah baik: Foto produk menggugah selera.');
  });

  it('is in English when asked, numbers and dates included', () => {
    const model = buildPackModel(packInput(), { language: 'en', mode: 'combined' });
    expect(model.cover.kicker).toBe('Packaging design critique pack');
    expect(model.cover.overall.display).toMatch(/^\d+\.\d$/);
    expect(model.cover.overall.verdict).toBe('Needs major changes');
    expect(model.cover.participantFacts).toContainEqual({ label: 'Category', value: 'Snack' });
    expect(model.cover.generated).toBe('Made on 28 November 2026 with Kemas Studio');
    expect(model.meta.lang).toBe('en-GB');
    expect(model.text.actions.mustFix).toBe('Must fix');
  });
});

describe('faces and their legends', () => {
  it('lists marks in number order (10 after 9, not after 1), each face in its order', () => {
    const input = packInput({ annotations: 0 });
    const at = { kind: 'pin' as const, at: { x: 100, y: 100 } };
    input.annotations = [10, 2, 9, 1].map((n) => annotation(`x${n}`, 'm-rina', 'a-back', n, at, { comment: `nomor ${n}` }));
    const model = buildPackModel(input, { language: 'id', mode: { mentorId: 'm-rina' } });
    expect(model.faces.map((f) => f.title)).toEqual(['Tampak depan', 'Tampak belakang', 'Tampak sisi kiri']);
    expect(model.faces[1]?.marks.map((m) => m.label)).toEqual(['1', '2', '9', '10']);
    expect(model.faces[1]?.marks.map((m) => m.comment)).toEqual(['nomor 1', 'nomor 2', 'nomor 9', 'nomor 10']);
    expect(model.faces[1]?.position).toBe('Gambar 2 dari 3');
  });

  it('keeps geometry in image pixels and gives each pin a crop around it, inside the image', () => {
    const input = packInput({ annotations: 0 });
    input.annotations = [
      annotation('p1', 'm-rina', 'a-front', 1, { kind: 'pin', at: { x: 600, y: 900 } }),
      annotation('p2', 'm-rina', 'a-front', 2, { kind: 'pin', at: { x: 5, y: 1795 } }),
      annotation('r3', 'm-rina', 'a-front', 3, { kind: 'rect', x: 10, y: 20, width: 30, height: 40 }),
    ];
    const front = buildPackModel(input, { language: 'id', mode: 'combined' }).faces[0] as PackModel['faces'][number];
    expect(front.marks[2]?.shape).toEqual({ kind: 'rect', x: 10, y: 20, width: 30, height: 40 });
    expect(front.crops.map((c) => c.label)).toEqual(['1', '2']);
    const [centre, corner] = front.crops;
    if (!centre || !corner) throw new Error('two crops expected');
    expect(centre.rect.x + centre.rect.width / 2).toBeCloseTo(600);
    expect(centre.rect.y + centre.rect.height / 2).toBeCloseTo(900);
    // Near the corner the square is shifted, not shrunk, to stay on the picture.
    expect(corner?.rect).toEqual({ x: 0, y: 1800 - (corner?.rect.height ?? 0), width: corner?.rect.width, height: corner?.rect.height });
    expect(corner?.rect.width).toBe(Math.round(1200 * 0.14));
  });

  it('colours marks by severity, like the canvas, in one mentor’s pack', () => {
    const model = buildPackModel(packInput(), { language: 'id', mode: { mentorId: 'm-rina' } });
    expect(model.colourBy).toBe('severity');
    const marks = allMarks(model);
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) {
      expect(mark.mentorId).toBe('m-rina');
      expect(mark.colour).toBe(PACK_SEVERITY_COLOURS[mark.severity]);
      expect(mark.label).toMatch(/^\d+$/);
    }
  });

  it('gives each mentor a letter and a colour in a combined pack', () => {
    const model = buildPackModel(packInput(), { language: 'id', mode: 'combined' });
    expect(model.colourBy).toBe('mentor');
    expect(model.mentors.map((m) => [m.letter, m.colour])).toEqual([
      ['A', PACK_MENTOR_COLOURS[0]],
      ['B', PACK_MENTOR_COLOURS[1]],
    ]);
    for (const mark of allMarks(model)) {
      const mentor = model.mentors.find((m) => m.mentorId === mark.mentorId);
      expect(mark.colour).toBe(mentor?.colour);
      expect(mark.label.startsWith(mentor?.letter ?? '?')).toBe(true);
      expect(mark.mentorName).toBe(mentor?.name);
    }
    expect(model.cover.colourKey.map((k) => k.label)).toEqual(['A – Rina Prasetyo', 'B – Andrés Nuñez-Kurniawan']);
  });

  it('adds the measured length to a measurement’s comment', () => {
    const input = packInput({ annotations: 0 });
    input.annotations = [annotation('m1', 'm-rina', 'a-front', 1, { kind: 'measure', from: { x: 0, y: 0 }, to: { x: 300, y: 400 }, mmPerPixel: 0.1 }, { comment: 'Tinggi logo' })];
    const mark = allMarks(buildPackModel(input, { language: 'id', mode: 'combined' }))[0];
    expect(mark?.comment).toBe('Tinggi logo Panjang terukur: 50 mm.');
  });
});

describe('the action plan', () => {
  const model = buildPackModel(packInput(), { language: 'id', mode: 'combined' });

  it('starts each list with what the mentors wrote, merging the same point from two mentors', () => {
    expect(model.actions.mustFix[0]).toEqual({
      text: 'Cantumkan nomor P-IRT yang benar di bagian belakang.',
      refs: null,
      by: '(Rina Prasetyo, Andrés Nuñez-Kurniawan)',
      source: 'review',
    });
    expect(model.actions.suggestions[0]?.text).toBe('Gunakan satu jenis huruf untuk semua teks informasi.');
    expect(model.actions.strengths.slice(0, 2).map((a) => a.text)).toEqual(['Foto produk menggugah selera.', 'Bentuk kemasan berdiri (standing pouch) praktis.']);
  });

  it('turns label problems into must-fix items, with the mark that shows them', () => {
    const label = model.actions.mustFix.filter((a) => a.source === 'checklist').map((a) => [a.text, a.refs]);
    expect(label).toEqual([
      ['Label – Berat/isi bersih (netto): salah. Tertulis "100" tanpa satuan.', 'lihat tampak depan no. B2'],
      ['Label – Nomor izin edar (P-IRT atau BPOM MD/ML): tidak ada. Nomor P-IRT tidak ada di kemasan.', null],
    ]);
  });

  it('adds every mark to the list of its severity exactly once, joining items that say the same', () => {
    const lists = { 'must-fix': model.actions.mustFix, suggestion: model.actions.suggestions, strength: model.actions.strengths };
    for (const face of model.faces) {
      for (const mark of face.marks) {
        const ref = `${face.title.replace('Tampak ', 'tampak ')} no. ${mark.label}`;
        const citing = Object.values(lists).flat().filter((a) => a.refs?.split(/lihat |, /).includes(ref));
        expect(citing, ref).toHaveLength(1);
        expect(lists[mark.severity], ref).toContain(citing[0]);
      }
    }
    // The mentor's own must-fix item gathers the marks that say the same thing.
    const small = model.actions.mustFix.find((a) => a.text.startsWith('Tulisan komposisi'));
    expect(small?.source).toBe('review');
    expect(small?.refs?.split(', ').length).toBeGreaterThan(1);
  });
});

describe('scores', () => {
  it('averages the counted reviews per criterion, with the range, the level reached and every note', () => {
    const model = buildPackModel(packInput(), { language: 'id', mode: 'combined' });
    const label = criterion(model, 'mjc-quality-label');
    expect(label?.score).toBe(2.5);
    expect(label?.scoreText).toBe('2,5 dari 5');
    expect(label?.rangeText).toBe('rentang 2–3');
    expect(label?.levelText).toMatch(/^Tingkat yang dicapai: Sebagian informasi wajib ada/);
    expect(label?.notes).toEqual(['Catatan Rina Prasetyo: Nomor P-IRT dan berat bersih belum lengkap.']);
    expect(label?.weightText).toBe('18%');
    expect(model.scores.groups.map((g) => [g.name, g.weightText])).toEqual([
      ['Kualitas', '60%'],
      ['Inovasi', '40%'],
    ]);
    expect(model.scores.radar.axes).toHaveLength(10);
    expect(model.scores.radar.axes[0]).toEqual({ label: 'Informasi & kepatuhan label', value: 0.375, min: 0.25, max: 0.5 });
    expect(model.scores.intro).toContain('Angka adalah rata-rata 2 mentor; rentang menunjukkan nilai terendah dan tertinggi.');
  });

  it('counts only submitted reviews on the pack’s rubric, without abstentions or conflicts, and says why', () => {
    const input = packInput();
    input.reviews = [
      review('a', 'm-rina', 's2', [4, 4, 4, 4, 4, 4, 4, 4, 4, 4]),
      review('b', 'm-andres', 's2', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], { status: 'draft' }),
      review('c', 'm-third', 's2', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], { abstained: true }),
      review('d', 'm-fourth', 's2', [2, 2, 2, 2, 2, 2, 2, 2, 2, 2], { rubricId: 'older' }),
      review('e', 'm-fifth', 's2', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], { conflictOfInterest: true }),
    ];
    input.annotations = [
      ...input.annotations,
      annotation('coi', 'm-fifth', 'a-front', 1, { kind: 'pin', at: { x: 1, y: 1 } }),
      // An abstaining mentor's marks still count as marks; the pack names them plainly when the caller did not.
      annotation('abs', 'm-third', 'a-front', 1, { kind: 'pin', at: { x: 2, y: 2 } }),
    ];
    const model = buildPackModel(input, { language: 'id', mode: 'combined' });
    expect(model.scores.mentorsCounted).toBe(1);
    expect(model.cover.overall.value).toBe(75);
    expect(criterion(model, 'mjc-quality-label')?.rangeText).toBeNull();
    expect(model.warnings).toEqual(
      expect.arrayContaining([
        { code: 'draft-review', mentorId: 'm-andres' },
        { code: 'other-rubric', mentorId: 'm-fourth' },
        { code: 'unknown-mentor', mentorId: 'm-third' },
      ]),
    );
    // A mentor with a conflict of interest is left out of a combined pack altogether.
    expect(allMarks(model).some((m) => m.mentorId === 'm-fifth')).toBe(false);
    expect(model.mentors.some((m) => m.mentorId === 'm-fifth')).toBe(false);
  });

  it('keeps a review reopened after its mentor saw the others by what was sent, and marks a revised one with mentor and time', () => {
    const input = packInput();
    const reopenedAt = Date.UTC(2026, 10, 27, 7, 5);
    const revisedAt = Date.UTC(2026, 10, 27, 3, 32);
    const sent = review('x', 'm-andres', 's2', [3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    input.reviews = [
      review('a', 'm-rina', 's2', [4, 4, 4, 4, 4, 4, 4, 4, 4, 4], { revisedAfterRevealAt: revisedAt, sawOthersAt: revisedAt - 60_000 }),
      // Andrés reopened his review: the draft says 1 everywhere, what he sent said 3.
      review('b', 'm-andres', 's2', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], {
        status: 'draft',
        verdict: null,
        sawOthersAt: reopenedAt - 60_000,
        revisedAfterRevealAt: reopenedAt,
        lastSubmitted: { scores: sent.scores, verdict: 'major-revision', abstained: false, conflictOfInterest: false, submittedAt: reopenedAt - 120_000 },
      }),
    ];
    const model = buildPackModel(input, { language: 'id', mode: 'combined' });
    expect(model.scores.mentorsCounted).toBe(2);
    expect(criterion(model, 'mjc-quality-label')?.score).toBe(3.5);
    expect(model.warnings).not.toContainEqual({ code: 'draft-review', mentorId: 'm-andres' });
    expect(model.scores.intro).toContain('Nilai dari Rina Prasetyo direvisi setelah ia melihat penilaian mentor lain (27 November 2026 pukul 10.32 WIB).');
    expect(model.scores.intro).toContain(
      'Andrés Nuñez-Kurniawan membuka lagi penilaiannya setelah melihat penilaian mentor lain (27 November 2026 pukul 14.05 WIB); yang tercantum di sini adalah nilai yang sudah terkirim sebelumnya.',
    );
    const own = buildPackModel(input, { language: 'en', mode: { mentorId: 'm-andres' } });
    expect(own.scores.available).toBe(true);
    expect(criterion(own, 'mjc-quality-label')?.score).toBe(3);
    expect(own.scores.intro).toContain(
      "Andrés Nuñez-Kurniawan reopened their review after seeing the other mentors' reviews (27 November 2026 at 14:05 GMT+7); the scores here are the ones sent before.",
    );
    expect(own.scores.intro.join(' ')).not.toContain('Rina');
    expect(packModelSchema.safeParse(own).success).toBe(true);
    // A review nobody reopened after seeing the others carries no such sentence.
    expect(buildPackModel(packInput(), { language: 'id', mode: 'combined' }).scores.intro.join(' ')).not.toContain('penilaian mentor lain');
  });

  it('says plainly when nothing is scored yet', () => {
    const input = packInput();
    input.reviews = [];
    const model = buildPackModel(input, { language: 'en', mode: 'combined' });
    expect(model.scores.available).toBe(false);
    expect(model.cover.overall.display).toBe('Not scored yet');
    expect(model.cover.summary[0]).toBe('This design has not been fully scored yet.');
    expect(model.warnings).toContainEqual({ code: 'no-counted-review', mentorId: null });
  });
});

describe('combined and per-mentor packs', () => {
  it('gives one mentor only their own marks, scores, notes and checklist', () => {
    const model = buildPackModel(packInput(), { language: 'id', mode: { mentorId: 'm-andres' } });
    expect(model.mentors.map((m) => m.name)).toEqual(['Andrés Nuñez-Kurniawan']);
    expect(new Set(allMarks(model).map((m) => m.mentorId))).toEqual(new Set(['m-andres']));
    expect(criterion(model, 'mjc-quality-label')?.score).toBe(3);
    expect(criterion(model, 'mjc-innovation-appeal')?.notes).toEqual(['Catatan mentor: Sangat menonjol di rak dibanding pesaing.']);
    expect(model.cover.overall.verdict).toBe('Perlu perbaikan besar');
    expect(model.cover.overall.note).toBeNull();
    // Andrés checked no net content: Rina's "wrong" is not in his pack.
    expect(model.checklist.rows.find((r) => r.item === 'net-content')?.status).toBe('unchecked');
    expect(model.actions.mustFix.every((a) => a.by === null)).toBe(true);
  });

  it('shows the most serious status any mentor gave a label item, problems first', () => {
    const input = packInput();
    const andres = input.labelChecklists[1];
    if (andres) andres.items['net-content'] = { status: 'present', note: '', annotationId: null };
    const rows = buildPackModel(input, { language: 'id', mode: 'combined' }).checklist.rows;
    expect(rows.find((r) => r.item === 'net-content')?.status).toBe('wrong');
    const order = rows.map((r) => r.status);
    const firstFine = order.findIndex((s) => s !== 'missing' && s !== 'wrong');
    expect(order.slice(firstFine).every((s) => s !== 'missing' && s !== 'wrong')).toBe(true);
    expect(order.slice(0, firstFine)).toEqual(['wrong', 'missing']);
  });
});

describe('the change from the previous version', () => {
  it('compares each criterion and the overall with the earlier version’s reviews', () => {
    const model = buildPackModel(packInput(), { language: 'id', mode: 'combined' });
    const change = model.versionChange;
    expect(change?.title).toBe('Perubahan dari versi 1 ke versi 2');
    expect(change?.basis).toBe('all-mentors');
    const label = change?.rows.find((r) => r.name === 'Informasi & kepatuhan label');
    expect([label?.before, label?.after, label?.changeText, label?.direction]).toEqual([1, 2.5, 'naik 1,5', 'up']);
    const sustainability = change?.rows.find((r) => r.name === 'Keberlanjutan bahan');
    expect([sustainability?.changeText, sustainability?.direction]).toEqual(['tetap', 'same']);
    expect(change?.overall.direction).toBe('up');
  });

  it('uses the same mentor’s earlier review in their own pack when there is one', () => {
    expect(buildPackModel(packInput(), { language: 'en', mode: { mentorId: 'm-rina' } }).versionChange?.intro).toBe(
      'Scores from the same mentor for version 1 and version 2.',
    );
    expect(buildPackModel(packInput(), { language: 'en', mode: { mentorId: 'm-andres' } }).versionChange?.basis).toBe('all-mentors');
  });

  it('leaves out criteria whose scale changed, and has no section without an earlier reviewed version', () => {
    const input = packInput();
    const previous = input.previous;
    if (!previous) throw new Error('fixture has a previous version');
    const rubric = mjcRubric('rubric-v1');
    const first = rubric.groups[0]?.criteria[0];
    if (first) first.scale = { min: 1, max: 10, step: 1 };
    previous.rubric = rubric;
    previous.reviews = previous.reviews.map((r) => ({ ...r, rubricId: 'rubric-v1' }));
    const rows = buildPackModel(input, { language: 'id', mode: 'combined' }).versionChange?.rows;
    expect(rows?.[0]?.changeText).toBe('tidak dapat dibandingkan');
    expect(rows?.[1]?.direction).toBe('up');
    expect(buildPackModel({ ...input, previous: null }, { language: 'id', mode: 'combined' }).versionChange).toBeNull();
  });
});

describe('label checklist and print readiness', () => {
  it('reads the registration number as declared and as printed', () => {
    const model = buildPackModel(packInput(), { language: 'id', mode: 'combined' });
    expect(model.checklist.registration).toEqual([
      'Nomor yang didaftarkan: 206350701012929',
      'Nomor yang tertulis pada kemasan: 2 06 3507 01 0129 29',
      'Sama dengan nomor yang didaftarkan.',
    ]);
    expect(model.checklist.registrationProblem).toBe(false);
  });

  it('flags a P-IRT packaging code that contradicts the declared material', () => {
    const input = packInput();
    input.participant.labelFacts = { ...input.participant.labelFacts, packagingMaterial: 'glass' };
    const model = buildPackModel(input, { language: 'en', mode: 'combined' });
    expect(model.checklist.registrationProblem).toBe(true);
    expect(model.checklist.registration).toContain(
      'The packaging code in the P-IRT number means plastic, but the declared packaging material is glass. Make sure the number and the material agree.',
    );
  });

  it('gives each face its pixels, DPI at the pack size, colour mode, profile and warnings', () => {
    const rows = buildPackModel(packInput(), { language: 'id', mode: 'combined' }).print;
    expect(rows.map((r) => [r.face, r.pixelsText, r.dpiText, r.colourText, r.profileText])).toEqual([
      ['Depan', '1.200 × 1.800 piksel', '254 dpi', 'RGB (layar)', 'sRGB IEC61966-2.1'],
      ['Belakang', '1.200 × 1.800 piksel', '254 dpi', 'RGB (layar)', 'Tidak ada'],
      ['Sisi kiri', '600 × 1.800 piksel', '254 dpi', 'RGB (layar)', 'Tidak ada'],
    ]);
    expect(rows[0]?.warnings).toEqual(['Resolusi rendah (di bawah 300 dpi): cetakan bisa kurang tajam.']);
    expect(rows[1]?.warnings).toHaveLength(2);
    expect(rows.every((r) => !r.ok)).toBe(true);
  });

  it('gives a turned face the pixels it is shown with, as its DPI is computed (a quarter turn swaps width and height)', () => {
    const input = packInput();
    input.faces = input.faces.map((f) =>
      f.face === 'left' ? { ...f, transform: { quarterTurns: 1, flipX: false } } : f.face === 'back' ? { ...f, transform: { quarterTurns: 2, flipX: true } } : f,
    );
    const rows = buildPackModel(input, { language: 'en', mode: 'combined' }).print;
    expect(rows.map((r) => [r.face, r.pixelsText])).toEqual([
      ['Front', '1,200 × 1,800 pixels'],
      ['Back', '1,200 × 1,800 pixels'],
      ['Left side', '1,800 × 600 pixels'],
    ]);
  });
});

describe('names without a product', () => {
  it('titles the pack and its footer by the business alone, and says a PDF page cannot be judged for print', () => {
    const input = packInput({ annotations: 0 });
    input.participant = { ...input.participant, product: '' };
    const front = input.faces[0];
    if (!front) throw new Error('fixture has faces');
    input.faces = [{ ...front, metadata: { ...front.metadata, format: 'pdf', pageSize: { widthMm: 120, heightMm: 180 } } }];
    const model = buildPackModel(input, { language: 'id', mode: 'combined' });
    expect(model.cover.title).toBe('Keripik Tempe Bu Sari');
    expect(model.meta.title).toBe('Paket masukan kemasan: Keripik Tempe Bu Sari');
    expect(model.footer).toBe('Keripik Tempe Bu Sari · versi 2');
    expect(model.print[0]).toMatchObject({ warnings: [], ok: false, note: expect.stringMatching(/^Halaman PDF/) });
  });
});

describe('the model as data', () => {
  it('is plain JSON that the schema accepts, for both languages and both modes', () => {
    for (const language of ['id', 'en'] as const) {
      for (const mode of ['combined', { mentorId: 'm-rina' }] as const) {
        const model = buildPackModel(packInput(), { language, mode });
        const copy = JSON.parse(JSON.stringify(model)) as unknown;
        expect(copy).toEqual(model);
        expect(packModelSchema.parse(copy)).toEqual(model);
      }
    }
  });

  it('refuses a model from a newer Kemas Studio', () => {
    const model = buildPackModel(packInput(), { language: 'id', mode: 'combined' });
    expect(packModelSchema.safeParse({ ...model, formatVersion: 2 }).success).toBe(false);
  });

  it('picks the cautious verdict on a tie and the majority otherwise', () => {
    expect(combinedVerdict([{ verdict: 'market-ready' }, { verdict: 'minor-revision' }])).toBe('minor-revision');
    expect(combinedVerdict([{ verdict: 'market-ready' }, { verdict: 'market-ready' }, { verdict: 'major-revision' }])).toBe('market-ready');
    expect(combinedVerdict([{ verdict: null }])).toBeNull();
  });

  it('names mentors the caller did not list with a plain word, and lists them last', () => {
    const input = packInput();
    input.mentors = MENTORS.slice(1);
    const model = buildPackModel(input, { language: 'id', mode: 'combined' });
    expect(model.mentors.map((m) => m.name)).toEqual(['Andrés Nuñez-Kurniawan', 'Mentor']);
  });
});
