// The meeting tab switches between answering (the side panel's steps, for a phone that has no side
// panel) and the review page by the session's state and the client it runs in.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TabSurface } from '../../../src/ui/tab/TabSurface';
import { FakeStore, facilitator, fakeHost, fakeServices, lotte, renderWith, responseOf, sanne, sessionIn } from '../fakes';

/** Each page is loaded on demand (its own chunk in the build); the first require of one can take a while in a busy run. */
const LAZY = { timeout: 5000 };
const phone = () => fakeHost({ surface: 'tab', frameContext: 'content', hostClientType: 'android' });
const computer = () => fakeHost({ surface: 'tab', frameContext: 'content', hostClientType: 'desktop' });

describe('the meeting tab during a live session', () => {
  it('on a phone opens on taking part: the join form, then stap 1, with the sync indicator', async () => {
    const store = new FakeStore(sessionIn('step1'));
    renderWith(<TabSurface />, fakeServices({ me: sanne, store, host: phone() }));
    const answer = await screen.findByRole('tab', { name: 'Meedoen' }, LAZY);
    expect(answer.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel');
    expect(answer.getAttribute('aria-controls')).toBe(panel.id);
    await userEvent.click(await within(panel).findByRole('radio', { name: 'Gezondheid' }, LAZY));
    await userEvent.click(within(panel).getByRole('button', { name: 'Meedoen' }));
    const statementA = await within(panel).findByRole('radiogroup', { name: /^A\. / }, LAZY);
    expect(store.responses.map((r) => r.value.participant.id)).toEqual([sanne.id]);
    await userEvent.click(within(statementA).getByRole('radio', { name: '4 – mee eens' }));
    await waitFor(() => expect(store.saved.at(-1)?.scores.A).toBe(4));
    expect(await within(panel).findByRole('status')).toHaveProperty('textContent', 'Opgeslagen');
    // The review page is not on screen meanwhile.
    expect(screen.queryByRole('heading', { name: 'Over deze sessie' })).toBeNull();
  });

  it("a participant on a phone never sees another person's raw answers before the reveal", async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(sanne, { A: 2 }));
    store.addResponse({ ...responseOf(lotte, { A: 5 }), step2: { questions: {}, comments: { A: 'Alleen voor mezelf' } } });
    const asked: (string | undefined)[] = [];
    const open = store.openSession.bind(store);
    store.openSession = (key, options = {}) => {
      asked.push(options.onlyAnswersOf);
      return open(key, options);
    };
    renderWith(<TabSurface />, fakeServices({ me: sanne, store, host: phone() }));
    await screen.findByRole('radiogroup', { name: /^A\. / }, LAZY);
    // The tab reads as the side panel does: the session item and her own answers only.
    expect(asked).toEqual([sanne.id]);
    expect(document.body.textContent).not.toContain(lotte.displayName);
    await userEvent.click(screen.getByRole('tab', { name: 'Overzicht' }));
    await screen.findByRole('heading', { name: 'Over deze sessie' }, LAZY);
    expect(document.body.textContent).not.toContain(lotte.displayName);
    expect(document.body.textContent).not.toContain('Alleen voor mezelf');
    expect(screen.queryByRole('heading', { name: 'Resultaten' })).toBeNull();
    expect(asked).toEqual([sanne.id]);
  });

  it('on a phone after the reveal says that the group’s scores are under Overzicht, and shows them there', async () => {
    const store = new FakeStore(sessionIn('revealed'));
    store.addResponse(responseOf(sanne, { A: 2, B: 3 }));
    store.addResponse(responseOf(lotte, { A: 5, B: 1 }));
    store.shareWithGroup();
    renderWith(<TabSurface />, fakeServices({ me: sanne, store, host: phone() }));
    expect(await screen.findByText('De scores van de groep staan onder ‘Overzicht’.', {}, LAZY)).toBeTruthy();
    await userEvent.click(screen.getByRole('tab', { name: 'Overzicht' }));
    await screen.findByRole('heading', { name: 'Resultaten' }, LAZY);
    expect(screen.getByRole('tab', { name: 'Overzicht' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByText('De scores van de groep staan onder ‘Overzicht’.')).toBeNull();
  });

  it('switching to Overzicht and back keeps the answers just given on screen', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(sanne));
    renderWith(<TabSurface />, fakeServices({ me: sanne, store, host: phone() }));
    const statementA = await screen.findByRole('radiogroup', { name: /^A\. / }, LAZY);
    await userEvent.click(within(statementA).getByRole('radio', { name: '4 – mee eens' }));
    await waitFor(() => expect(store.saved.at(-1)?.scores.A).toBe(4));
    await userEvent.click(screen.getByRole('tab', { name: 'Overzicht' }));
    await screen.findByRole('heading', { name: 'Over deze sessie' }, LAZY);
    await userEvent.click(screen.getByRole('tab', { name: 'Meedoen' }));
    const again = screen.getByRole('radiogroup', { name: /^A\. / });
    expect(within(again).getByRole('radio', { name: '4 – mee eens' })).toHaveProperty('checked', true);
    expect(screen.queryByRole('heading', { name: 'Over deze sessie' })).toBeNull();
  });

  it('on a computer opens on the review page, with taking part one switch away', async () => {
    const store = new FakeStore(sessionIn('step1'));
    renderWith(<TabSurface />, fakeServices({ me: sanne, store, host: computer() }));
    await screen.findByRole('heading', { name: 'Over deze sessie' }, LAZY);
    expect(screen.getByRole('tab', { name: 'Overzicht' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'Overzicht' }).getAttribute('aria-controls')).toBe(screen.getByRole('tabpanel').id);
    await userEvent.click(screen.getByRole('tab', { name: 'Meedoen' }));
    expect(await screen.findByRole('button', { name: 'Meedoen' }, LAZY)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Over deze sessie' })).toBeNull();
  });

  it('the facilitator on a phone takes part with their own controls too', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(facilitator));
    renderWith(<TabSurface />, fakeServices({ me: facilitator, store, host: phone() }));
    expect(await screen.findByRole('button', { name: 'Scores onthullen' }, LAZY)).toBeTruthy();
  });
});

