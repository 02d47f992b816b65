// Message catalogs: Dutch is authoritative, English second. Each feature keeps its own catalog
// (`defineMessages`) next to its components; a key missing in English is a type error.
import { createContext, useCallback, useContext, type ReactNode } from 'react';

import type { Locale } from './locale';

export { localeFromHost, type Locale } from './locale';

export type Catalog<K extends string> = { nl: Record<K, string>; en: Record<K, string> };

/** Declare a feature's messages; English must have exactly the Dutch keys. */
export function defineMessages<K extends string>(catalog: { nl: Record<K, string>; en: NoInfer<Record<K, string>> }): Catalog<K> {
  return catalog;
}


/**
 * Replaces `{name}` placeholders; values are text, never markup. `{name|one|other}` picks the word
 * for a count (Dutch and English both use the singular only for exactly 1): "{n} {n|deelnemer|deelnemers}".
 */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    if (one === undefined || other === undefined) return String(value);
    return value === 1 ? one : other;
  });
}

const LocaleContext = createContext<Locale>('nl');

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** `const t = useT(messages); t('save')`, `t('waiting', { count: 3 })`. */
export function useT<K extends string>(catalog: Catalog<K>): (key: K, params?: Record<string, string | number>) => string {
  const locale = useContext(LocaleContext);
  return useCallback((key: K, params?: Record<string, string | number>) => format(catalog[locale][key], params), [catalog, locale]);
}
