// Small named fixtures shared by the chart, stage, tab and export tests.
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { loadInstrument } from '../../../src/domain/loadInstrument';
import { emptyStep2, type Participant, type Response, type Scores } from '../../../src/domain';
import { LocaleProvider, type Locale } from '../../../src/ui/i18n';

export const instrumentNl = loadInstrument('nl');

export function renderUi(ui: ReactElement, locale: Locale = 'nl'): RenderResult {
  return render(
    <LocaleProvider locale={locale}>
      <FluentProvider theme={teamsLightTheme}>{ui}</FluentProvider>
    </LocaleProvider>,
  );
}

export function participant(id: string, name: string, department = 'Sociaal domein'): Participant {
  return { id, name, domain: 'armoede', department };
}

export function response(who: Participant, scores: Scores, overrides: Partial<Response> = {}): Response {
  return { sessionKey: 's-1', participant: who, scores, step2: emptyStep2(), done: {}, updatedAt: '2026-03-01T10:00:00Z', ...overrides };
}

export const anouk = participant('u-anouk', 'Anouk de Vries');
export const bram = participant('u-bram', 'Bram Jansen', 'GGD');
export const sanne = participant('u-sanne', "Sanne van 't Hof", 'Wijkteam');

/** A: everyone agrees; B: spread 3; C: one weet niet among scores; D: two of three weet niet; E/F partly unanswered. */
export const threeParticipantsOneWeetNiet: Response[] = [
  response(anouk, { A: 4, B: 1, C: 3, D: 'weetNiet', E: 2, F: 3 }),
  response(bram, { A: 4, B: 4, C: 'weetNiet', D: 'weetNiet', E: 2 }),
  response(sanne, { A: 4, B: 3, C: 3, D: 2, E: 3, F: 3 }),
];

export const chartParticipants = threeParticipantsOneWeetNiet.map((r) => ({ id: r.participant.id, name: r.participant.name, scores: r.scores }));
