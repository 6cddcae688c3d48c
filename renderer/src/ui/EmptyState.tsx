import type { ReactNode } from 'react';

/** Says what is missing and offers the next step. */
export function EmptyState({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <p>{body}</p>
      {children ? <div className="empty-state-actions">{children}</div> : null}
    </section>
  );
}
