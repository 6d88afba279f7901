/**
 * The stack view: the organisation's digital dependencies on the six DOSA layers, with a filter
 * for the strategic ones (kept in the address, so a filtered view can be shared), the concentration
 * by ultimate parent, country and category, and the top risks.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageState } from '../components/explain-page-state';
import type { AnalysisSummary } from '../components/explain-types';
import { StackBands } from '../components/stack-bands';
import { ConcentrationCharts } from '../components/stack-concentration';
import '../components/stack-layout.css';
import { TopRisks } from '../components/stack-top-risks';
import { Checkbox, Heading, Paragraph } from '../components/ui';
import { useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { ReportLinks } from '../components/report-links';
import { useApi } from '../use-api';

const messages: Messages<'title' | 'intro' | 'layers' | 'strategicOnly' | 'strategicHelp'> = {
  nl: {
    title: 'Digitale stapel',
    intro:
      'Waar de organisatie van afhangt, op de zes lagen van de digitale stapel uit de Agenda Digitale Open Strategische Autonomie: van applicaties en diensten bovenaan tot grondstoffen onderaan. Bij elke voorziening staat het hoogste risico (continuïteit of toegang); kies een voorziening voor de uitleg.',
    layers: 'De zes lagen',
    strategicOnly: 'Toon alleen strategische afhankelijkheden',
    strategicHelp: 'Strategisch: nodig voor een vitaal proces of met toegang tot gevoelige gegevens.',
  },
  en: {
    title: 'Digital stack',
    intro:
      'What the organisation depends on, on the six layers of the digital stack from the Dutch Digital Open Strategic Autonomy agenda: from applications and services at the top to raw materials at the bottom. Each asset shows its highest risk (continuity or access); choose an asset for the explanation.',
    layers: 'The six layers',
    strategicOnly: 'Show only strategic dependencies',
    strategicHelp: 'Strategic: needed by a vital process or with access to sensitive information.',
  },
};

export default function StackPage() {
  const t = useT(messages);
  const { base } = useOrg();
  // The summary: levels per asset without the factors, a fraction of the full analysis's size.
  const analysis = useApi<AnalysisSummary>(`${base}/analysis/summary`);
  const [params, setParams] = useSearchParams();
  // Local state answers the click at once; the address follows (router navigations are transitions).
  const [strategicOnly, setStrategic] = useState(params.get('strategic') === '1');
  const setStrategicOnly = (on: boolean) => {
    setStrategic(on);
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (on) next.set('strategic', '1');
        else next.delete('strategic');
        return next;
      },
      { replace: true },
    );
  };
  const a = analysis.data;
  if (!a) return <PageState title={t('title')} {...(analysis.error ? { error: analysis.error } : {})} />;
  return (
    <div className="stapel-page">
      <Heading level={1}>{t('title')}</Heading>
      <Paragraph lead>{t('intro')}</Paragraph>
      <section aria-labelledby="layers" className="stapel-section">
        <Heading level={2} id="layers">
          {t('layers')}
        </Heading>
        <div className="stapel-toolbar">
          <Checkbox
            id="strategic-only"
            label={t('strategicOnly')}
            checked={strategicOnly}
            aria-describedby="strategic-only-help"
            onChange={(e) => setStrategicOnly(e.currentTarget.checked)}
          />
          <p className="utrecht-paragraph stapel-help" id="strategic-only-help">
            {t('strategicHelp')}
          </p>
        </div>
        <StackBands assets={a.assets} strategicOnly={strategicOnly} />
      </section>
      <ConcentrationCharts portfolio={a.portfolio} />
      <TopRisks risks={a.portfolio.topRisks} />
      <ReportLinks />
    </div>
  );
}
