import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import '@utrecht/component-library-css/dist/index.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import './styles.css';
import { App } from './app';
import { I18nProvider } from './i18n';
import { OrgProvider } from './org';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <BrowserRouter>
        <OrgProvider>
          <App />
        </OrgProvider>
      </BrowserRouter>
    </I18nProvider>
  </StrictMode>,
);
