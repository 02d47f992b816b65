// A session is read with the instrument version it was recorded with, in the reader's language.
import { useMemo } from 'react';
import type { Instrument } from '../../domain/instrument';
import { getInstrument } from '../../domain/loadInstrument';
import { useAppServices } from './AppServices';
import { useSession } from './SessionProvider';

export function useSessionInstrument(): Instrument {
  const { instrument, locale } = useAppServices();
  const version = useSession().snapshot?.session.value.instrumentVersion ?? instrument.version;
  return useMemo(() => {
    try {
      return getInstrument(version, locale);
    } catch {
      // An unknown version (recorded by a newer release) is shown with the current questions.
      return instrument;
    }
  }, [version, locale, instrument]);
}
