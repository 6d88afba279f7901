/**
 * Import: bring a register kept elsewhere into Stapel (a dry run first, then the import), download
 * the templates and the register as a spreadsheet, and check and download the DORA register of
 * information.
 */
import { DoraSection } from '../components/import-dora';
import { ImportDownloads } from '../components/import-downloads';
import { ImportUpload } from '../components/import-upload';
import { Heading, Paragraph } from '../components/ui';
import { useT, type Messages } from '../i18n';

const messages: Messages<'title' | 'lead'> = {
  nl: {
    title: 'Importeren',
    lead: 'Registers die u elders bijhoudt inlezen, sjablonen en het register als spreadsheet downloaden, en het DORA-register van informatie controleren en downloaden.',
  },
  en: {
    title: 'Import',
    lead: 'Read in registers you keep elsewhere, download templates and the register as a spreadsheet, and check and download the DORA register of information.',
  },
};

export default function ImportPage() {
  const t = useT(messages);
  return (
    <>
      <Heading level={1}>{t('title')}</Heading>
      <Paragraph lead>{t('lead')}</Paragraph>
      <ImportUpload />
      <ImportDownloads />
      <DoraSection />
    </>
  );
}
