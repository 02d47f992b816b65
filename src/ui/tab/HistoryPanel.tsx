// The municipality's sessions over time, and a comparison of two of them. Only sessions of the same
// municipality are listed: the tool compares a municipality with itself, never with another. The
// newest sessions come first, a page at a time: a municipality with years of history opens the tab
// with one small read, and "oudere sessies laden" fetches the next page.
import { Button } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { compareSessions, orderSessionsOverTime, visibleResponses, type Instrument, type Session, type SessionComparison } from '../../domain';
import type { SessionSnapshot, SessionSummary, SessionSummaryPage } from '../../graph/contracts';
import { describeErrorText } from '../common/errors';
import { useLocale, useT } from '../i18n';
import { formatSessionDate } from '../stage/calendarText';
import { ComparisonTable } from './ComparisonTable';
import { tabMessages } from './messages';
import { SessionPicker } from './SessionPicker';

export interface HistoryPanelProps {
  instrument: Pick<Instrument, 'themes'>;
  current: Pick<Session, 'key' | 'municipality'>;
  findSessionPage: (filter: { municipality: string }) => Promise<SessionSummaryPage>;
  openSession: (key: string) => Promise<SessionSnapshot>;
  /** Asks SharePoint for the municipality's sessions matching what is typed in a picker (not loaded yet). */
  searchSessions?: (filter: { municipality: string; text: string; thisYear?: number }) => Promise<SessionSummary[]>;
  /** The year where the person is: a date typed without one ("12 maart") is looked for in recent years. */
  thisYear?: number;
  /** Opens an earlier session's own review (read only); without it the entries are plain text. */
  onOpen?: (key: string) => void;
  /** The entry to give the focus once the list has loaded: the session just closed with "terug". */
  focusKey?: string | null;
}

export const HISTORY_HEADING_ID = 'history-title';
export const COMPARE_HEADING_ID = 'compare-title';
export const historyEntryId = (key: string) => `history-entry-${key}`;

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; sessions: SessionSummary[]; more: SessionSummaryPage['more'] };

function plain(snapshot: SessionSnapshot) {
  const session = snapshot.session.value;
  // An earlier session as the group saw it (its group view), not as this reader's own answers item alone.
  return { session, responses: visibleResponses(null, session, snapshot.responses.map((r) => r.value)), actions: snapshot.actions.map((a) => a.value) };
}

