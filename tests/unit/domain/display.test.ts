import { displayModeOf, displayParticipant, displayPeople, displaySeries, domainMeans, type DisplayLabel } from '../../../src/domain/display';
import { SessionSchema } from '../../../src/domain/model';
import { participant, response, session } from './fixtures';

const sanne = participant('p-sanne', "Sanne van 't Hof", 'Schuldhulp', 'armoede');
const piet = participant('p-piet', 'Piet Smit', 'Inkomen', 'armoede');
const bram = participant('p-bram', 'Bram Jansen', 'Publieke Gezondheid', 'gezondheid');
const lotte = { ...participant('p-lotte', 'Lotte van den Heuvel', 'Jeugd', 'partner'), partnerLabel: 'GGD Hart voor Brabant' };
const wijk = { ...participant('p-wijk', 'Wim Wijk', '', 'partner'), partnerLabel: 'Wijkteam Noord' };

// In join order: Sanne, Bram, Lotte, Piet, Wim.
const responses = [
  response(sanne, { A: 1, B: 4, C: 'weetNiet' }),
  response(bram, { A: 3, B: 2 }),
  response(lotte, { A: 5, B: 4 }),
  response(piet, { A: 2, B: 5, C: 3 }),
  response(wijk, { A: 4 }),
];

/** The labels as plain text, the way a test can read them. */
function text(label: DisplayLabel): string {
  switch (label.kind) {
    case 'person':
      return `${label.name} (${label.organisation ?? label.domain})`;
    case 'numbered':
      return `Deelnemer ${label.number} (${label.domain})`;
    case 'domain':
      return label.organisations.length ? `${label.domain} (${label.organisations.join(', ')})` : label.domain;
  }
}

describe('displayModeOf', () => {
  it('an older session without the setting shows people by name', () => {
    const old = SessionSchema.parse(session({}));
    expect(old.display).toBeUndefined();
    expect(displayModeOf(old)).toBe('perPerson');
    expect(displayModeOf({ display: 'anonymous' })).toBe('anonymous');
  });
});

describe('displayPeople', () => {
  const people = responses.map((r) => r.participant);

  it('per person: the name with the domain, a partner with their organisation', () => {
    expect(displayPeople(people, 'perPerson').map((p) => text(p.label))).toEqual([
      "Sanne van 't Hof (armoede)",
      'Bram Jansen (gezondheid)',
      'Lotte van den Heuvel (GGD Hart voor Brabant)',
      'Piet Smit (armoede)',
      'Wim Wijk (Wijkteam Noord)',
    ]);
  });

  it('anonymous: numbered within the domain in join order, no name and no organisation', () => {
    const labels = displayPeople(people, 'anonymous').map((p) => text(p.label));
    expect(labels).toEqual(['Deelnemer 1 (armoede)', 'Deelnemer 1 (gezondheid)', 'Deelnemer 1 (partner)', 'Deelnemer 2 (armoede)', 'Deelnemer 2 (partner)']);
    expect(labels.join(' ')).not.toMatch(/Sanne|Bram|Lotte|Piet|Wim|GGD|Wijkteam/);
  });

  it('anonymous numbers stay when someone of another domain joins in between', () => {
    const before = displayPeople([sanne, piet], 'anonymous').map((p) => text(p.label));
    const after = displayPeople([sanne, bram, lotte, piet], 'anonymous').filter((p) => p.domain === 'armoede').map((p) => text(p.label));
    expect(after).toEqual(before);
  });

  it('per domain: a person is named by their domain or organisation only', () => {
    expect(displayPeople(people, 'perDomain').map((p) => text(p.label))).toEqual(['armoede', 'gezondheid', 'partner (GGD Hart voor Brabant)', 'armoede', 'partner (Wijkteam Noord)']);
  });
});

describe('displaySeries', () => {
  it('per person and anonymous: one line per person with their scores, weet niet a gap', () => {
    for (const mode of ['perPerson', 'anonymous'] as const) {
      const series = displaySeries(responses, mode);
      expect(series.map((s) => s.key)).toEqual(['p-sanne', 'p-bram', 'p-lotte', 'p-piet', 'p-wijk']);
      expect(series[0]?.values).toEqual([1, 4, null, null, null, null]);
      expect(series.map((s) => [s.domain, s.indexInDomain])).toEqual([
        ['armoede', 0],
        ['gezondheid', 0],
        ['partner', 0],
        ['armoede', 1],
        ['partner', 1],
      ]);
    }
  });

  it('per domain: one line per domain in a fixed order with the domain mean; partners together with their organisations', () => {
    const series = displaySeries(responses, 'perDomain');
    expect(series.map((s) => s.key)).toEqual(['domain:armoede', 'domain:gezondheid', 'domain:partner']);
    expect(series[0]?.values).toEqual([1.5, 4.5, 3, null, null, null]);
    expect(series[2]?.values).toEqual([4.5, 4, null, null, null, null]);
    expect(series[2]?.label).toEqual({ kind: 'domain', domain: 'partner', organisations: ['GGD Hart voor Brabant', 'Wijkteam Noord'], count: 2 });
    expect(series.every((s) => s.scores === undefined && s.participantId === undefined)).toBe(true);
  });

  it('per domain: the order does not follow who joined first', () => {
    const reversed = displaySeries([...responses].reverse(), 'perDomain');
    expect(reversed.map((s) => s.key)).toEqual(['domain:armoede', 'domain:gezondheid', 'domain:partner']);
  });
});

describe('domainMeans', () => {
  it('only domains with people, weet niet left out of the mean', () => {
    const means = domainMeans([responses[0], responses[3]].filter((r) => r !== undefined));
    expect(means).toHaveLength(1);
    expect(means[0]).toMatchObject({ domain: 'armoede', count: 2, organisations: [] });
    expect(means[0]?.means).toEqual({ A: 1.5, B: 4.5, C: 3, D: null, E: null, F: null });
  });
});

describe('displayParticipant', () => {
  const [lotteShown] = displayPeople([lotte], 'anonymous');

  it('anonymous: name replaced, organisation and department dropped', () => {
    const shown = displayParticipant(lotte, lotteShown, 'anonymous', text);
    expect(shown).toMatchObject({ id: 'p-lotte', name: 'Deelnemer 1 (partner)', department: '', domain: 'partner' });
    expect(shown.partnerLabel).toBeUndefined();
  });

  it('per person: unchanged', () => {
    expect(displayParticipant(lotte, lotteShown, 'perPerson', text)).toBe(lotte);
  });
});
