/**
 * The ownership chain from an asset's provider up to its ultimate parent, each party with its
 * country: read from the register's parties by following parentId. The walk stops at a party
 * without a parent, at one it has seen (a cycle), or after a fixed number of steps.
 */
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { useFormat } from './explain-format';
import type { Party } from './explain-types';

const MAX_STEPS = 12;

const messages: Messages<'label' | 'loading' | 'ultimate' | 'noCountry'> = {
  nl: {
    label: 'Eigendomsketen van leverancier tot uiteindelijke moeder',
    loading: 'Eigendomsketen laden…',
    ultimate: 'uiteindelijke moeder',
    noCountry: 'land onbekend',
  },
  en: {
    label: 'Ownership chain from provider to ultimate parent',
    loading: 'Loading the ownership chain…',
    ultimate: 'ultimate parent',
    noCountry: 'country unknown',
  },
};

function useChain(providerId: string | undefined) {
  const { base } = useOrg();
  const [chain, setChain] = useState<Party[]>();
  useEffect(() => {
    if (!providerId || !base) return;
    let live = true;
    void (async () => {
      const seen = new Set<string>();
      const out: Party[] = [];
      let id: string | undefined = providerId;
      while (id && !seen.has(id) && out.length < MAX_STEPS) {
        seen.add(id);
        try {
          const p: Party = await api<Party>(`${base}/parties/${encodeURIComponent(id)}`);
          out.push(p);
          id = p.parentId;
        } catch {
          break;
        }
      }
      if (live) setChain(out);
    })();
    return () => {
      live = false;
    };
  }, [providerId, base]);
  return chain;
}

export function OwnershipChain({
  providerId,
  ultimateParent,
}: {
  providerId: string;
  /** The analysis's ultimate parent, added at the end when the register chain stops short of it. */
  ultimateParent?: { id: string; name: string; country?: string };
}) {
  const t = useT(messages);
  const f = useFormat();
  const chain = useChain(providerId);
  if (!chain) return <span role="status">{t('loading')}</span>;
  const parties = [...chain];
  if (ultimateParent && !parties.some((p) => p.id === ultimateParent.id))
    parties.push({
      id: ultimateParent.id,
      name: ultimateParent.name,
      ...(ultimateParent.country ? { country: ultimateParent.country } : {}),
    });
  return (
    <ol className="stapel-chain" aria-label={t('label')}>
      {parties.map((p, i) => (
        <li key={p.id}>
          {i > 0 && <span aria-hidden="true">↳ </span>}
          {p.name} ({p.country ? f.country(p.country) : t('noCountry')})
          {p.id === ultimateParent?.id && <> — {t('ultimate')}</>}
        </li>
      ))}
    </ol>
  );
}
