// Opens the instrument a session was recorded with, every version and language bundled and read
// synchronously: for Node (tests, tooling). The browser opens one language at a time with
// src/domain/openInstrument.ts instead, so this file's JSON imports never reach the app's bundle.
import nl2018 from '../content/gesprekstool-2018.1.nl.json';
import en2018 from '../content/gesprekstool-2018.1.en.json';
import type { Instrument } from './instrument';
import { CURRENT_INSTRUMENT_VERSION, parseRegisteredInstrument, UnknownInstrumentVersionError, type InstrumentLocale } from './parseInstrument';

export * from './parseInstrument';

const REGISTRY: Readonly<Record<string, Readonly<Record<InstrumentLocale, unknown>>>> = {
  'gesprekstool-2018.1': { nl: nl2018, en: en2018 },
};

export function knownInstrumentVersions(): string[] {
  return Object.keys(REGISTRY);
}

const cache = new Map<string, Instrument>();

/** The instrument a session recorded, in the reader's language. */
export function getInstrument(version: string, locale: InstrumentLocale): Instrument {
  const key = `${version}/${locale}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const files = Object.hasOwn(REGISTRY, version) ? REGISTRY[version] : undefined;
  if (!files) throw new UnknownInstrumentVersionError(version, knownInstrumentVersions());
  const instrument = parseRegisteredInstrument(files[locale], version, locale);
  cache.set(key, instrument);
  return instrument;
}

export function loadInstrument(locale: InstrumentLocale, version: string = CURRENT_INSTRUMENT_VERSION): Instrument {
  return getInstrument(version, locale);
}
