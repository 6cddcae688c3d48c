import type { Face } from '#shared/domain/asset.ts';
import { faceFromFileName, ORDER_FACES, resolveHint, type FaceHint } from '#shared/intake/faceGuess.ts';
import type { Participant, ParticipantFields } from '#shared/domain/participant.ts';
import { matchParticipant, normaliseName, parseDesignFileName } from '#shared/intake/fileNames.ts';
import type { FaceDestination } from '../../data/submissionsRepo.ts';
import type { SourceFile } from './collectFiles.ts';

/** Where the mentor dropped or imported: a workshop as a whole, or one participant. */
export type ImportTarget =
  | { kind: 'workshop'; workshopId: string }
  | { kind: 'participant'; workshopId: string; participantId: string; newVersion: boolean };

/** A roster row as the plan needs it: the participant it describes and the files it names. */
export interface RosterRow {
  fields: Omit<ParticipantFields, 'workshopId'>;
  files: readonly string[];
}

export interface PlannedFile {
  source: SourceFile;
  /** Null: the unassigned tray. */
  destination: FaceDestination | null;
  /** Face of the first (or only) page when its page says nothing; later PDF pages take the next free faces. */
  face: Face;
  /** What the file name says (`KOPI_depan_final.jpg` → front), or null: the face above is then a guess by order. */
  named: FaceHint | null;
}

export interface PlanContext {
  target: ImportTarget;
  participants: readonly Participant[];
  /** Newest live submission id per participant id. */
  latestSubmission: ReadonlyMap<string, string>;
  roster?: readonly RosterRow[];
  newId?: () => string;
}

const baseName = (path: string) => path.split('/').pop() ?? path;

const emptyFields = (business: string, product: string): Omit<ParticipantFields, 'workshopId'> => ({
  business,
  owner: '',
  product,
  category: 'other',
  city: '',
  region: '',
  contact: '',
  labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '', packagingMaterial: null },
  packDimensions: null,
});

/**
 * Decides, before anything is read, where each file goes: the participant it
 * was dropped on; else the roster row that names it; else the participant its
 * name (`Business - Product - face.jpg`) points to, made when new; else the
 * unassigned tray. Files for one participant share one submission per import.
 */
export function planImport(files: readonly SourceFile[], context: PlanContext): PlannedFile[] {
  const newId = context.newId ?? (() => crypto.randomUUID());
  // One participant id and one new submission id per participant key in this import.
  const participantIds = new Map<string, string>();
  const submissions = new Map<string, FaceDestination['submission']>();
  const usedFaces = new Map<string, Set<Face>>();

  const rosterByFile = new Map<string, RosterRow>();
  for (const row of context.roster ?? []) {
    for (const file of row.files) rosterByFile.set(normaliseName(baseName(file)), row);
  }

  function submissionFor(participantId: string, forceNew: boolean, title: string): FaceDestination['submission'] {
    const existing = context.latestSubmission.get(participantId);
    if (existing && !forceNew) return { id: existing };
    let planned = submissions.get(participantId);
    if (!planned) submissions.set(participantId, (planned = { id: newId(), create: { title } }));
    return planned;
  }

  function nextFace(participantKey: string, wanted: FaceHint | null): Face {
    const used = usedFaces.get(participantKey) ?? new Set<Face>();
    usedFaces.set(participantKey, used);
    const face = wanted ? resolveHint(wanted, used) : (ORDER_FACES.find((f) => !used.has(f)) ?? 'other');
    used.add(face);
    return face;
  }

  function participantFor(key: string, fields: Omit<ParticipantFields, 'workshopId'>): FaceDestination['participant'] {
    const matched = matchParticipant(fields, context.participants);
    if (matched) return { id: matched };
    let id = participantIds.get(key);
    if (!id) participantIds.set(key, (id = newId()));
    return { id, create: fields };
  }

  return files.map((source): PlannedFile => {
    const name = baseName(source.path);
    const parsed = parseDesignFileName(name);
    // The convention's face word, else any face word in the name (`back-v2.png`).
    const named: FaceHint | null = parsed?.face ?? faceFromFileName(name);
    const { target } = context;
    if (target.kind === 'participant') {
      const product = context.participants.find((p) => p.id === target.participantId)?.product ?? '';
      return {
        source,
        destination: {
          participant: { id: target.participantId },
          submission: submissionFor(target.participantId, target.newVersion, product),
        },
        face: nextFace(target.participantId, named),
        named,
      };
    }
    const row = rosterByFile.get(normaliseName(name));
    if (row) {
      const key = `roster:${normaliseName(row.fields.business)}|${normaliseName(row.fields.product)}`;
      const participant = participantFor(key, row.fields);
      return {
        source,
        destination: { participant, submission: submissionFor(participant.id, false, row.fields.product) },
        face: nextFace(participant.id, named),
        named,
      };
    }
    if (parsed) {
      const key = `name:${normaliseName(parsed.business)}|${normaliseName(parsed.product)}`;
      const participant = participantFor(key, emptyFields(parsed.business, parsed.product));
      const forceNew = parsed.version !== null && parsed.version > 1 && participant.create === undefined;
      return {
        source,
        destination: { participant, submission: submissionFor(participant.id, forceNew, parsed.product) },
        face: nextFace(participant.id, named),
        named,
      };
    }
    // The tray: what the name says, else "other" until the mentor picks (nothing is guessed by order here).
    return { source, destination: null, face: named ? resolveHint(named, new Set()) : 'other', named };
  });
}
