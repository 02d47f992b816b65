// Small, named fixtures: built from the contract types so domain tests do not depend on the real
// instrument file.
import type { InstrumentQuestion } from '../../../src/domain/instrument';
import {
  emptyStep2,
  type ActionItem,
  type Domain,
  type Participant,
  type Response,
  type Scores,
  type Session,
} from '../../../src/domain/model';

export function participant(id: string, name = `Deelnemer ${id}`, department = '', domain: Domain = 'armoede'): Participant {
  return { id, name, domain, department };
}

export function response(who: Participant, scores: Scores = {}, overrides: Partial<Response> = {}): Response {
  return {
    sessionKey: '20261123-abcdefgh',
    participant: who,
    scores,
    step2: emptyStep2(),
    done: {},
    updatedAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}

export const anna = participant('p-anna', 'Anna de Vries', 'Sociaal Domein');
export const bram = participant('p-bram', 'Bram Jansen', 'Publieke Gezondheid', 'gezondheid');
export const chris = participant('p-chris', 'Chris Bakker', 'GGD', 'partner');

/** A: 2, 4, weet niet — spread 2 and a weet niet among scores. Others agree or are left open. */
export const threeParticipantsOneWeetNiet: Response[] = [
  response(anna, { A: 2, B: 3, C: 4, D: 1 }),
  response(bram, { A: 4, B: 3, C: 5, E: 'weetNiet' }),
  response(chris, { A: 'weetNiet', B: 4, C: 4, E: 'weetNiet' }),
];

export const twentyParticipants: Response[] = Array.from({ length: 20 }, (_, i) =>
  response(participant(`p-${i + 1}`), { A: (((i % 5) + 1) as 1 | 2 | 3 | 4 | 5), B: 3, C: i < 2 ? 'weetNiet' : 4 }),
);

/** q7: "Nee." is exclusive; "Anders, namelijk…" takes free text; "Nee, want…" is exclusive with free text. */
export const questionWithExclusiveNee: InstrumentQuestion = {
  id: 'q7',
  number: 7,
  text: 'Werkt de gemeente samen met partners?',
  options: [
    { id: 'q7.a', text: 'Ja, met de GGD.', freeText: false, exclusive: false },
    { id: 'q7.b', text: 'Ja, met het wijkteam.', freeText: false, exclusive: false },
    { id: 'q7.c', text: 'Anders, namelijk', freeText: true, exclusive: false },
    { id: 'q7.d', text: 'Nee.', freeText: false, exclusive: true },
    { id: 'q7.e', text: 'Nee, want', freeText: true, exclusive: true },
  ],
};

export const plainQuestion: InstrumentQuestion = {
  id: 'q8',
  number: 8,
  text: 'Welke groepen?',
  options: [
    { id: 'q8.a', text: 'Kinderen', freeText: false, exclusive: false },
    { id: 'q8.b', text: 'Ouderen', freeText: false, exclusive: false },
  ],
};

export function session(overrides: Partial<Session> = {}): Session {
  return {
    key: '20261123-abcdefgh',
    municipality: 'Zwolle',
    title: 'Armoede en gezondheid',
    purpose: 'monitoring',
    date: '2026-11-23T09:00:00.000Z',
    meetingId: null,
    facilitatorId: 'p-fac',
    facilitatorName: 'Fatima Gespreksleider',
    instrumentVersion: 'gesprekstool-2018.1',
    state: 'setup',
    locked: false,
    mode: 'separate',
    notes: '',
    explanation: '',
    followUp: { meetAgain: null, meetAgainDate: null, accountability: '' },
    plannerGroupId: null,
    plannerPlanId: null,
    ...overrides,
  };
}

export function action(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'a-1',
    sessionKey: '20261123-abcdefgh',
    theme: 'A',
    title: 'Visie opstellen',
    ownerId: null,
    ownerName: null,
    department: '',
    dueDate: null,
    status: 'open',
    proposedBy: null,
    plannerTaskId: null,
    plannerTaskUrl: null,
    ...overrides,
  };
}

/** A deterministic byte source: counts up from `start`. */
export function countingBytes(start = 0): (length: number) => Uint8Array {
  let next = start;
  return (length) => Uint8Array.from({ length }, () => next++ % 256);
}
