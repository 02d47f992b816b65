// A labelled combobox for choosing a session to compare. It filters the loaded sessions on what the
// person types (date or title), and after a short pause also asks SharePoint for the municipality's
// sessions that are not loaded yet (src/graph/sessionSearch.ts): with years of history, the one
// someone types is found without loading page after page.
import { Combobox, Field, Option } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { matchesSessionQuery, parseSessionQuery } from '../../domain';
import type { SessionSummary } from '../../graph/contracts';
import { useT } from '../i18n';
import { localCalendarDate } from '../stage/calendarText';
import { tabMessages } from './messages';

/** How long typing pauses before SharePoint is asked: one request per pause, not per key. */
export const SEARCH_DELAY_MS = 300;
/** Sessions found in SharePoint shown at most. */
export const SEARCH_SHOWN = 20;

export type SearchSessions = (text: string) => Promise<SessionSummary[]>;

type Remote = { text: string; kind: 'busy' } | { text: string; kind: 'done'; sessions: SessionSummary[] } | { text: string; kind: 'failed' };

export interface SessionPickerProps {
  label: string;
  /** The loaded sessions, and sessions found earlier by a search (so a chosen one keeps its label). */
  sessions: readonly SessionSummary[];
  labelOf: (s: SessionSummary) => string;
  value: string;
  onChange: (session: SessionSummary) => void;
  /** Asks SharePoint; without it only the loaded sessions are offered. */
  search?: SearchSessions;
  /** The year where the person is, for a date typed without one (src/domain/sessionSearch.ts). */
  thisYear?: number | undefined;
}

export function SessionPicker({ label, sessions, labelOf, value, onChange, search, thisYear }: SessionPickerProps) {
  const t = useT(tabMessages);
  const selected = sessions.find((s) => s.key === value);
  /** What the person is typing; null while they are not (the field then shows the chosen session). */
  const [query, setQuery] = useState<string | null>(null);
  const [remote, setRemote] = useState<Remote | null>(null);
  const parsed = query === null ? null : parseSessionQuery(query, thisYear);
  const wanted = parsed && search ? (query ?? '').trim() : null;

  useEffect(() => {
    if (wanted === null || !search) return undefined;
    let cancelled = false;
    const timer = setTimeout(() => {
      setRemote({ text: wanted, kind: 'busy' });
      search(wanted).then(
        (found) => {
          if (!cancelled) setRemote({ text: wanted, kind: 'done', sessions: found });
        },
        () => {
          if (!cancelled) setRemote({ text: wanted, kind: 'failed' });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [wanted, search]);

  const typed = (query ?? '').trim().toLowerCase();
  const local = sessions.filter((s) => typed === '' || labelOf(s).toLowerCase().includes(typed));
  const shownKeys = new Set(local.map((s) => s.key));
  // SharePoint's answer is wider than what was meant (a day of slack, a capital letter): keep what matches.
  const current = remote !== null && remote.text === wanted ? remote : null;
  const found =
    current?.kind === 'done' && parsed
      ? current.sessions
          .filter((s) => !shownKeys.has(s.key) && matchesSessionQuery(parsed, { title: s.title, day: localCalendarDate(new Date(s.date)) }))
          .filter((s, i, all) => all.findIndex((o) => o.key === s.key) === i)
          .slice(0, SEARCH_SHOWN)
      : [];
  const options = [...local, ...found];
  const searching = wanted !== null && (current === null || current.kind === 'busy');
  const status =
    wanted === null ? '' : searching ? t('pickerSearching') : current?.kind === 'failed' ? t('pickerSearchFailed') : options.length === 0 ? t('pickerNoneFound', { query: wanted }) : '';

  return (
    <div>
      <Field label={label}>
        <Combobox
          freeform
          value={query ?? (selected ? labelOf(selected) : '')}
          selectedOptions={value ? [value] : []}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, d) => {
            // Typing in a freeform combobox clears its selection (an event without a value): the
            // chosen session stays until another is picked.
            const chosen = options.find((s) => s.key === d.optionValue);
            if (!chosen) return;
            onChange(chosen);
            setQuery(null);
          }}
          onBlur={() => setQuery(null)}
        >
          {options.length > 0 ? (
            options.map((s) => (
              <Option key={s.key} value={s.key} text={labelOf(s)}>
                {labelOf(s)}
              </Option>
            ))
          ) : (
            <Option key="no-results" aria-disabled="true" text="">
              {status || t('pickerNoMatch')}
            </Option>
          )}
        </Combobox>
      </Field>
      <span role="status" style={{ fontSize: 'smaller' }}>
        {status}
      </span>
    </div>
  );
}
