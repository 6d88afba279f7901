/**
 * Reading ZIP files entry by entry with yauzl (OSV dumps, XLSX workbooks, DORA packages): the next
 * entry as a promise, so readers can check each entry's sizes before they inflate it.
 */
import type yauzl from 'yauzl';

/** The next entry of a zip opened with `lazyEntries: true`, or undefined at the end. */
export function nextZipEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (e: yauzl.Entry) => (cleanup(), resolve(e));
    const onEnd = () => (cleanup(), resolve(undefined));
    const onError = (e: Error) => (cleanup(), reject(e));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}
