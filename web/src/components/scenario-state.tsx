/**
 * How a scenario's states and times read: a state as an icon and a word (never colour alone), and
 * a time to restore in hours or days — or "unknown (no exit plan)" when nothing says.
 */
import { useCallback } from 'react';
import { useT, type Messages } from '../i18n';
import type { NodeShape } from './graph-canvas';
import type { NodeState } from './scenario-types';

/** Colour, canvas shape and icon per state; the colours pass 3:1 against white. */
export const STATE_LOOK: Record<NodeState, { colour: string; shape: NodeShape; symbol: string }> = {
  stopped: { colour: '#b00020', shape: 'octagon', symbol: '✕' },
  degraded: { colour: '#8a6d00', shape: 'triangle', symbol: '!' },
  running: { colour: '#2e7d32', shape: 'ellipse', symbol: '✓' },
};

const messages: Messages<NodeState | 'unknown' | 'none' | 'hours' | 'hour' | 'days' | 'day' | 'exceeds' | 'within'> = {
  nl: {
    stopped: 'gestopt',
    degraded: 'beperkt',
    running: 'draait door',
    unknown: 'onbekend (geen exitplan)',
    none: '—',
    hours: '{n} uur',
    hour: '{n} uur',
    days: '{n} dagen',
    day: '{n} dag',
    exceeds: 'overschrijdt de maximale uitval',
    within: 'binnen de maximale uitval',
  },
  en: {
    stopped: 'stopped',
    degraded: 'degraded',
    running: 'running',
    unknown: 'unknown (no exit plan)',
    none: '—',
    hours: '{n} hours',
    hour: '{n} hour',
    days: '{n} days',
    day: '{n} day',
    exceeds: 'exceeds the maximum tolerable downtime',
    within: 'within the maximum tolerable downtime',
  },
};

export function useStateLabel() {
  return useT(messages) as (key: NodeState) => string;
}

export function StateBadge({ state }: { state: NodeState }) {
  const t = useT(messages);
  const look = STATE_LOOK[state];
  return (
    <span className="stapel-risk" data-state={state}>
      <span aria-hidden="true" style={{ color: look.colour, fontWeight: 700 }}>
        {look.symbol}
      </span>{' '}
      {t(state)}
    </span>
  );
}

/** Hours as words: up to three days in hours, longer in days. */
export function useDuration() {
  const t = useT(messages);
  return useCallback(
    (hours: number | null | undefined): string => {
      if (hours === undefined) return t('none');
      if (hours === null) return t('unknown');
      if (hours < 72) return t(hours === 1 ? 'hour' : 'hours', { n: hours });
      const days = Math.round((hours / 24) * 10) / 10;
      return t(days === 1 ? 'day' : 'days', { n: days });
    },
    [t],
  );
}

export function Exceeds({ exceeds }: { exceeds: boolean | undefined }) {
  const t = useT(messages);
  if (exceeds === undefined) return <>{t('none')}</>;
  return (
    <span className="stapel-risk">
      <span
        aria-hidden="true"
        style={{ color: exceeds ? STATE_LOOK.stopped.colour : STATE_LOOK.running.colour, fontWeight: 700 }}
      >
        {exceeds ? '✕' : '✓'}
      </span>{' '}
      {t(exceeds ? 'exceeds' : 'within')}
    </span>
  );
}