describe('the meeting tab outside a live session', () => {
  it('after the session is closed it is the review page, also on a phone, without a switch', async () => {
    const store = new FakeStore(sessionIn('closed'));
    store.addResponse(responseOf(sanne, { A: 2, B: 5 }));
    store.addResponse(responseOf(lotte, { A: 3, B: 1 }));
    renderWith(<TabSurface />, fakeServices({ me: sanne, store, host: phone() }));
    await screen.findByRole('heading', { name: 'Resultaten' }, LAZY);
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Meedoen' })).toBeNull();
  });

  it('a tab without a session says so, without a switch', async () => {
    const services = fakeServices({ me: sanne, host: phone(), url: 'https://app.example.nl/' });
    renderWith(<TabSurface />, { ...services, host: fakeHost({ surface: 'tab', frameContext: 'content', hostClientType: 'android', entityId: null }) });
    expect(await screen.findByText(/Dit tabblad hoort nog niet bij een sessie/, {}, LAZY)).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  it('when the facilitator closes the session, a phone taking part goes over to the review page', async () => {
    const store = new FakeStore(sessionIn('step3'));
    store.addResponse(responseOf(sanne, { A: 2 }));
    const services = fakeServices({ me: sanne, store, host: phone() });
    services.pollMs = 50;
    renderWith(<TabSurface />, services);
    await screen.findByRole('heading', { name: /Stap 3/ }, LAZY);
    expect(screen.getByRole('tab', { name: 'Meedoen' }).getAttribute('aria-selected')).toBe('true');
    store.session = { ...store.session, value: { ...store.session.value, state: 'closed' } };
    await screen.findByRole('heading', { name: 'Over deze sessie' }, LAZY);
    expect(screen.queryByRole('tablist')).toBeNull();
  });
});
