/**
 * Loading and error states of a detail page: still one h1 on the page, and a record that does not
 * exist said as such rather than as a technical error.
 */
import { ApiError } from '../api';
import { useT, type Messages } from '../i18n';
import { Alert, Heading, Loading } from './ui';

const messages: Messages<'loading' | 'notFound' | 'error'> = {
  nl: {
    loading: 'Bezig met laden…',
    notFound: 'Dit bestaat niet (meer) in het register.',
    error: 'Laden mislukt: {m}',
  },
  en: {
    loading: 'Loading…',
    notFound: 'This does not exist (any more) in the register.',
    error: 'Loading failed: {m}',
  },
};

export function PageState({ title, error }: { title: string; error?: Error }) {
  const t = useT(messages);
  return (
    <div className="stapel-page">
      <Heading level={1}>{title}</Heading>
      {!error ? (
        <Loading label={t('loading')} />
      ) : error instanceof ApiError && error.status === 404 ? (
        <Alert type="warning">{t('notFound')}</Alert>
      ) : (
        <Alert type="error">{t('error', { m: error.message })}</Alert>
      )}
    </div>
  );
}
