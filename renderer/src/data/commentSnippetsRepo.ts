import { commentSnippetSchema, type CommentSnippet } from '#shared/domain/commentSnippet.ts';
import type { KemasDatabase } from './db.ts';
import { newRecordBase } from './records.ts';

/** The mentors' own snippets (the starter bank ships in code, see shared/annotations/commentBank.ts). */
export async function listOwnSnippets(db: KemasDatabase): Promise<CommentSnippet[]> {
  const rows = await db.commentSnippets.toArray();
  return rows.filter((s) => s.deletedAt === null && !s.builtin);
}

/** Saves a comment as a reusable snippet, in the language it was written and the other. */
export async function addSnippet(
  db: KemasDatabase,
  fields: Pick<CommentSnippet, 'text' | 'category'>,
  actor: string,
): Promise<CommentSnippet> {
  const snippet = commentSnippetSchema.parse({ ...newRecordBase(actor), ...fields, builtin: false });
  await db.commentSnippets.add(snippet);
  return snippet;
}
