/**
 * Dutch by default, English on request. Each page keeps its own messages next to it
 * (`const messages = { nl: {...}, en: {...} }`) and reads them with useT(messages), so adding a
 * page never means editing a shared dictionary; the choice is kept in localStorage and set on
 * <html lang> so screen readers pronounce the text right.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

export type Lang = 'nl' | 'en';
export type Messages<K extends string> = Record<Lang, Record<K, string>>;

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'nl', setLang: () => {} });

function initialLang(): Lang {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (asked === 'en' || asked === 'nl') return asked;
  return localStorage.getItem('stapel.lang') === 'en' ? 'en' : 'nl';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, set] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('stapel.lang', l);
    set(l);
  }, []);
  return <LangContext.Provider value={{ lang, setLang }}>{children}</LangContext.Provider>;
}

export const useLang = () => useContext(LangContext);

/** t(key, { n: 3 }) fills {n} in the message of the current language. */
export function useT<K extends string>(messages: Messages<K>) {
  const { lang } = useLang();
  return useCallback(
    (key: K, params: Record<string, string | number> = {}) =>
      messages[lang][key].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`)),
    [lang, messages],
  );
}

/** A label object from the API ({ nl, en }) in the current language. */
export function useLabel() {
  const { lang } = useLang();
  return useCallback((l: { nl: string; en: string } | undefined, fallback = '') => (l ? l[lang] : fallback), [lang]);
}
