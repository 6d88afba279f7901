/**
 * Known vulnerabilities in the portfolio's components (`{base}/findings`): per asset the component
 * and version, the OSV record with its aliases (CVE, GHSA), summary, severity and why it matches —
 * the most severe first. With no findings yet, it says how to get the vulnerability records in.
 */
import { useLang, useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { useApi } from '../use-api';
import { Alert, Heading, Link, Loading, Table, TableBody, TableHead } from './ui';
import { Severity, highestScore } from './sbom-severity';

export interface Finding {
  assetId: string;
  assetName: string;
  component: { id: string; name: string; version?: string; purl?: string };
  vulnerability: { id: string; aliases: string[]; summary?: string; severity: { type: string; score: string }[] };
  reason: string;
  foundAt: string;
}

const messages: Messages<
  | 'title'
  | 'loading'
  | 'none'
  | 'howSync'
  | 'howImport'
  | 'caption'
  | 'asset'
  | 'component'
  | 'version'
  | 'vulnerability'
  | 'aliases'
  | 'summary'
  | 'severity'
  | 'reason'
  | 'osv'
> = {
  nl: {
    title: 'Bekende kwetsbaarheden',
    loading: 'Kwetsbaarheden laden…',
    none: 'Er zijn nog geen bevindingen. Ofwel zijn er geen kwetsbaarheidsgegevens opgehaald, ofwel heeft geen enkele component een bekende kwetsbaarheid.',
    howSync: 'Haal de gegevens op bij de OSV-database met',
    howImport: 'of importeer zonder netwerk een OSV-dump met',
    caption: '{n} bevindingen in {assets} assets, de ernstigste eerst',
    asset: 'Asset',
    component: 'Component',
    version: 'Versie',
    vulnerability: 'Kwetsbaarheid',
    aliases: 'ook bekend als',
    summary: 'Samenvatting',
    severity: 'Ernst (CVSS)',
    reason: 'Waarom getroffen',
    osv: '{id} in de OSV-database',
  },
  en: {
    title: 'Known vulnerabilities',
    loading: 'Loading vulnerabilities…',
    none: 'There are no findings yet. Either no vulnerability records have been fetched, or no component has a known vulnerability.',
    howSync: 'Fetch the records from the OSV database with',
    howImport: 'or import an OSV dump without network access with',
    caption: '{n} findings in {assets} assets, the most severe first',
    asset: 'Asset',
    component: 'Component',
    version: 'Version',
    vulnerability: 'Vulnerability',
    aliases: 'also known as',
    summary: 'Summary',
    severity: 'Severity (CVSS)',
    reason: 'Why affected',
    osv: '{id} in the OSV database',
  },
};

export function Findings() {
  const t = useT(messages);
  const { lang } = useLang();
  const { base } = useOrg();
  const { data, error, loading } = useApi<Finding[]>(`${base}/findings`);
  const findings = [...(data ?? [])].sort(
    (a, b) =>
      (highestScore(b.vulnerability.severity) ?? -1) - (highestScore(a.vulnerability.severity) ?? -1) ||
      a.assetName.localeCompare(b.assetName, lang) ||
      a.vulnerability.id.localeCompare(b.vulnerability.id),
  );
  const assets = new Set(findings.map((f) => f.assetId)).size;
  return (
    <section aria-labelledby="sbom-findings" style={{ marginBlockStart: '2.5rem' }}>
      <Heading level={2} id="sbom-findings">
        {t('title')}
      </Heading>
      {loading && <Loading label={t('loading')} />}
      {error && <Alert type="error">{error.message}</Alert>}
      {data && findings.length === 0 && (
        <Alert type="info">
          <p className="utrecht-paragraph">{t('none')}</p>
          <p className="utrecht-paragraph">
            {t('howSync')} <code>stapel vuln sync</code> {t('howImport')} <code>stapel vuln import all.zip</code>.
          </p>
        </Alert>
      )}
      {findings.length > 0 && (
        <Table caption={t('caption', { n: findings.length, assets })}>
          <TableHead
            cells={[
              t('asset'),
              t('component'),
              t('version'),
              t('vulnerability'),
              t('summary'),
              t('severity'),
              t('reason'),
            ]}
          />
          <TableBody
            rows={findings.map((f) => ({
              key: `${f.assetId}:${f.component.id}:${f.vulnerability.id}`,
              cells: [
                <Link to={`/assets/${encodeURIComponent(f.assetId)}`}>{f.assetName}</Link>,
                f.component.name,
                f.component.version ?? '—',
                <>
                  <a
                    className="utrecht-link utrecht-link--html-a"
                    href={`https://osv.dev/vulnerability/${encodeURIComponent(f.vulnerability.id)}`}
                    aria-label={t('osv', { id: f.vulnerability.id })}
                    rel="noreferrer"
                  >
                    {f.vulnerability.id}
                  </a>
                  {f.vulnerability.aliases.length > 0 && (
                    <>
                      {' '}
                      ({t('aliases')} {f.vulnerability.aliases.join(', ')})
                    </>
                  )}
                </>,
                f.vulnerability.summary ? <span lang="en">{f.vulnerability.summary}</span> : '—',
                <Severity severity={f.vulnerability.severity} />,
                <span lang="en">{f.reason}</span>,
              ],
            }))}
          />
        </Table>
      )}
    </section>
  );
}
