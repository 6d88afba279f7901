/**
 * Components: what the SBOMs of the portfolio say — which assets contain a component (and which
 * processes need them), the licences in use, and the known vulnerabilities in those components.
 */
import { Findings } from '../components/sbom-findings';
import { LicenceOverview } from '../components/sbom-licences';
import { ComponentSearch } from '../components/sbom-search';
import { Heading, Paragraph } from '../components/ui';
import { useT, type Messages } from '../i18n';

const messages: Messages<'title' | 'lead'> = {
  nl: {
    title: 'Componenten',
    lead: 'De softwarecomponenten in de SBOM’s van de assets: waar een component in zit en welke processen daarvan afhangen, onder welke licenties ze vallen en welke bekende kwetsbaarheden ze hebben.',
  },
  en: {
    title: 'Components',
    lead: 'The software components in the assets’ SBOMs: where a component is used and which processes depend on it, which licences they come under and which known vulnerabilities they have.',
  },
};

export default function ComponentsPage() {
  const t = useT(messages);
  return (
    <>
      <Heading level={1}>{t('title')}</Heading>
      <Paragraph lead>{t('lead')}</Paragraph>
      <ComponentSearch />
      <Findings />
      <LicenceOverview />
    </>
  );
}
