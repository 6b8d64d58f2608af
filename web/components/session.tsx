// The logged-in user (/api/auth/me) shared with every page, plus reload and log-out.
import { createContext, useContext } from 'react';
import type { Me } from '../api/client.ts';

export interface Session {
  me: Me;
  reload: () => Promise<void>;
  logout: () => Promise<void>;
  can: (permission: string) => boolean;
  /** Bumped after a tenant switch so pages refetch their data. */
  dataVersion: number;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionContext');
  return s;
}
