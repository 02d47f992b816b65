// The browser's way to open an instrument: one JSON file per version and language, each its own chunk
// fetched when first needed, so a Dutch side panel never downloads the English text (and vice versa).
// Start-up opens the current version in the reader's language; a session recorded with another
// version is opened when it is read. src/domain/loadInstrument.ts is the synchronous twin for Node.
import type { Instrument } from './instrument';
import { CURRENT_INSTRUMENT_VERSION, parseRegisteredInstrument, UnknownInstrumentVersionError, type InstrumentLocale } from './parseInstrument';

type InstrumentFile = () => Promise<{ default: unknown }>;

const FILES: Readonly<Record<string, Readonly<Record<InstrumentLocale, InstrumentFile>>>> = {
  'gesprekstool-2018.1': {
    nl: () => import(/* webpackChunkName: "instrument-2018.1-nl" */ '../content/gesprekstool-2018.1.nl.json'),
    en: () => import(/* webpackChunkName: "instrument-2018.1-en" */ '../content/gesprekstool-2018.1.en.json'),
  },
};

const opened = new Map<string, Promise<Instrument>>();
const ready = new Map<string, Instrument>();

/** Fetches, parses and checks the instrument `version` in `locale`, once per page. */
export function openInstrument(locale: InstrumentLocale, version: string = CURRENT_INSTRUMENT_VERSION): Promise<Instrument> {
  const key = `${version}/${locale}`;
  let promise = opened.get(key);
  if (!promise) {
    const files = Object.hasOwn(FILES, version) ? FILES[version] : undefined;
    promise = files
      ? files[locale]().then((file) => {
          const instrument = parseRegisteredInstrument(file.default, version, locale);
          ready.set(key, instrument);
          return instrument;
        })
      : Promise.reject(new UnknownInstrumentVersionError(version, Object.keys(FILES)));
    // A failed fetch (offline) may be tried again.
    promise.catch(() => opened.delete(key));
    opened.set(key, promise);
  }
  return promise;
}

/** The instrument if `openInstrument` has finished opening it, else null (without fetching anything). */
export function openedInstrument(version: string, locale: InstrumentLocale): Instrument | null {
  return ready.get(`${version}/${locale}`) ?? null;
}
