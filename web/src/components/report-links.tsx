/**
 * The board report for download: HTML to read in the browser, PDF to print or send, XLSX with the
 * register, risks and findings — in the language the UI is in.
 */
import { useLang, useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { Heading, Paragraph } from './ui';

const messages: Messages<'title' | 'intro' | 'html' | 'pdf' | 'xlsx'> = {
  nl: {
    title: 'Rapport voor het bestuur',
    intro:
      'Het rapport digitale autonomie: samenvatting, risico per laag, concentratie, scenario’s, exitplannen en maatregelen.',
    html: 'Rapport bekijken (HTML)',
    pdf: 'Rapport downloaden (PDF)',
    xlsx: 'Register, risico’s en kwetsbaarheden downloaden (Excel)',
  },
  en: {
    title: 'Report for the board',
    intro: 'The digital-autonomy report: summary, risk per layer, concentration, scenarios, exit plans and measures.',
    html: 'View the report (HTML)',
    pdf: 'Download the report (PDF)',
    xlsx: 'Download the register, risks and vulnerabilities (Excel)',
  },
};

export function ReportLinks() {
  const t = useT(messages);
  const { lang } = useLang();
  const { base } = useOrg();
  const href = (format: string) => `${base}/report?format=${format}&lang=${lang}`;
  return (
    <section aria-labelledby="report-links" className="stapel-section">
      <Heading level={2} id="report-links">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <ul className="utrecht-link-list utrecht-link-list--html-ul">
        {(['html', 'pdf', 'xlsx'] as const).map((f) => (
          <li key={f} className="utrecht-link-list__item">
            <a className="utrecht-link utrecht-link--html-a" href={href(f)}>
              {t(f)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
