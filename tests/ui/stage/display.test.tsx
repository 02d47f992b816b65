// "Toon per persoon / per domein / anoniem" on the stage (and the tab, which shows the same
// ScoresSection): domain labels on columns and lines, no names when anonymous, the facilitator's control.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Response, Session } from '../../../src/domain';
import StagePage from '../../../src/ui/stage/StagePage';
import { FakeStore, facilitator, fakeHost, fakeServices, lotte, participantOf, renderWith, responseOf, sanne, sessionIn } from '../fakes';

const lotteAsPartner = { ...participantOf(lotte, 'partner'), partnerLabel: 'GGD Hart voor Brabant' };

function store(state: Session['state'], display?: Session['display']): FakeStore {
  const s = new FakeStore(sessionIn(state, display ? { display } : {}));
  s.addResponse(responseOf(sanne, { A: 2, B: 5, C: 'weetNiet', D: 3, E: 3, F: 3 }));
  s.addResponse({ ...responseOf(lotte, { A: 2, B: 1, C: 'weetNiet', D: 3, E: 4, F: 3 }), participant: lotteAsPartner } satisfies Response);
  return s;
}

const columnHeads = () => within(screen.getByRole('table')).getAllByRole('columnheader').map((th) => th.textContent);
const legend = () => within(screen.getByRole('list', { name: 'Legenda' })).getAllByRole('listitem').map((li) => li.textContent);

describe('the stage shows people as the session says', () => {
  it('per persoon (also an older session without the setting): name with domain, a partner with their organisation, and a mean per domain', async () => {
    renderWith(<StagePage />, fakeServices({ store: store('revealed'), host: fakeHost({ surface: 'stage' }) }));
    await screen.findByRole('img', { name: /Spindiagram/ });
    expect(columnHeads()).toEqual([
      'Stelling',
      "Sanne van 't Hof (Armoede)",
      'Lotte van den Heuvel (GGD Hart voor Brabant)',
      'Gemiddelde',
      'Gemiddelde Armoede',
      'Gemiddelde GGD Hart voor Brabant',
      'Mediaan',
      'Spreiding',
      'Aantal weet niet',
    ]);
    expect(legend()).toEqual(["Sanne van 't Hof (Armoede)", 'Lotte van den Heuvel (GGD Hart voor Brabant)', 'Gemiddelde van de groep']);
  });

  it('anoniem: numbered per domain; no name in the chart, the table, the progress list or anywhere on the stage', async () => {
    const { container } = renderWith(<StagePage />, fakeServices({ store: store('revealed', 'anonymous'), host: fakeHost({ surface: 'stage' }) }));
    await screen.findByRole('img', { name: /Spindiagram/ });
    expect(legend()).toEqual(['Deelnemer 1 (Armoede)', 'Deelnemer 1 (Partner)', 'Gemiddelde van de groep']);
    expect(columnHeads()).toContain('Deelnemer 1 (Partner)');
    expect(container.textContent).not.toMatch(/Sanne|Lotte|Heuvel|GGD/);
  });

  it('anoniem while stap 1 runs: the progress list names nobody', async () => {
    const { container } = renderWith(<StagePage />, fakeServices({ store: store('step1', 'anonymous'), host: fakeHost({ surface: 'stage' }) }));
    await screen.findByText('2 deelnemers, 0 klaar');
    expect(container.textContent).toContain('Deelnemer 1 (Armoede)');
    expect(container.textContent).not.toMatch(/Sanne|Lotte/);
  });

  it('per domein: one line and one column per domain in a fixed order, no person columns', async () => {
    renderWith(<StagePage />, fakeServices({ store: store('revealed', 'perDomain'), host: fakeHost({ surface: 'stage' }) }));
    await screen.findByRole('img', { name: /Spindiagram/ });
    expect(legend()).toEqual(['Armoede', 'GGD Hart voor Brabant', 'Gemiddelde van de groep']);
    expect(columnHeads()).toEqual(['Stelling', 'Gemiddelde', 'Gemiddelde Armoede', 'Gemiddelde GGD Hart voor Brabant', 'Mediaan', 'Spreiding', 'Aantal weet niet']);
  });

  it('the facilitator switches to anoniem on the stage; the choice is stored on the session and the names go', async () => {
    const s = store('revealed');
    const { container } = renderWith(<StagePage />, fakeServices({ me: facilitator, store: s, host: fakeHost({ surface: 'stage' }) }));
    await screen.findByRole('img', { name: /Spindiagram/ });
    const group = screen.getByRole('radiogroup', { name: 'Deelnemers tonen' });
    fireEvent.click(within(group).getByRole('radio', { name: 'Anoniem' }));
    await waitFor(() => expect(s.session.value.display).toBe('anonymous'));
    await waitFor(() => expect(container.textContent).not.toMatch(/Sanne|Lotte/));
  });

  it('a participant has no control for it', async () => {
    renderWith(<StagePage />, fakeServices({ me: sanne, store: (() => {
      const s = store('revealed');
      s.shareWithGroup();
      return s;
    })(), host: fakeHost({ surface: 'stage' }) }));
    await screen.findByRole('img', { name: /Spindiagram/ });
    expect(screen.queryByRole('radiogroup', { name: 'Deelnemers tonen' })).toBeNull();
  });
});
