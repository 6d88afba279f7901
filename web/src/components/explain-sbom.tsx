/**
 * The SBOM summary of an asset: format, components, NTIA minimum-elements score and the number of
 * known-vulnerability findings. An asset without an SBOM (the API answers 404) shows nothing.
 */
import { ApiError } from '../api';
import { useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { useApi } from '../use-api';
import { useFormat } from './explain-format';
import type { SbomDocument } from './explain-types';
import { Alert, DataList, Heading } from './ui';

type Key = 'title' | 'format' | 'components' | 'ntia' | 'ntiaValue' | 'findings' | 'imported' | 'subject' | 'error';

const messages: Messages<Key> = {
  nl: {
    title: 'Softwarestuklijst (SBOM)',
    format: 'Formaat',
    components: 'Componenten',
    ntia: 'Kwaliteit (NTIA-minimumelementen)',
    ntiaValue: '{n} van 100',
    findings: 'Bekende kwetsbaarheden (bevindingen)',
    imported: 'Ingelezen op',
    subject: 'Beschrijft',
    error: 'De SBOM kon niet worden geladen: {m}',
  },
  en: {
    title: 'Software bill of materials (SBOM)',
    format: 'Format',
    components: 'Components',
    ntia: 'Quality (NTIA minimum elements)',
    ntiaValue: '{n} out of 100',
    findings: 'Known vulnerabilities (findings)',
    imported: 'Imported on',
    subject: 'Describes',
    error: 'The SBOM could not be loaded: {m}',
  },
};

export function SbomSummary({ assetId }: { assetId: string }) {
  const t = useT(messages);
  const f = useFormat();
  const { base } = useOrg();
  const id = encodeURIComponent(assetId);
  const sbom = useApi<SbomDocument>(`${base}/assets/${id}/sbom`);
  const findings = useApi<unknown[]>(sbom.data ? `${base}/findings?asset=${id}` : undefined);
  if (sbom.error instanceof ApiError && sbom.error.status === 404) return null;
  if (sbom.error)
    return (
      <section aria-labelledby="sbom" className="stapel-section">
        <Heading level={2} id="sbom">
          {t('title')}
        </Heading>
        <Alert type="error">{t('error', { m: sbom.error.message })}</Alert>
      </section>
    );
  const d = sbom.data;
  if (!d) return null;
  return (
    <section aria-labelledby="sbom" className="stapel-section">
      <Heading level={2} id="sbom">
        {t('title')}
      </Heading>
      <DataList
        items={[
          { key: 'format', label: t('format'), value: `${d.format} ${d.specVersion}` },
          ...(d.subject
            ? [
                {
                  key: 'subject',
                  label: t('subject'),
                  value: `${d.subject.name}${d.subject.version ? ` ${d.subject.version}` : ''}`,
                },
              ]
            : []),
          { key: 'components', label: t('components'), value: f.num(d.components) },
          { key: 'ntia', label: t('ntia'), value: t('ntiaValue', { n: f.num(d.quality.score) }) },
          {
            key: 'findings',
            label: t('findings'),
            value: findings.data ? f.num(findings.data.length) : findings.error ? '—' : '…',
          },
          { key: 'imported', label: t('imported'), value: f.date(d.importedAt) },
        ]}
      />
    </section>
  );
}
