/**
 * Cut-off scenarios (/scenarios): choose what to cut off — a built-in scenario from a real event, a
 * saved one, or one built here — run it, and read what stops, what runs degraded, when it is back
 * and how the cut reaches each process; optionally compared with the planned measures, and shown
 * on the dependency graph.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../api';
import type { GraphDocument } from '../components/graph-model';
import { ScenarioComparison } from '../components/scenario-comparison';
import type { CutOptions } from '../components/scenario-cut-editor';
import { ScenarioForm } from '../components/scenario-form';
import { ScenarioGraph } from '../components/scenario-graph';
import { ScenarioResultView } from '../components/scenario-result';
import type { LibraryScenario, RunRequest, SavedScenario, ScenarioRun } from '../components/scenario-types';
import { Alert, Heading, Loading, Paragraph } from '../components/ui';
import { useLabel, useLang, useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { useApi } from '../use-api';

const messages: Messages<'title' | 'intro' | 'choose' | 'loading' | 'result' | 'failed' | 'running' | 'version'> = {
  nl: {
    title: 'Scenario’s',
    intro:
      'Wat stopt er als een leverancier, een land of een softwarecomponent wegvalt, en wanneer is het terug? Kies een scenario en reken het door op het register.',
    choose: 'Kies wat er wegvalt',
    loading: 'Bezig met laden…',
    result: 'Uitkomst: {name}',
    failed: 'Het scenario kon niet worden doorgerekend: {message}',
    running: 'Bezig met doorrekenen…',
    version: 'Doorgerekend op versie {n} van het register.',
  },
  en: {
    title: 'Scenarios',
    intro:
      'What stops when a supplier, a country or a software component falls away, and when is it back? Choose a scenario and run it on the register.',
    choose: 'Choose what falls away',
    loading: 'Loading…',
    result: 'Outcome: {name}',
    failed: 'The scenario could not be run: {message}',
    running: 'Running…',
    version: 'Run on version {n} of the register.',
  },
};

interface Vocabularies {
  publicInterests: { code: string; nl: string; en: string }[];
}

export default function ScenarioPage() {
  const t = useT(messages);
  const label = useLabel();
  const { lang } = useLang();
  const { base } = useOrg();
  const library = useApi<LibraryScenario[]>('/api/scenario-library');
  const saved = useApi<{ items: SavedScenario[] }>(`${base}/scenarios`);
  const graph = useApi<GraphDocument>(`${base}/graph`);
  const vocab = useApi<Vocabularies>('/api/vocabularies');
  const [run, setRun] = useState<ScenarioRun | undefined>();
  const [error, setError] = useState<ApiError | Error | undefined>();
  const [busy, setBusy] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const options: CutOptions = useMemo(() => {
    const nodes = graph.data?.nodes ?? [];
    return {
      parties: nodes.filter((n) => n.kind === 'party'),
      products: nodes.filter((n) => n.kind === 'product'),
      assets: nodes.filter((n) => n.kind === 'asset'),
      countries: [...new Set(nodes.map((n) => n.country).filter((c): c is string => !!c))],
    };
  }, [graph.data]);
  const names = useMemo(() => new Map((graph.data?.nodes ?? []).map((n) => [n.ref, n.name])), [graph.data]);
  const interestLabel = (code: string) =>
    label(
      vocab.data?.publicInterests.find((p) => p.code === code),
      code,
    );

  // The outcome's heading takes focus, so keyboard and screen-reader users land on the answer.
  useEffect(() => {
    if (run) resultHeading.current?.focus();
  }, [run]);

  const onRun = (request: RunRequest) => {
    setBusy(true);
    setError(undefined);
    api<ScenarioRun>(`${base}/scenario-runs`, { method: 'POST', body: request })
      .then((r) => setRun(r))
      .catch((e: Error) => {
        setRun(undefined);
        setError(e);
      })
      .finally(() => setBusy(false));
  };

  const loadError = library.error ?? graph.error;
  if (loadError) return <Alert type="error">{loadError.message}</Alert>;
  if (!library.data || !graph.data || saved.loading) return <Loading label={t('loading')} />;

  const scenarioName = (r: ScenarioRun) => {
    const id = r.result.scenario.id;
    const fromLibrary = id?.startsWith('library:') ? library.data!.find((s) => `library:${s.id}` === id) : undefined;
    return fromLibrary ? fromLibrary.name[lang] : r.result.scenario.name;
  };

  return (
    <>
      <Heading level={1}>{t('title')}</Heading>
      <Paragraph lead>{t('intro')}</Paragraph>

      <section aria-labelledby="scenario-choose">
        <Heading level={2} id="scenario-choose">
          {t('choose')}
        </Heading>
        {error && <Alert type="error">{t('failed', { message: error.message })}</Alert>}
        <ScenarioForm
          base={base}
          library={library.data}
          saved={saved.data?.items ?? []}
          options={options}
          error={error instanceof ApiError ? error : undefined}
          busy={busy}
          onRun={onRun}
        />
        {busy && <Loading label={t('running')} />}
      </section>

      {run && (
        <section aria-labelledby="scenario-result" style={{ marginBlockStart: '2rem' }}>
          <h2 className="utrecht-heading-2" id="scenario-result" tabIndex={-1} ref={resultHeading}>
            {t('result', { name: scenarioName(run) })}
          </h2>
          <Paragraph>{t('version', { n: run.registerVersion })}</Paragraph>
          <ScenarioResultView result={run.result} names={names} interestLabel={interestLabel} />
          {run.comparison && <ScenarioComparison comparison={run.comparison} />}
          <ScenarioGraph result={run.result} doc={graph.data} />
        </section>
      )}
    </>
  );
}
