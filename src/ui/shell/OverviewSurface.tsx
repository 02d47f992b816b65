// Stand-in for a surface whose page is not built yet: the instrument the session uses.
import { useSessionInstrument } from '../session';
import { InstrumentOverview } from './InstrumentOverview';

export function OverviewSurface() {
  return <InstrumentOverview instrument={useSessionInstrument()} />;
}
