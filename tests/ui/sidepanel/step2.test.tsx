import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LIMITS } from '../../../src/domain/model';
import { SidePanel } from '../../../src/ui/sidepanel/SidePanel';
import { FakeStore, fakeServices, renderWith, responseOf, sanne, sessionIn } from '../fakes';

async function openThemeA(store: FakeStore) {
  renderWith(<SidePanel />, fakeServices({ me: sanne, store }));
  await userEvent.click(await screen.findByRole('button', { name: /^A\. Visie op armoede/ }));
  return screen.getByRole('group', { name: /^1\. Wat zijn voor onze gemeente redenen/ });
}

function step2Store(extra: Parameters<typeof sessionIn>[1] = {}) {
  const store = new FakeStore(sessionIn('step2', extra));
  store.addResponse(responseOf(sanne));
  return store;
}

describe('side panel step 2', () => {
  it("keeps the instrument's long step-2 explanation one click away, so the themes are in view at 320 px", async () => {
    renderWith(<SidePanel />, fakeServices({ me: sanne, store: step2Store() }));
    const summary = await screen.findByText('Uitleg bij stap 2');
    const details = summary.closest('details');
    expect(details?.open).toBe(false);
    expect(details?.textContent).toContain('Vink aan bij de vragen welke antwoorden van toepassing zijn.');
    await userEvent.click(summary);
    expect(details?.open).toBe(true);
  });

  it('choosing an exclusive option clears the others, and choosing another clears it', async () => {
    const question = await openThemeA(step2Store());
    const first = within(question).getByRole('checkbox', { name: /^Veel van onze inwoners/ });
    const second = within(question).getByRole('checkbox', { name: /^We bedienen onze inwoners/ });
    const noReason = within(question).getByRole('checkbox', { name: 'Wij zien geen reden.' });
    await userEvent.click(first);
    await userEvent.click(second);
    expect(first).toHaveProperty('checked', true);
    await userEvent.click(noReason);
    expect(noReason).toHaveProperty('checked', true);
    expect(first).toHaveProperty('checked', false);
    expect(second).toHaveProperty('checked', false);
    await userEvent.click(first);
    expect(first).toHaveProperty('checked', true);
    expect(noReason).toHaveProperty('checked', false);
  });

  it('says which ticks an exclusive option cleared, and which exclusive tick another choice cleared, in a polite live region', async () => {
    const question = await openThemeA(step2Store());
    const status = within(question).getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('');
    const first = within(question).getByRole('checkbox', { name: /^Veel van onze inwoners/ });
    const second = within(question).getByRole('checkbox', { name: /^We bedienen onze inwoners/ });
    await userEvent.click(first);
    await userEvent.click(second);
    expect(status.textContent).toBe('');
    await userEvent.click(within(question).getByRole('checkbox', { name: 'Wij zien geen reden.' }));
    expect(status.textContent).toBe(
      '‘Wij zien geen reden.’ sluit de andere antwoorden uit. Vinkje weggehaald bij: ‘Veel van onze inwoners kampen zowel met armoede als met gezondheidsproblemen.’, ‘We bedienen onze inwoners beter met een (levens)brede aanpak van problemen.’.',
    );
    await userEvent.click(first);
    expect(status.textContent).toBe('Vinkje weggehaald bij ‘Wij zien geen reden.’: dat sluit andere antwoorden uit.');
  });

  it('free text appears only for a chosen free-text option and asks for words when left empty', async () => {
    const question = await openThemeA(step2Store());
    expect(within(question).queryByRole('textbox')).toBeNull();
    await userEvent.click(within(question).getByRole('checkbox', { name: 'Anders, namelijk…' }));
    const text = within(question).getByRole('textbox', { name: /Toelichting bij: Anders, namelijk…/ });
    fireEvent.blur(text);
    expect(await within(question).findByText('Vul hier uw antwoord in, of zet het vinkje uit.')).toBeTruthy();
    await userEvent.type(text, 'Wijkteams');
    expect(within(question).getByText(`9 van ${LIMITS.optionFreeText} tekens`)).toBeTruthy();
    expect(within(question).queryByText('Vul hier uw antwoord in, of zet het vinkje uit.')).toBeNull();
    await userEvent.click(within(question).getByRole('checkbox', { name: 'Anders, namelijk…' }));
    expect(within(question).queryByRole('textbox')).toBeNull();
  });

  it('text at the limit is cut there and the person is told more is not kept', async () => {
    const question = await openThemeA(step2Store());
    await userEvent.click(within(question).getByRole('checkbox', { name: 'Anders, namelijk…' }));
    const text = within(question).getByRole('textbox', { name: /Toelichting bij/ });
    fireEvent.change(text, { target: { value: 'x'.repeat(LIMITS.optionFreeText + 50) } });
    expect((text as HTMLTextAreaElement).value).toHaveLength(LIMITS.optionFreeText);
    expect(within(question).getByText(/U heeft het maximum van 1000 tekens bereikt/)).toBeTruthy();
  });

  it('counts quotes and line breaks as the stored answer does, says so, and cuts a paste where SharePoint would', async () => {
    const question = await openThemeA(step2Store());
    await userEvent.click(within(question).getByRole('checkbox', { name: 'Anders, namelijk…' }));
    const text = within(question).getByRole('textbox', { name: /Toelichting bij/ });
    fireEvent.change(text, { target: { value: 'De "wijk"\nteams' } });
    expect(within(question).getByText(`18 van ${LIMITS.optionFreeText} tekens (regeleinden, tabs, aanhalingstekens en backslashes tellen dubbel)`)).toBeTruthy();
    fireEvent.change(text, { target: { value: '"'.repeat(LIMITS.optionFreeText) } });
    expect((text as HTMLTextAreaElement).value).toBe('"'.repeat(LIMITS.optionFreeText / 2));
    expect(within(question).getByText(/U heeft het maximum van 1000 tekens bereikt/)).toBeTruthy();
  });

  it('markup typed as free text is saved as typed and shown as text', async () => {
    const store = step2Store();
    const question = await openThemeA(store);
    await userEvent.click(within(question).getByRole('checkbox', { name: 'Anders, namelijk…' }));
    const markup = '<img src=x onerror=alert(1)>';
    fireEvent.change(within(question).getByRole('textbox', { name: /Toelichting bij/ }), { target: { value: markup } });
    expect(document.querySelector('img')).toBeNull();
    await waitFor(() => expect(store.saved.at(-1)?.step2.questions.q1?.freeText['q1.f']).toBe(markup), { timeout: 3000 });
  });

  it("each theme's inspiration examples open in a dialog with their source", async () => {
    await openThemeA(step2Store());
    // The library is its own chunk, fetched when stap 2 shows. The button is there before it (its
    // arrival must not push the questions down under someone's pointer) and shows the count once it is in.
    expect(screen.getAllByRole('button', { name: /^Inspiratie uit de praktijk/ }).length).toBeGreaterThan(0);
    await userEvent.click((await screen.findAllByRole('button', { name: /^Inspiratie uit de praktijk \(\d+\)$/ }))[0] as HTMLElement);
    // The dialog's mount took 2.4 s on the shared machine before this change too (jsdom, Fluent's portal).
    // jsdom has no layout: Fluent may find nothing visible to focus in the dialog, focus its surface, and
    // Tabster then marks it aria-hidden (a jsdom artefact, more often under load), so it is found with
    // `hidden: true`, as in tests/ui/stage/facilitatorBar.test.tsx. The browser tests audit it with axe.
    const dialog = await screen.findByRole('dialog', { hidden: true }, { timeout: 10_000 });
    expect(within(dialog).getByRole('heading', { name: /Inspiratie: Visie op armoede/, hidden: true })).toBeTruthy();
    expect(within(dialog).getAllByText(/^Bron: /).length).toBeGreaterThan(0);
    // Under load (two cores shared with other runs) the mount alone has taken most of jest's default 5 s.
  }, 20_000);

  it('in joint mode a participant has no options to tick: the facilitator holds the pen, on the stage', async () => {
    renderWith(<SidePanel />, fakeServices({ me: sanne, store: step2Store({ mode: 'joint' }) }));
    expect(await screen.findByText(/Stap 2 vult de groep samen in, op het gedeelde scherm/)).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /^A\. Visie op armoede/ })).toBeNull();
  });
});
