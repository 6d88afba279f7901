/**
 * The organisation's own knowledge-base entries (`{base}/kb/entries`): what it added or overrode,
 * with the justification each needs, so a reader sees at once where the organisation's view
 * departs from the shipped knowledge base.
 */
import { useLocation } from 'react-router-dom';
import { useLabel, useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { Heading, Link, Paragraph, Table, TableBody, TableHead } from './ui';
import { showSearch, useKindLabel, type OrgKbEntry } from './kb-common';
import { useDate } from './kb-sources';

const messages: Messages<'title' | 'intro' | 'none' | 'name' | 'kind' | 'why' | 'updated'> = {
  nl: {
    title: 'Eigen aanvullingen van {org}',
    intro:
      'Vermeldingen die deze organisatie zelf heeft toegevoegd of vervangen. Ze gelden alleen voor haar eigen analyse; de meegeleverde kennisbank verandert niet.',
    none: 'Deze organisatie heeft nog geen eigen aanvullingen. Toevoegen of vervangen kan met PUT {path} en een onderbouwing.',
    name: 'Naam',
    kind: 'Soort',
    why: 'Onderbouwing',
    updated: 'Gewijzigd',
  },
  en: {
    title: 'Own entries of {org}',
    intro:
      'Entries this organisation added or replaced itself. They apply to its own analysis only; the shipped knowledge base does not change.',
    none: 'This organisation has no own entries yet. Add or replace one with PUT {path} and a justification.',
    name: 'Name',
    kind: 'Kind',
    why: 'Justification',
    updated: 'Changed',
  },
};

export function OwnEntries({ entries }: { entries: OrgKbEntry[] }) {
  const t = useT(messages);
  const label = useLabel();
  const kindLabel = useKindLabel();
  const date = useDate();
  const { org, base } = useOrg();
  const params = new URLSearchParams(useLocation().search);
  return (
    <section aria-labelledby="kb-own" style={{ marginBlockStart: '2.5rem' }}>
      <Heading level={2} id="kb-own">
        {t('title', { org: org?.name ?? '' })}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      {entries.length === 0 ? (
        <Paragraph>{t('none', { path: `${base}/kb/{kind}/{id}` })}</Paragraph>
      ) : (
        <Table>
          <TableHead cells={[t('name'), t('kind'), t('why'), t('updated')]} />
          <TableBody
            rows={entries.map((e) => ({
              key: `${e.kind}:${e.id}`,
              cells: [
                <Link to={showSearch(params, e.kind, e.id)}>
                  {typeof e.data.name === 'string' ? e.data.name : label(e.data.name, e.id)}
                </Link>,
                kindLabel(e.kind),
                e.justification,
                date(e.updatedAt),
              ],
            }))}
          />
        </Table>
      )}
    </section>
  );
}
