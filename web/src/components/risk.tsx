/**
 * Risk levels as the UI shows them: a colour, a shape and a word, so no information is carried by
 * colour alone (WCAG 1.4.1). The colours pass 3:1 against white for the shapes; the word carries
 * the level for everyone.
 */
import { useT, type Messages } from '../i18n';

export type Level = 'low' | 'medium' | 'high' | 'very-high';

export const LEVEL_COLOURS: Record<Level, string> = {
  low: '#2e7d32',
  medium: '#8a6d00',
  high: '#c24e00',
  'very-high': '#b00020',
};
/** A different shape per level: ● ▲ ◆ ■. */
export const LEVEL_SYMBOLS: Record<Level, string> = { low: '●', medium: '▲', high: '◆', 'very-high': '■' };

const messages: Messages<Level> = {
  nl: { low: 'laag', medium: 'midden', high: 'hoog', 'very-high': 'zeer hoog' },
  en: { low: 'low', medium: 'medium', high: 'high', 'very-high': 'very high' },
};

export function useLevelLabel() {
  return useT(messages);
}

export function RiskBadge({ level, score }: { level: Level; score?: number }) {
  const t = useT(messages);
  return (
    <span className={`stapel-risk stapel-risk--${level}`}>
      <span aria-hidden="true" style={{ color: LEVEL_COLOURS[level] }}>
        {LEVEL_SYMBOLS[level]}
      </span>{' '}
      {t(level)}
      {score !== undefined && <> ({score})</>}
    </span>
  );
}
