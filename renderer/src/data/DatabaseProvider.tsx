import { createContext, useContext, type ReactNode } from 'react';
import type { KemasDatabase } from './db.ts';

const DatabaseContext = createContext<KemasDatabase | null>(null);

/** Gives the screens below it one database; tests pass a fresh one. */
export function DatabaseProvider({ db, children }: { db: KemasDatabase; children: ReactNode }) {
  return <DatabaseContext value={db}>{children}</DatabaseContext>;
}

export function useDatabase(): KemasDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase outside DatabaseProvider');
  return db;
}
