import type { Face } from '#shared/domain/asset.ts';
import type { ParticipantFields } from '#shared/domain/participant.ts';
import kopiBack from '#assets/demo/kopi-ijen-back.jpg?url';
import kopiFront from '#assets/demo/kopi-ijen-front.jpg?url';
import jamuBack from '#assets/demo/jamu-kunyit-back.jpg?url';
import jamuFront from '#assets/demo/jamu-kunyit-front.jpg?url';
import keripikBack from '#assets/demo/keripik-tempe-back.jpg?url';
import keripikFront from '#assets/demo/keripik-tempe-front.jpg?url';

/** Fixed ids: loading the demo twice gives one demo workshop, not two. */
export const DEMO_WORKSHOP_ID = 'demo-workshop-v1';

export interface DemoParticipant {
  key: string;
  fields: Omit<ParticipantFields, 'workshopId'>;
  faces: { face: Face; url: string; fileName: string }[];
}

/**
 * Three made-up East Java businesses with packaging drawn for this project
 * (assets/demo/*.svg, rendered by scripts/renderDemo.ts). Each design has
 * flaws a mentor would point out.
 */
export const DEMO_PARTICIPANTS: readonly DemoParticipant[] = [
  {
    key: 'keripik-tempe',
    fields: {
      business: 'Keripik Tempe Bu Sari',
      owner: 'Sari Wulandari',
      product: 'Keripik Tempe Rasa Original',
      category: 'snack',
      city: 'Malang',
      region: 'Malang',
      contact: '0812-3456-7801',
      labelFacts: {
        registrationNumber: 'P-IRT 2063507010123-29',
        halalCertificate: 'ID35110002468130725',
        netContent: '100 g',
        packagingMaterial: 'composite',
      },
      packDimensions: { widthMm: 140, heightMm: 220, depthMm: 40 },
    },
    faces: [
      { face: 'front', url: keripikFront, fileName: 'Keripik Tempe Bu Sari - Keripik Tempe - depan.jpg' },
      { face: 'back', url: keripikBack, fileName: 'Keripik Tempe Bu Sari - Keripik Tempe - belakang.jpg' },
    ],
  },
  {
    key: 'kopi-ijen',
    fields: {
      business: 'Kopi Bubuk Lereng Ijen',
      owner: 'Hendra Kurniawan',
      product: 'Kopi Bubuk Arabika',
      category: 'beverage',
      city: 'Jember',
      region: 'Jember',
      contact: 'kopilerengijen@example.id',
      labelFacts: {
        registrationNumber: 'P-IRT 3093509020456-30',
        halalCertificate: 'ID35110003579240825',
        netContent: '200 g',
        packagingMaterial: 'paper',
      },
      packDimensions: { widthMm: 80, heightMm: 200, depthMm: 50 },
    },
    faces: [
      { face: 'front', url: kopiFront, fileName: 'Kopi Bubuk Lereng Ijen - Kopi Arabika - depan.jpg' },
      { face: 'back', url: kopiBack, fileName: 'Kopi Bubuk Lereng Ijen - Kopi Arabika - belakang.jpg' },
    ],
  },
  {
    key: 'jamu-kunyit',
    fields: {
      business: 'Jamu Kunyit Asam Mbok Darmi',
      owner: 'Darmi Rahayu',
      product: 'Jamu Kunyit Asam',
      category: 'herbal',
      city: 'Madiun',
      region: 'Madiun',
      contact: '0857-1234-5566',
      labelFacts: {
        registrationNumber: 'BPOM RI MD 224313001245',
        halalCertificate: 'ID35110004681221125',
        netContent: '250 ml',
        packagingMaterial: 'glass',
      },
      packDimensions: { widthMm: 200, heightMm: 70, depthMm: 0 },
    },
    faces: [
      { face: 'front', url: jamuFront, fileName: 'Jamu Kunyit Asam Mbok Darmi - Jamu - depan.jpg' },
      { face: 'back', url: jamuBack, fileName: 'Jamu Kunyit Asam Mbok Darmi - Jamu - belakang.jpg' },
    ],
  },
];
