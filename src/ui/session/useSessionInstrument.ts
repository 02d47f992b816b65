// A session is read with the instrument version it was recorded with, in the reader's language.
import { useEffect, useState } from 'react';
import type { Instrument } from '../../domain/instrument';
import { openedInstrument, openInstrument } from '../../domain/openInstrument';
import { useAppServices } from './AppServices';
import { useSession } from './SessionProvider';

export function useSessionInstrument(): Instrument {
  const { instrument, locale } = useAppServices();
  const version = useSession().snapshot?.session.value.instrumentVersion ?? instrument.version;
  const current = version === instrument.version && locale === instrument.locale ? instrument : openedInstrument(version, locale);
  const [, setOpened] = useState(0);
  useEffect(() => {
    if (current) return;
    let cancelled = false;
    // Another version's file is fetched once; until then (and for a version recorded by a newer
    // release, which this build does not know) the session is shown with the current questions.
    openInstrument(locale, version).then(
      () => {
        if (!cancelled) setOpened((n) => n + 1);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [current, version, locale]);
  return current ?? instrument;
}
