import { describe, expect, it } from 'vitest';
import type { Participant } from '#shared/domain/participant.ts';
import { planImport } from '#renderer/src/features/intake/importPlan.ts';

const file = (path: string) => ({ file: new File([new Uint8Array([1])], path.split('/').pop() ?? path), path });

function participant(id: string, business: string, product: string): Participant {
  return {
    id,
    createdAt: 1,
    updatedAt: 1,
    updatedBy: 'm1',
    deletedAt: null,
    revisions: {},
    workshopId: 'w1',
    business,
    owner: '',
    product,
    category: 'snack',
    city: '',
    region: '',
    contact: '',
    labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '', packagingMaterial: null },
    packDimensions: null,
  };
}

let n = 0;
const newId = () => `id-${++n}`;

describe('import plan', () => {
  it('sends named files to their participant, makes new participants once, and strays to the tray', () => {
    n = 0;
    const existing = [participant('p1', 'Keripik Tempe Bu Sari', 'Keripik Tempe')];
    const plan = planImport(
      [
        file('desain/Keripik Tempe Bu Sari - Keripik Tempe - depan.jpg'),
        file('desain/keripik tempe bu sari - keripik tempe - belakang.png'),
        file('desain/Kopi Ijen - Kopi Arabika - depan.jpg'),
        file('desain/Kopi Ijen - Kopi Arabika - belakang.jpg'),
        file('desain/IMG_0001.jpg'),
      ],
      { target: { kind: 'workshop', workshopId: 'w1' }, participants: existing, latestSubmission: new Map([['p1', 's1']]), newId },
    );
    expect(plan.map((p) => [p.destination?.participant.id ?? 'tray', p.destination?.submission?.id ?? null, p.face])).toEqual([
      ['p1', 's1', 'front'],
      ['p1', 's1', 'back'],
      ['id-1', 'id-2', 'front'],
      ['id-1', 'id-2', 'back'],
      ['tray', null, 'other'],
    ]);
    expect(plan[2]?.destination?.participant.create).toMatchObject({ business: 'Kopi Ijen', product: 'Kopi Arabika' });
    expect(plan[3]?.destination?.participant.create).toBeDefined();
  });

  it('puts files dropped on a participant into a new version when asked, faces in order', () => {
    n = 0;
    const plan = planImport([file('a.jpg'), file('b.jpg'), file('c.jpg')], {
      target: { kind: 'participant', workshopId: 'w1', participantId: 'p1', newVersion: true },
      participants: [participant('p1', 'Jamu Mbok Darmi', 'Jamu')],
      latestSubmission: new Map([['p1', 's1']]),
      newId,
    });
    expect(plan.map((p) => [p.destination?.submission, p.face])).toEqual([
      [{ id: 'id-1', create: { title: 'Jamu' } }, 'front'],
      [{ id: 'id-1', create: { title: 'Jamu' } }, 'back'],
      [{ id: 'id-1', create: { title: 'Jamu' } }, 'left'],
    ]);
  });

  it('follows the roster for files it names', () => {
    n = 0;
    const { id: _id, createdAt: _c, updatedAt: _u, updatedBy: _b, deletedAt: _d, workshopId: _w, ...rosterFields } = participant(
      'x',
      'Kopi Bubuk Lereng Ijen',
      'Kopi Arabika',
    );
    const plan = planImport([file('roster/kopi-depan.jpg')], {
      target: { kind: 'workshop', workshopId: 'w1' },
      participants: [],
      latestSubmission: new Map(),
      roster: [{ fields: rosterFields, files: ['Kopi-Depan.JPG'] }],
      newId,
    });
    expect(plan[0]?.destination?.participant).toEqual({ id: 'id-1', create: rosterFields });
  });

  it('keeps the face a tray file names and leaves the rest as other', () => {
    const plan = planImport([file('IMG_2041.jpg'), file('KOPI_belakang_final.jpg'), file('Kemasan Samping Kiri.tif')], {
      target: { kind: 'workshop', workshopId: 'w1' },
      participants: [],
      latestSubmission: new Map(),
    });
    expect(plan.map((p) => [p.destination, p.face, p.named])).toEqual([
      [null, 'other', null],
      [null, 'back', 'back'],
      [null, 'left', 'left'],
    ]);
  });
});
