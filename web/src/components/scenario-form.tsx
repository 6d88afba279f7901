/**
 * Choosing what to cut off: a built-in scenario from a real event, a saved one, or one built here
 * from cuts; with an optional duration and the choice to compare with the planned measures. The
 * API checks the scenario; its messages appear at the field they are about.
 */
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api';
import { useLang, useT, type Messages } from '../i18n';
import { Fieldset, RadioButton } from './graph-controls';
import { CutEditor, newCut, toCut, type CutDraft, type CutOptions } from './scenario-cut-editor';
import type { LibraryScenario, RunRequest, SavedScenario } from './scenario-types';
import { Button, Checkbox, FormField, Paragraph, Select, TextInput } from './ui';

type Source = 'library' | 'saved' | 'custom';

const messages: Messages<
  | 'source'
  | 'library'
  | 'saved'
  | 'noSaved'
  | 'custom'
  | 'libraryChoice'
  | 'savedChoice'
  | 'event'
  | 'notVerified'
  | 'sources'
  | 'name'
  | 'defaultName'
  | 'duration'
  | 'durationHelp'
  | 'addCut'
  | 'compare'
  | 'compareHelp'
  | 'run'
  | 'running'
> = {
  nl: {
    source: 'Welk scenario',
    library: 'Uit de bibliotheek (echte gebeurtenissen)',
    saved: 'Een opgeslagen scenario',
    noSaved: 'Een opgeslagen scenario (er zijn er nog geen)',
    custom: 'Zelf samenstellen',
    libraryChoice: 'Scenario uit de bibliotheek',
    savedChoice: 'Opgeslagen scenario',
    event: 'Gebeurtenis: {title} ({date})',
    notVerified: 'niet geverifieerd',
    sources: 'Bronnen',
    name: 'Naam van het scenario',
    defaultName: 'Eigen scenario',
    duration: 'Duur in uren (optioneel)',
    durationHelp: 'Zonder duur duurt de afsnijding tot een exitplan de dienst herstelt.',
    addCut: 'Nog iets afsnijden',
    compare: 'Vergelijk met de geplande maatregelen',
    compareHelp: 'Rekent het scenario ook door alsof alle geplande en lopende maatregelen klaar zijn.',
    run: 'Scenario doorrekenen',
    running: 'Bezig met doorrekenen…',
  },
  en: {
    source: 'Which scenario',
    library: 'From the library (real events)',
    saved: 'A saved scenario',
    noSaved: 'A saved scenario (there are none yet)',
    custom: 'Build one',
    libraryChoice: 'Scenario from the library',
    savedChoice: 'Saved scenario',
    event: 'Event: {title} ({date})',
    notVerified: 'not verified',
    sources: 'Sources',
    name: 'Name of the scenario',
    defaultName: 'Own scenario',
    duration: 'Duration in hours (optional)',
    durationHelp: 'Without a duration the cut lasts until an exit plan restores the service.',
    addCut: 'Cut off something else',
    compare: 'Compare with the planned measures',
    compareHelp: 'Also runs the scenario as if every planned and ongoing measure were done.',
    run: 'Run scenario',
    running: 'Running…',
  },
};

