/**
 * The plan of an import, as the dry run answers it: the counts in words, what blocks the import,
 * the organisation's fields the file sets, a table with a row per record (where it is in the file,
 * what it is, what the import does with it and why), and what the file holds that has no place in
 * the register. A rejected row says so in words and with a mark, never by colour alone.
 */
import type { ReactNode, Ref } from 'react';
import { useT, type Messages } from '../i18n';
import type { FieldChange, ImportReport, LinkMatch, PlanRow, RowAction } from './import-types';
import { Alert, Heading, Paragraph, Table, TableBody, TableHead } from './ui';

type Key =
  | 'title'
  | 'summary'
  | 'source'
  | 'blockingTitle'
  | 'rejected'
  | 'organisation'
  | 'caption'
  | 'name'
  | 'kind'
  | 'action'
  | 'location'
  | 'details'
  | 'create'
  | 'update'
  | 'unchanged'
  | 'reject'
  | 'added'
  | 'changes'
  | 'matches'
  | 'inferred'
  | 'reasons'
  | 'empty'
  | 'how.key'
  | 'how.register-id'
  | 'how.name'
  | 'how.register-name'
  | 'how.knowledge-base'
  | 'how.new'
  | 'vendor'
  | 'vendorOn'
  | 'confidence'
  | 'unmapped'
  | 'unmappedItem'
  | 'examples'
  | 'notes'
  | 'noRows'
  | 'kind.process'
  | 'kind.party'
  | 'kind.product'
  | 'kind.asset'
  | 'kind.dependency'
  | 'kind.contract'
  | 'kind.exit-plan'
  | 'kind.exitPlan';

const messages: Messages<Key> = {
  nl: {
    title: 'Resultaat van de proefimport',
    summary:
      'Aantal records in het bestand: {total}. Aanmaken: {create}, bijwerken: {update}, ongewijzigd: {unchanged}, afgewezen: {reject}.',
    source: 'Bestand: {source} (formaat {format}). Er is nog niets opgeslagen.',
    blockingTitle: 'Dit bestand past niet bij deze organisatie:',
    rejected:
      'Afgewezen records: {n}. Zolang er records zijn afgewezen, wordt niets geïmporteerd: verbeter het bestand en doe opnieuw een proefimport.',
    organisation: 'Gegevens van de organisatie',
    caption: 'Records in het bestand',
    name: 'Naam',
    kind: 'Soort',
    action: 'Actie',
    location: 'Plaats in het bestand',
    details: 'Toelichting',
    create: 'aanmaken',
    update: 'bijwerken',
    unchanged: 'ongewijzigd',
    reject: 'afgewezen',
    added: 'Toegevoegd omdat het bestand ernaar verwijst.',
    changes: 'Wijzigingen',
    matches: 'Verwijzingen',
    inferred: 'Afgeleid uit de kennisbank',
    reasons: 'Afgewezen omdat',
    empty: '(leeg)',
    'how.key': 'sleutel in dit bestand',
    'how.register-id': 'id in het register',
    'how.name': 'naam in dit bestand',
    'how.register-name': 'naam in het register',
    'how.knowledge-base': 'nieuw, uit de kennisbank',
    'how.new': 'nieuw aangemaakt',
    vendor: 'kennisbank: {vendor}, {confidence}',
    vendorOn: 'kennisbank: {vendor} (gevonden op {on}), {confidence}',
    confidence: '{pct}% zeker',
    unmapped: 'Niet overgenomen',
    unmappedItem: '{what} ({count}×): {reason}',
    examples: 'Bijvoorbeeld: {list}',
    notes: 'Opmerkingen',
    noRows: 'Het bestand bevat geen records.',
    'kind.process': 'proces',
    'kind.party': 'partij',
    'kind.product': 'product',
    'kind.asset': 'voorziening',
    'kind.dependency': 'afhankelijkheid',
    'kind.contract': 'contract',
    'kind.exit-plan': 'exitplan',
    'kind.exitPlan': 'exitplan',
  },
  en: {
    title: 'Result of the dry run',
    summary:
      'Number of records in the file: {total}. Create: {create}, update: {update}, unchanged: {unchanged}, rejected: {reject}.',
    source: 'File: {source} (format {format}). Nothing has been saved yet.',
    blockingTitle: 'This file does not fit this organisation:',
    rejected:
      'Rejected records: {n}. While records are rejected nothing is imported: correct the file and do a dry run again.',
    organisation: 'Organisation details',
    caption: 'Records in the file',
    name: 'Name',
    kind: 'Kind',
    action: 'Action',
    location: 'Place in the file',
    details: 'Details',
    create: 'create',
    update: 'update',
    unchanged: 'unchanged',
    reject: 'rejected',
    added: 'Added because the file refers to it.',
    changes: 'Changes',
    matches: 'References',
    inferred: 'Inferred from the knowledge base',
    reasons: 'Rejected because',
    empty: '(empty)',
    'how.key': 'key in this file',
    'how.register-id': 'id in the register',
    'how.name': 'name in this file',
    'how.register-name': 'name in the register',
    'how.knowledge-base': 'new, from the knowledge base',
    'how.new': 'newly created',
    vendor: 'knowledge base: {vendor}, {confidence}',
    vendorOn: 'knowledge base: {vendor} (matched on {on}), {confidence}',
    confidence: '{pct}% sure',
    unmapped: 'Not taken over',
    unmappedItem: '{what} ({count}×): {reason}',
    examples: 'For example: {list}',
    notes: 'Notes',
    noRows: 'The file holds no records.',
    'kind.process': 'process',
    'kind.party': 'party',
    'kind.product': 'product',
    'kind.asset': 'asset',
    'kind.dependency': 'dependency',
    'kind.contract': 'contract',
    'kind.exit-plan': 'exit plan',
    'kind.exitPlan': 'exit plan',
  },
};

