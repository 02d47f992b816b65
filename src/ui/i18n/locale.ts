// The reader's language, apart from the React side of src/ui/i18n so start-up can pick it without
// pulling React into the scripts index.html blocks on.
export type Locale = 'nl' | 'en';

/** Teams locales look like "nl-NL", "en-US", "en-GB"; anything not English is Dutch. */
export function localeFromHost(hostLocale: string | null | undefined): Locale {
  return hostLocale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}
