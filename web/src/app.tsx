/**
 * The application shell: skip link, header with navigation and language switch, and the routes.
 * Each route's page is loaded when first visited, so the charts and the graph library load only
 * on the pages that draw them.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { Alert, Button, Loading, NavItem } from './components/ui';
import { useLang, useT, type Messages } from './i18n';
import { useOrg } from './org';

const StackPage = lazy(() => import('./pages/stack-page'));
const RegisterPage = lazy(() => import('./pages/register-page'));
const AssetPage = lazy(() => import('./pages/asset-page'));
const ProcessPage = lazy(() => import('./pages/process-page'));
const GraphPage = lazy(() => import('./pages/graph-page'));
const ScenarioPage = lazy(() => import('./pages/scenario-page'));
const KnowledgePage = lazy(() => import('./pages/knowledge-page'));
const ComponentsPage = lazy(() => import('./pages/components-page'));
const ImportPage = lazy(() => import('./pages/import-page'));

const messages: Messages<
  | 'skip'
  | 'nav'
  | 'stack'
  | 'register'
  | 'graph'
  | 'scenarios'
  | 'knowledge'
  | 'components'
  | 'import'
  | 'loading'
  | 'switch'
  | 'switchLabel'
  | 'noOrg'
  | 'notFound'
> = {
  nl: {
    skip: 'Naar de inhoud',
    nav: 'Hoofdmenu',
    stack: 'Stapel',
    register: 'Register',
    graph: 'Afhankelijkheden',
    scenarios: 'Scenario’s',
    knowledge: 'Kennisbank',
    components: 'Componenten',
    import: 'Importeren',
    loading: 'Bezig met laden…',
    switch: 'English',
    switchLabel: 'Switch to English',
    noOrg: 'Er is nog geen organisatie. Start Stapel met het demoregister of voeg een organisatie toe.',
    notFound: 'Deze pagina bestaat niet.',
  },
  en: {
    skip: 'Skip to content',
    nav: 'Main menu',
    stack: 'Stack',
    register: 'Register',
    graph: 'Dependencies',
    scenarios: 'Scenarios',
    knowledge: 'Knowledge base',
    components: 'Components',
    import: 'Import',
    loading: 'Loading…',
    switch: 'Nederlands',
    switchLabel: 'Schakel naar Nederlands',
    noOrg: 'There is no organisation yet. Start Stapel with the demo register or add an organisation.',
    notFound: 'This page does not exist.',
  },
};

export function App() {
  const t = useT(messages);
  const { lang, setLang } = useLang();
  const { org, error } = useOrg();
  const main = useRef<HTMLElement>(null);
  const location = useLocation();
  // After client-side navigation, move focus to the new page's content (as a page load would).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  return (
    <>
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus stapel-skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="stapel-header">
        <span className="stapel-brand">Stapel{org ? ` · ${org.name}` : ''}</span>
        <nav aria-label={t('nav')}>
          <ul className="utrecht-link-list utrecht-link-list--html-ul">
            <NavItem to="/">{t('stack')}</NavItem>
            <NavItem to="/register/assets">{t('register')}</NavItem>
            <NavItem to="/graph">{t('graph')}</NavItem>
            <NavItem to="/scenarios">{t('scenarios')}</NavItem>
            <NavItem to="/knowledge">{t('knowledge')}</NavItem>
            <NavItem to="/components">{t('components')}</NavItem>
            <NavItem to="/import">{t('import')}</NavItem>
          </ul>
        </nav>
        <span className="stapel-lang">
          <Button
            appearance="subtle"
            lang={lang === 'nl' ? 'en' : 'nl'}
            aria-label={t('switchLabel')}
            onClick={() => setLang(lang === 'nl' ? 'en' : 'nl')}
          >
            {t('switch')}
          </Button>
        </span>
      </header>
      <main id="main" className="stapel-main" tabIndex={-1} ref={main}>
        {error && <Alert type="error">{error}</Alert>}
        {!org && !error ? (
          <Loading label={t('loading')} />
        ) : !org ? (
          <Alert type="warning">{t('noOrg')}</Alert>
        ) : (
          <Suspense fallback={<Loading label={t('loading')} />}>
            <Routes>
              <Route path="/" element={<StackPage />} />
              <Route path="/register/:kind" element={<RegisterPage />} />
              <Route path="/assets/:id" element={<AssetPage />} />
              <Route path="/processes/:id" element={<ProcessPage />} />
              <Route path="/graph" element={<GraphPage />} />
              <Route path="/scenarios" element={<ScenarioPage />} />
              <Route path="/knowledge" element={<KnowledgePage />} />
              <Route path="/components" element={<ComponentsPage />} />
              <Route path="/import" element={<ImportPage />} />
              <Route path="*" element={<Alert type="warning">{t('notFound')}</Alert>} />
            </Routes>
          </Suspense>
        )}
      </main>
    </>
  );
}