/** A mark per action, beside the word (hidden from screen readers: the word says it). */
const MARKS: Record<RowAction, string> = { create: '+', update: '✎', unchanged: '=', reject: '✗' };

export const percent = (confidence: number) => Math.round(confidence * 100);

export function ImportPlanView({ plan, headingRef }: { plan: ImportReport; headingRef?: Ref<HTMLHeadingElement> }) {
  const t = useT(messages);
  const total = plan.rows.length;
  const kindWord = (kind: string) => (`kind.${kind}` in messages.nl ? t(`kind.${kind}` as Key) : kind);
  const value = (v: unknown): string =>
    v === undefined || v === null || v === ''
      ? t('empty')
      : Array.isArray(v)
        ? v.map(value).join(', ')
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v as string | number | boolean);
  const change = (c: FieldChange) => `${c.field}: ${value(c.before)} → ${value(c.after)}`;
  const match = (m: LinkMatch) => {
    const kb =
      m.vendor && m.confidence !== undefined
        ? m.matchedOn
          ? t('vendorOn', {
              vendor: m.vendor,
              on: m.matchedOn,
              confidence: t('confidence', { pct: percent(m.confidence) }),
            })
          : t('vendor', { vendor: m.vendor, confidence: t('confidence', { pct: percent(m.confidence) }) })
        : undefined;
    return `${m.field}: “${m.text}” → ${kindWord(m.kind)} ${m.id} (${t(`how.${m.how}`)}${kb ? `; ${kb}` : ''})`;
  };

  const details = (r: PlanRow): ReactNode => {
    const parts: { key: string; label: string; items: string[] }[] = [
      { key: 'reasons', label: t('reasons'), items: r.reasons },
      { key: 'changes', label: t('changes'), items: r.changes.map(change) },
      { key: 'matches', label: t('matches'), items: r.matches.map(match) },
      {
        key: 'inferred',
        label: t('inferred'),
        items: r.inferred.map(
          (i) =>
            `${i.field}: ${i.rule}${i.source ? ` (${i.source})` : ''}${
              i.confidence !== undefined ? `, ${t('confidence', { pct: percent(i.confidence) })}` : ''
            }`,
        ),
      },
    ].filter((p) => p.items.length);
    return (
      <>
        {r.added && <p className="utrecht-paragraph stapel-import-detail">{t('added')}</p>}
        {parts.map((p) => (
          <div key={p.key} className="stapel-import-detail">
            <strong>{p.label}:</strong>
            <ul className="utrecht-unordered-list">
              {p.items.map((item, i) => (
                <li key={i} className="utrecht-unordered-list__item">
                  {item}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </>
    );
  };

  const action = (a: RowAction) => (
    <span className={`stapel-import-action stapel-import-action--${a}`}>
      <span aria-hidden="true">{MARKS[a]}</span> {a === 'reject' ? <strong>{t(a)}</strong> : t(a)}
    </span>
  );

  return (
    <section aria-labelledby="import-result" className="stapel-section">
      <h2 className="utrecht-heading-2" id="import-result" tabIndex={-1} ref={headingRef}>
        {t('title')}
      </h2>
      <Paragraph>
        {t('summary', {
          total,
          create: plan.counts.create,
          update: plan.counts.update,
          unchanged: plan.counts.unchanged,
          reject: plan.counts.reject,
        })}
      </Paragraph>
      <Paragraph>{t('source', { source: plan.source, format: plan.format })}</Paragraph>
      {plan.blocking.length > 0 && (
        <Alert type="error">
          <p className="utrecht-paragraph">{t('blockingTitle')}</p>
          <ul className="utrecht-unordered-list">
            {plan.blocking.map((b, i) => (
              <li key={i} className="utrecht-unordered-list__item">
                {b}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {plan.counts.reject > 0 && <Alert type="warning">{t('rejected', { n: plan.counts.reject })}</Alert>}
      {plan.organisation.length > 0 && (
        <>
          <Heading level={3}>{t('organisation')}</Heading>
          <ul className="utrecht-unordered-list">
            {plan.organisation.map((c) => (
              <li key={c.field} className="utrecht-unordered-list__item">
                {change(c)}
              </li>
            ))}
          </ul>
        </>
      )}
      {total === 0 ? (
        <Paragraph>{t('noRows')}</Paragraph>
      ) : (
        <Table caption={t('caption')}>
          <TableHead cells={[t('name'), t('kind'), t('action'), t('location'), t('details')]} />
          <TableBody
            rows={plan.rows.map((r, i) => ({
              key: `${i}:${r.kind}:${r.id}`,
              cells: [r.name || r.id, kindWord(r.kind), action(r.action), r.location, details(r)],
            }))}
          />
        </Table>
      )}
      {plan.unmapped.length > 0 && (
        <>
          <Heading level={3}>{t('unmapped')}</Heading>
          <ul className="utrecht-unordered-list">
            {plan.unmapped.map((u, i) => (
              <li key={i} className="utrecht-unordered-list__item">
                {t('unmappedItem', { what: u.what, count: u.count, reason: u.reason })}
                {u.examples.length > 0 && ` ${t('examples', { list: u.examples.join(', ') })}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.notes.length > 0 && (
        <>
          <Heading level={3}>{t('notes')}</Heading>
          <ul className="utrecht-unordered-list">
            {plan.notes.map((n, i) => (
              <li key={i} className="utrecht-unordered-list__item">
                {n}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
