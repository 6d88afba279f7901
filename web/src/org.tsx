/**
 * The organisation the UI shows: the one named in ?org=, else the first the store holds. Pages
 * read it with useOrg() and build their API paths from `base`.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './api';

export interface Organisation {
  id: string;
  name: string;
}

interface OrgState {
  org?: Organisation;
  orgs: Organisation[];
  /** `/api/orgs/<id>` of the chosen organisation. */
  base: string;
  error?: string;
}

const OrgContext = createContext<OrgState>({ orgs: [], base: '' });

export function OrgProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<OrgState>({ orgs: [], base: '' });
  useEffect(() => {
    api<{ items: Organisation[] }>('/api/orgs')
      .then(({ items: orgs }) => {
        const wanted = new URLSearchParams(window.location.search).get('org');
        const org = orgs.find((o) => o.id === wanted) ?? orgs[0];
        setState({ orgs, ...(org ? { org } : {}), base: org ? `/api/orgs/${encodeURIComponent(org.id)}` : '' });
      })
      .catch((e: Error) => setState({ orgs: [], base: '', error: e.message }));
  }, []);
  return <OrgContext.Provider value={state}>{children}</OrgContext.Provider>;
}

export const useOrg = () => useContext(OrgContext);
