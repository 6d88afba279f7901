/**
 * Files to download for working on the register elsewhere: the empty spreadsheet template (Excel,
 * in Dutch or English; CSV per kind of record in the UI's language) and the register itself as an
 * Excel workbook in the template's layout, so it can be edited and imported again.
 */
import { useLang, useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { CSV_KIND_LABELS, CSV_KINDS } from './import-types';
import { Heading, Paragraph } from './ui';

type Key =
  'title' | 'intro' | 'templates' | 'xlsxNl' | 'xlsxEn' | 'csvTitle' | 'csvIntro' | 'csv' | 'register' | 'registerXlsx';

const messages: Messages<Key> = {
  nl: {
    title: 'Sjablonen en het register downloaden',
    intro:
      'Vul een sjabloon in en importeer het hierboven, of download het register, werk het bij en importeer het opnieuw: records met een sleutel worden dan bijgewerkt in plaats van dubbel aangemaakt.',
    templates: 'Sjablonen',
    xlsxNl: 'Sjabloon downloaden (Excel, Nederlands)',
    xlsxEn: 'Sjabloon downloaden (Excel, Engels)',
    csvTitle: 'CSV-sjablonen per soort record',
    csvIntro: 'Met Nederlandse kolomkoppen; in het Engels als u de taal omschakelt.',
    csv: '{kind} (CSV)',
    register: 'Het register',
    registerXlsx: 'Het register downloaden (Excel, in de indeling van het sjabloon)',
  },
  en: {
    title: 'Download templates and the register',
    intro:
      'Fill in a template and import it above, or download the register, update it and import it again: records with a key are then updated instead of created twice.',
    templates: 'Templates',
    xlsxNl: 'Download the template (Excel, Dutch)',
    xlsxEn: 'Download the template (Excel, English)',
    csvTitle: 'CSV templates per kind of record',
    csvIntro: 'With English column headers; in Dutch when you switch the language.',
    csv: '{kind} (CSV)',
    register: 'The register',
    registerXlsx: 'Download the register (Excel, in the template’s layout)',
  },
};

function Links({ links }: { links: { href: string; label: string; key: string }[] }) {
  return (
    <ul className="utrecht-link-list utrecht-link-list--html-ul">
      {links.map((l) => (
        <li key={l.key} className="utrecht-link-list__item">
          <a className="utrecht-link utrecht-link--html-a" href={l.href} download>
            {l.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function ImportDownloads() {
  const t = useT(messages);
  const { lang } = useLang();
  const { base } = useOrg();
  return (
    <section aria-labelledby="import-downloads" className="stapel-section">
      <Heading level={2} id="import-downloads">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <Heading level={3}>{t('templates')}</Heading>
      <Links
        links={[
          { key: 'nl', href: '/api/templates?format=xlsx&lang=nl', label: t('xlsxNl') },
          { key: 'en', href: '/api/templates?format=xlsx&lang=en', label: t('xlsxEn') },
        ]}
      />
      <Heading level={4}>{t('csvTitle')}</Heading>
      <Paragraph>{t('csvIntro')}</Paragraph>
      <Links
        links={CSV_KINDS.map((k) => ({
          key: k,
          href: `/api/templates?format=csv&kind=${k}&lang=${lang}`,
          label: t('csv', { kind: CSV_KIND_LABELS[k][lang] }),
        }))}
      />
      <Heading level={3}>{t('register')}</Heading>
      <Links
        links={[{ key: 'xlsx', href: `${base}/exports/register?format=xlsx&lang=${lang}`, label: t('registerXlsx') }]}
      />
    </section>
  );
}
