import { CURRENT_INSTRUMENT_VERSION, loadInstrument, UnknownInstrumentVersionError } from '../../../src/domain/loadInstrument';
import { openedInstrument, openInstrument } from '../../../src/domain/openInstrument';

describe('opening the instrument one language at a time (the browser)', () => {
  it('opens the English instrument without opening the Dutch one', async () => {
    const en = await openInstrument('en');
    expect(en.locale).toBe('en');
    expect(en.version).toBe(CURRENT_INSTRUMENT_VERSION);
    expect(openedInstrument(CURRENT_INSTRUMENT_VERSION, 'en')).toBe(en);
    expect(openedInstrument(CURRENT_INSTRUMENT_VERSION, 'nl')).toBeNull();
  });

  it('gives the same questions as the bundled instrument, parsed once per page', async () => {
    const nl = await openInstrument('nl');
    expect(nl).toEqual(loadInstrument('nl'));
    expect(await openInstrument('nl')).toBe(nl);
  });

  it('refuses a version this build does not know, naming it', async () => {
    await expect(openInstrument('nl', 'gesprekstool-2030.9')).rejects.toThrow(UnknownInstrumentVersionError);
    await expect(openInstrument('nl', 'gesprekstool-2030.9')).rejects.toThrow(/"gesprekstool-2030\.9"/);
  });
});
