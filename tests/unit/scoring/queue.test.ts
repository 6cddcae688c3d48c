import { describe, expect, it } from 'vitest';
import { assignQueues, blindNumber, neighbour, nextUnscored, selectSubmissions, type QueueCandidate } from '#shared/scoring/queue.ts';

const candidates: QueueCandidate[] = [
  { submissionId: 's1', region: 'Malang', category: 'food', version: 1, isLatest: false },
  { submissionId: 's2', region: 'Malang', category: 'food', version: 2, isLatest: true },
  { submissionId: 's3', region: 'Jember', category: 'beverage', version: 1, isLatest: true },
  { submissionId: 's4', region: 'Madiun', category: 'snack', version: 1, isLatest: true },
];

describe('selectSubmissions', () => {
  it('keeps everything with empty filters and all versions', () => {
    expect(selectSubmissions({ regions: [], categories: [], version: 'all' }, candidates)).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('filters by region, category and version', () => {
    expect(selectSubmissions({ regions: ['Malang'], categories: [], version: 'latest' }, candidates)).toEqual(['s2']);
    expect(selectSubmissions({ regions: [], categories: ['food', 'snack'], version: 1 }, candidates)).toEqual(['s1', 's4']);
    expect(selectSubmissions({ regions: ['Jember'], categories: ['food'], version: 'all' }, candidates)).toEqual([]);
  });
});

describe('assignQueues', () => {
  const base = { mentorIds: ['a', 'b'], submissionIds: ['s1', 's2', 's3', 's4', 's5'], conflicts: [] };

  it('gives every mentor every submission when all score all, except declared conflicts', () => {
    const queues = assignQueues({ ...base, assignment: 'all-score-all', conflicts: [{ mentorId: 'b', submissionId: 's3' }] });
    expect(queues.get('a')).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(queues.get('b')).toEqual(['s1', 's2', 's4', 's5']);
  });

  it('splits the queue in turn, and a conflict moves only the conflicted submission', () => {
    const split = assignQueues({ ...base, assignment: 'split' });
    expect(split.get('a')).toEqual(['s1', 's3', 's5']);
    expect(split.get('b')).toEqual(['s2', 's4']);
    const moved = assignQueues({ ...base, assignment: 'split', conflicts: [{ mentorId: 'a', submissionId: 's3' }] });
    expect(moved.get('a')).toEqual(['s1', 's5']);
    expect(moved.get('b')).toEqual(['s2', 's3', 's4']);
  });

  it('never assigns a conflicted pair, even when nobody else is free (property, every conflict set of 2 mentors x 3 submissions)', () => {
    const pairs = ['a', 'b'].flatMap((mentorId) => ['s1', 's2', 's3'].map((submissionId) => ({ mentorId, submissionId })));
    for (let mask = 0; mask < 1 << pairs.length; mask++) {
      const conflicts = pairs.filter((_, i) => mask & (1 << i));
      for (const assignment of ['split', 'all-score-all'] as const) {
        const queues = assignQueues({ mentorIds: ['a', 'b'], submissionIds: ['s1', 's2', 's3'], conflicts, assignment });
        for (const { mentorId, submissionId } of conflicts) expect(queues.get(mentorId)).not.toContain(submissionId);
        for (const s of ['s1', 's2', 's3']) {
          const holders = [...queues.values()].filter((q) => q.includes(s)).length;
          const freeMentors = ['a', 'b'].filter((m) => !conflicts.some((c) => c.mentorId === m && c.submissionId === s)).length;
          expect(holders).toBe(assignment === 'split' ? Math.min(1, freeMentors) : freeMentors);
        }
      }
    }
  });

  it('keeps work a mentor already did when a mentor joins a split session, and deals the rest evenly', () => {
    // a scored s1, b scored s2; then c joins: the three remaining submissions go one each.
    const keptAssignments = [
      { mentorId: 'a', submissionId: 's1' },
      { mentorId: 'b', submissionId: 's2' },
    ];
    const queues = assignQueues({ ...base, mentorIds: ['a', 'b', 'c'], assignment: 'split', keptAssignments });
    expect(queues.get('a')).toEqual(['s1', 's3']);
    expect(queues.get('b')).toEqual(['s2', 's4']);
    expect(queues.get('c')).toEqual(['s5']);
    // Kept work does not matter when everyone scores everything, nor for a mentor who left.
    expect(assignQueues({ ...base, assignment: 'all-score-all', keptAssignments }).get('b')).toEqual(base.submissionIds);
    expect(assignQueues({ ...base, mentorIds: ['b'], assignment: 'split', keptAssignments }).get('b')).toEqual(base.submissionIds);
  });

  it("moves only the conflicted submission when a keeper declares a conflict on kept work", () => {
    const keptAssignments = [{ mentorId: 'a', submissionId: 's1' }];
    const before = assignQueues({ ...base, assignment: 'split', keptAssignments });
    const after = assignQueues({ ...base, assignment: 'split', keptAssignments, conflicts: [{ mentorId: 'a', submissionId: 's1' }] });
    expect(before.get('a')).toEqual(['s1', 's2', 's4']);
    expect(after.get('a')).toEqual(['s2', 's4']);
    expect(after.get('b')).toEqual(['s1', ...(before.get('b') ?? [])]);
  });
});

describe('queue navigation', () => {
  const queue = ['s1', 's2', 's3', 's4'];

  it('finds the next unscored submission after the current one, wrapping round', () => {
    expect(nextUnscored(queue, new Set(['s1']))).toBe('s2');
    expect(nextUnscored(queue, new Set(['s2']), 's3')).toBe('s4');
    expect(nextUnscored(queue, new Set(['s4']), 's3')).toBe('s1');
    expect(nextUnscored(queue, new Set(), 's2')).toBe('s3');
    expect(nextUnscored(queue, new Set(['s1', 's2', 's4']), 's3')).toBeNull();
    expect(nextUnscored(queue, new Set(queue))).toBeNull();
  });

  it('steps to neighbours and stops at the ends', () => {
    expect(neighbour(queue, 's2', -1)).toBe('s1');
    expect(neighbour(queue, 's4', 1)).toBeNull();
    expect(neighbour(queue, 'x', 1)).toBeNull();
  });

  it('numbers blind submissions by their place in the session', () => {
    expect(blindNumber({ submissionIds: queue }, 's3')).toBe(3);
    expect(blindNumber({ submissionIds: queue }, 'x')).toBeNull();
  });
});