export function HistoryPanel({ instrument, current, findSessionPage, openSession, searchSessions, thisYear, onOpen, focusKey = null }: HistoryPanelProps) {
  const t = useT(tabMessages);
  const locale = useLocale();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [earlierKey, setEarlierKey] = useState('');
  const [laterKey, setLaterKey] = useState('');
  const [result, setResult] = useState<{ comparison: SessionComparison; earlier: string; later: string } | null>(null);
  const [status, setStatus] = useState<'idle' | 'busy' | 'same' | string>('idle');
  const [more, setMore] = useState<'idle' | 'busy' | 'failed'>('idle');
  /** Sessions chosen from a picker's search in SharePoint, not in the loaded list: their labels. */
  const [found, setFound] = useState<SessionSummary[]>([]);
  const search = useCallback(
    (text: string) => (searchSessions ? searchSessions({ municipality: current.municipality, text, ...(thisYear === undefined ? {} : { thisYear }) }) : Promise.resolve([])),
    [searchSessions, current.municipality, thisYear],
  );
  /** What the pickers offer and the comparison reads from: the loaded sessions and those found by a search. */
  const choosable = loaded.kind === 'ready' ? [...loaded.sessions, ...found] : [];
  const choose = (set: (key: string) => void) => (s: SessionSummary) => {
    if (loaded.kind === 'ready' && !loaded.sessions.some((l) => l.key === s.key)) setFound((f) => [...f.filter((o) => o.key !== s.key), s]);
    set(s.key);
  };

  useEffect(() => {
    let cancelled = false;
    findSessionPage({ municipality: current.municipality }).then(
      (page) => {
        if (cancelled) return;
        const sessions = orderSessionsOverTime(page.sessions);
        setLoaded({ kind: 'ready', sessions, more: page.more });
        const index = sessions.findIndex((s) => s.key === current.key);
        const later = sessions[index >= 0 ? index : sessions.length - 1];
        const earlier = sessions[(index >= 0 ? index : sessions.length - 1) - 1];
        setLaterKey(later?.key ?? '');
        setEarlierKey(earlier?.key ?? '');
      },
      (err: unknown) => {
        if (!cancelled) setLoaded({ kind: 'failed', message: `${t('historyFailed')} ${describeErrorText(err, locale)}` });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [findSessionPage, current.municipality, current.key, t, locale]);

  useEffect(() => {
    if (loaded.kind === 'ready' && focusKey) document.getElementById(historyEntryId(focusKey))?.focus();
  }, [loaded.kind, focusKey]);

  const loadMore = async () => {
    if (loaded.kind !== 'ready' || !loaded.more) return;
    setMore('busy');
    try {
      const page = await loaded.more();
      const known = new Set(loaded.sessions.map((s) => s.key));
      setLoaded({ kind: 'ready', sessions: orderSessionsOverTime([...loaded.sessions, ...page.sessions.filter((s) => !known.has(s.key))]), more: page.more });
      setMore('idle');
    } catch {
      setMore('failed');
    }
  };

  const labelOf = (s: SessionSummary) => `${formatSessionDate(s.date, locale)} — ${s.title}${s.key === current.key ? ` ${t('current')}` : ''}`;

  const compare = async (sessions: SessionSummary[]) => {
    if (earlierKey === laterKey) {
      setStatus('same');
      return;
    }
    setStatus('busy');
    try {
      const [a, b] = await Promise.all([openSession(earlierKey), openSession(laterKey)]);
      // The person may pick the later one as "earlier": compare in time order regardless.
      const [earlier, later] = orderSessionsOverTime([a.session.value, b.session.value]).map((s) => (s.key === a.session.value.key ? a : b));
      if (!earlier || !later) return;
      const find = (key: string) => sessions.find((s) => s.key === key);
      setResult({
        comparison: compareSessions(plain(earlier), plain(later)),
        earlier: find(earlier.session.value.key) ? labelOf(find(earlier.session.value.key) as SessionSummary) : earlier.session.value.title,
        later: find(later.session.value.key) ? labelOf(find(later.session.value.key) as SessionSummary) : later.session.value.title,
      });
      setStatus('idle');
    } catch (err) {
      setStatus(`${t('compareFailed')} ${describeErrorText(err, locale)}`);
    }
  };

  return (
    <section aria-labelledby={HISTORY_HEADING_ID}>
      <h2 id={HISTORY_HEADING_ID}>{t('historyTitle', { municipality: current.municipality })}</h2>
      {loaded.kind === 'loading' && <p role="status">{t('historyLoading')}</p>}
      {loaded.kind === 'failed' && <p role="alert">{loaded.message}</p>}
      {loaded.kind === 'ready' && (
        <>
          <ol>
            {loaded.sessions.map((s) => (
              <li key={s.key}>
                {labelOf(s)}
                {onOpen && s.key !== current.key ? (
                  <>
                    {' '}
                    <Button id={historyEntryId(s.key)} size="small" aria-label={t('openSessionLabel', { session: labelOf(s) })} onClick={() => onOpen(s.key)}>
                      {t('openSession')}
                    </Button>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
          {loaded.more ? (
            <p>
              <Button disabled={more === 'busy'} onClick={() => void loadMore()}>
                {more === 'busy' ? t('historyMoreLoading') : t('historyMore')}
              </Button>
            </p>
          ) : null}
          {more === 'failed' ? <p role="alert">{t('historyMoreFailed')}</p> : null}
          {loaded.sessions.length < 2 ? (
            <p>{t('historyOnlyThis')}</p>
          ) : (
            <>
              <h3 id={COMPARE_HEADING_ID}>{t('compareTitle')}</h3>
              <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'end' }}>
                <SessionPicker label={t('earlier')} sessions={choosable} labelOf={labelOf} value={earlierKey} onChange={choose(setEarlierKey)} thisYear={thisYear} {...(searchSessions ? { search } : {})} />
                <SessionPicker label={t('later')} sessions={choosable} labelOf={labelOf} value={laterKey} onChange={choose(setLaterKey)} thisYear={thisYear} {...(searchSessions ? { search } : {})} />
                <Button appearance="primary" disabled={status === 'busy'} onClick={() => void compare(choosable)}>
                  {status === 'busy' ? t('comparing') : t('compare')}
                </Button>
              </div>
              <p role="status">{status === 'same' ? t('compareSame') : status !== 'idle' && status !== 'busy' ? status : ''}</p>
              {result && <ComparisonTable instrument={instrument} comparison={result.comparison} earlierLabel={result.earlier} laterLabel={result.later} />}
            </>
          )}
        </>
      )}
    </section>
  );
}