export function ScenarioForm({
  base,
  library,
  saved,
  options,
  error,
  busy,
  onRun,
}: {
  base: string;
  library: readonly LibraryScenario[];
  saved: readonly SavedScenario[];
  options: CutOptions;
  error?: ApiError | undefined;
  busy: boolean;
  onRun: (request: RunRequest) => void;
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const [source, setSource] = useState<Source>('library');
  const [libraryId, setLibraryId] = useState(library[0]?.id ?? '');
  const [savedId, setSavedId] = useState(saved[0]?.id ?? '');
  const [name, setName] = useState('');
  const [cuts, setCuts] = useState<CutDraft[]>([newCut(0)]);
  const [nextKey, setNextKey] = useState(1);
  const [duration, setDuration] = useState('');
  const [compare, setCompare] = useState(false);

  /** The API's message for a field of the scenario, whether it came from the schema or the engine. */
  const at = (path: string) => error?.at(path) ?? error?.at(`scenario.${path}`);
  const scenarioError = source !== 'custom' ? error?.at('scenario') : undefined;
  const chosen = library.find((s) => s.id === libraryId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const scenario: RunRequest['scenario'] =
      source === 'library'
        ? `library:${libraryId}`
        : source === 'saved'
          ? savedId
          : {
              name: name.trim() || t('defaultName'),
              cuts: cuts.map(toCut),
              ...(duration.trim() ? { durationHours: Number(duration) } : {}),
            };
    onRun({ scenario, ...(compare ? { compare: { measures: 'planned' as const } } : {}) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend={t('source')}>
        <RadioButton
          id="scenario-source-library"
          name="scenario-source"
          label={t('library')}
          checked={source === 'library'}
          onChange={() => setSource('library')}
        />
        <RadioButton
          id="scenario-source-saved"
          name="scenario-source"
          label={saved.length ? t('saved') : t('noSaved')}
          checked={source === 'saved'}
          disabled={!saved.length}
          onChange={() => setSource('saved')}
        />
        <RadioButton
          id="scenario-source-custom"
          name="scenario-source"
          label={t('custom')}
          checked={source === 'custom'}
          onChange={() => setSource('custom')}
        />
      </Fieldset>

      {source === 'library' && (
        <>
          <FormField
            id="scenario-library"
            label={t('libraryChoice')}
            {...(scenarioError ? { error: scenarioError } : {})}
          >
            {(aria) => (
              <Select
                {...aria}
                value={libraryId}
                onChange={(e) => setLibraryId(e.target.value)}
                options={library.map((s) => ({ value: s.id, label: s.name[lang] }))}
              />
            )}
          </FormField>
          {chosen && (
            <div style={{ maxWidth: '48rem' }}>
              <Paragraph>{chosen.description[lang]}</Paragraph>
              <Paragraph>
                {t('event', { title: chosen.event.title, date: chosen.event.date })}
                {chosen.event.verified === false && ` (${t('notVerified')})`}
              </Paragraph>
              {chosen.sources.length > 0 && (
                <details>
                  <summary className="utrecht-paragraph">{t('sources')}</summary>
                  <ul className="utrecht-unordered-list">
                    {chosen.sources.map((s, i) => (
                      <li key={i} className="utrecht-unordered-list__item">
                        {s.url ? (
                          <a className="utrecht-link utrecht-link--html-a" href={s.url} rel="noreferrer">
                            {s.title}
                          </a>
                        ) : (
                          s.title
                        )}{' '}
                        ({s.date}
                        {s.verified === false && `, ${t('notVerified')}`})
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </div>
          )}
        </>
      )}

      {source === 'saved' && (
        <FormField id="scenario-saved" label={t('savedChoice')} {...(scenarioError ? { error: scenarioError } : {})}>
          {(aria) => (
            <Select
              {...aria}
              value={savedId}
              onChange={(e) => setSavedId(e.target.value)}
              options={saved.map((s) => ({ value: s.id, label: s.name }))}
            />
          )}
        </FormField>
      )}

      {source === 'custom' && (
        <>
          <FormField id="scenario-name" label={t('name')} {...(at('name') ? { error: at('name')! } : {})}>
            {(aria) => (
              <TextInput
                {...aria}
                value={name}
                placeholder={t('defaultName')}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </FormField>
          {cuts.map((c, i) => (
            <CutEditor
              key={c.key}
              draft={c}
              index={i}
              base={base}
              options={options}
              onChange={(d) => setCuts((all) => all.map((x) => (x.key === d.key ? d : x)))}
              onRemove={cuts.length > 1 ? () => setCuts((all) => all.filter((x) => x.key !== c.key)) : undefined}
              errorAt={(f) => at(`cuts[${i}].${f}`)}
            />
          ))}
          <Button
            onClick={() => {
              setCuts((all) => [...all, newCut(nextKey)]);
              setNextKey((k) => k + 1);
            }}
          >
            {t('addCut')}
          </Button>
          <FormField
            id="scenario-duration"
            label={t('duration')}
            description={t('durationHelp')}
            {...(at('durationHours') ? { error: at('durationHours')! } : {})}
          >
            {(aria) => (
              <TextInput
                {...aria}
                type="number"
                inputMode="decimal"
                min={0}
                style={{ maxWidth: '10rem' }}
                value={duration}
                onChange={(e) => setDuration(e.target.value)}
              />
            )}
          </FormField>
        </>
      )}

      <div style={{ marginBlock: '1rem' }}>
        <Checkbox
          id="scenario-compare"
          label={t('compare')}
          checked={compare}
          aria-describedby="scenario-compare-help"
          onChange={(e) => setCompare(e.target.checked)}
        />
        <p className="utrecht-form-field-description" id="scenario-compare-help" style={{ marginBlockStart: 0 }}>
          {t('compareHelp')}
        </p>
      </div>
      {/* Not disabled while busy (that would drop keyboard focus); a second submit is ignored. */}
      <Button appearance="primary" type="submit" aria-disabled={busy}>
        {busy ? t('running') : t('run')}
      </Button>
    </form>
  );
}
