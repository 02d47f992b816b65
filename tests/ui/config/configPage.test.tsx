import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigPage } from '../../../src/ui/config/ConfigPage';
import { NotSiteOwnerError } from '../../../src/graph/errors';
import type { TabConfig } from '../../../src/teams';
import { validateConfig, type ConfigForm } from '../../../src/ui/config/validation';
import { FakeStore, SESSION_KEY, facilitator, fakeHost, fakeServices, renderWith, sanne, sessionIn } from '../fakes';

const filled: ConfigForm = { siteMode: 'group', siteUrl: '', groupId: 'group-1', municipality: "'s-Hertogenbosch", title: 'Sessie 1', purpose: 'monitoring' };

async function openConfig(options: Parameters<typeof fakeServices>[0] = {}) {
  const host = options.host ?? fakeHost({ surface: 'settings', frameContext: 'settings', entityId: null });
  const services = fakeServices({ ...options, host });
  renderWith(<ConfigPage />, services, false);
  await screen.findByRole('option', { name: 'Schuldhulp Overleg' });
  return { host, store: services.store };
}

/**
 * Presses Opslaan as Teams does, by calling the page's save handler, inside act(): the page updates
 * its progress and outcome while the save runs, as React expects of updates a test causes.
 */
function save(host: SavingHost): Promise<TabConfig> {
  return act(() => host.saveHandler!());
}

/** The same for a save the page refuses: resolves with the refusal (React flushes the page's updates only when act's callback settles normally). */
async function refusedSave(host: SavingHost): Promise<Error> {
  const outcome = await act(() => host.saveHandler!().then(() => null, (error: unknown) => (error instanceof Error ? error : new Error(String(error)))));
  if (!outcome) throw new Error('the save was expected to be refused, but it went through');
  return outcome;
}

type SavingHost = { saveHandler: (() => Promise<TabConfig>) | null };

async function fillIn() {
  await userEvent.type(screen.getByRole('textbox', { name: /Gemeente/ }), "'s-Hertogenbosch");
  await userEvent.type(screen.getByRole('textbox', { name: /Titel van de sessie/ }), 'Armoede en gezondheid');
  await userEvent.click(screen.getAllByRole('radio').find((r) => r.getAttribute('value') === 'agendering') as HTMLElement);
}

describe('configuration page', () => {
  it("accepts municipality names such as 's-Hertogenbosch and refuses digits or markup", () => {
    expect(validateConfig(filled)).toEqual({});
    expect(validateConfig({ ...filled, municipality: 'Súdwest-Fryslân' })).toEqual({});
    expect(validateConfig({ ...filled, municipality: '<b>Utrecht</b>' }).municipality).toBe('municipalityCharacters');
    expect(validateConfig({ ...filled, municipality: 'Gemeente 2' }).municipality).toBe('municipalityCharacters');
    expect(validateConfig({ ...filled, municipality: '   ' }).municipality).toBe('municipalityRequired');
  });

  it('asks for a full https address when another site is chosen', () => {
    expect(validateConfig({ ...filled, siteMode: 'url', siteUrl: '' }).siteUrl).toBe('siteUrlRequired');
    expect(validateConfig({ ...filled, siteMode: 'url', siteUrl: 'contoso/sites/x' }).siteUrl).toBe('siteUrlInvalid');
    expect(validateConfig({ ...filled, siteMode: 'url', siteUrl: 'https://contoso.sharepoint.com/sites/x' })).toEqual({});
  });

  it('outside a channel asks for the group whose site keeps the session, and offers no root site', async () => {
    expect(validateConfig({ ...filled, groupId: '' }).groupId).toBe('siteGroupRequired');
    expect(validateConfig({ ...filled, siteMode: 'url', siteUrl: 'https://contoso.sharepoint.com/sites/x', groupId: '' })).toEqual({});
    await openConfig();
    const choices = screen.getAllByRole('radio').map((r) => r.getAttribute('value'));
    expect(choices.filter((v) => v === 'team' || v === 'group' || v === 'url' || v === 'root')).toEqual(['group', 'url']);
  });

  it('says in one sentence that the organiser is not an owner of the site, which site, and who can fix it', async () => {
    const store = new FakeStore();
    store.failures.provision = new NotSiteOwnerError('https://contoso.sharepoint.com/sites/group-1');
    const { host } = await openConfig({ store });
    await fillIn();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Microsoft 365-groep/ }), 'group-1');
    await refusedSave(host);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('U bent geen eigenaar van de site https://contoso.sharepoint.com/sites/group-1');
    expect(alert.textContent).toContain('Vraag een eigenaar van de site');
    expect(store.created).toHaveLength(0);
  });

  it('keeps Save disabled until the form is valid and shows Dutch messages for fields left empty', async () => {
    const { host } = await openConfig();
    expect(host.valid.at(-1)).toBe(false);
    fireEvent.blur(screen.getByRole('textbox', { name: /Gemeente/ }));
    expect(await screen.findByText('Vul de naam van de gemeente in.')).toBeTruthy();
    await fillIn();
    // Outside a channel the session is kept on a group's site: a group must be chosen first.
    expect(host.valid.at(-1)).toBe(false);
    fireEvent.blur(screen.getByRole('combobox', { name: /Microsoft 365-groep/ }));
    expect(await screen.findByText(/Kies een groep: de sessie wordt bewaard op de site van die groep/)).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Microsoft 365-groep/ }), 'group-1');
    await waitFor(() => expect(host.valid.at(-1)).toBe(true));
  });

  it('on Save creates the lists and the session with the signed-in person as facilitator and returns the tab configuration', async () => {
    const store = new FakeStore();
    const { host } = await openConfig({ store });
    await fillIn();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Microsoft 365-groep/ }), 'group-2');
    const tab = await save(host);
    expect(store.provisioned).toBe(1);
    expect(store.created[0]).toMatchObject({ municipality: "'s-Hertogenbosch", title: 'Armoede en gezondheid', purpose: 'agendering', plannerGroupId: 'group-2', meetingId: 'meeting-1', facilitator: { id: facilitator.id, name: facilitator.displayName } });
    expect(tab.entityId).toBe(store.session.value.key);
    const url = new URL(tab.contentUrl);
    expect(url.origin).toBe('https://app.example.nl');
    // Outside a channel the session is kept on the chosen group's site, never the organisation's root site.
    expect(url.searchParams.get('site')).toBe('site-of-group-2');
    expect(url.searchParams.get('group')).toBe('group-2');
    expect(tab.suggestedDisplayName).toBe('Armoede en gezondheid');
    expect(await screen.findByText('Klaar: de sessie is aangemaakt.')).toBeTruthy();
  });

  it("in a channel meeting the team's site and group are the defaults", async () => {
    const store = new FakeStore();
    const host = fakeHost({ surface: 'settings', frameContext: 'settings', entityId: null, team: { groupId: 'group-1', displayName: 'Armoede en Gezondheid', siteUrl: null } });
    await openConfig({ store, host });
    expect(screen.getByRole('radio', { name: /De site van dit team \(Armoede en Gezondheid\)/ })).toHaveProperty('checked', true);
    await fillIn();
    const tab = await save(host);
    const url = new URL(tab.contentUrl);
    expect(url.searchParams.get('site')).toBe('site-of-group-1');
    expect(url.searchParams.get('group')).toBe('group-1');
  });

  it('a refused save says why in Dutch and lets the host keep the dialog open', async () => {
    const store = new FakeStore();
    store.failures.provision = Object.assign(new Error('403'), { code: 'accessDenied' });
    const { host } = await openConfig({ store });
    await fillIn();
    expect((await refusedSave(host)).message).toMatch(/geen toegang/);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('U heeft geen toegang tot deze SharePoint-site of groep.'));
    expect(store.created).toHaveLength(0);
  });

  it('says before Save what it creates and who can read what', async () => {
    await openConfig();
    const section = screen.getByRole('region', { name: 'Wat Opslaan aanmaakt en wie het kan lezen' });
    expect(section.textContent).toContain('Gesprekstool sessies, Gesprekstool antwoorden en Gesprekstool acties');
    expect(section.textContent).toContain('met u als gespreksleider');
    expect(section.textContent).toContain('De antwoorden: ieder alleen de eigen.');
    expect(section.textContent).toContain('De sessie en de actieagenda: iedereen met toegang tot de site.');
  });

  it('a site address that does not exist gets its own sentence, not "sessie of lijst niet gevonden"', async () => {
    const store = new FakeStore();
    const siteByUrl = jest.fn(async () => {
      throw Object.assign(new Error('404'), { code: 'notFound' });
    });
    const { host } = await openConfig({ store, directory: { siteByUrl } });
    await userEvent.click(screen.getByRole('radio', { name: 'Een andere site (adres)' }));
    await userEvent.type(screen.getByRole('textbox', { name: /Adres van de SharePoint-site/ }), 'https://contoso.sharepoint.com/sites/bestaatniet');
    await fillIn();
    expect((await refusedSave(host)).message).toMatch(/geen SharePoint-site gevonden/);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Op https://contoso.sharepoint.com/sites/bestaatniet is geen SharePoint-site gevonden. Controleer het adres (bijvoorbeeld https://gemeente.sharepoint.com/sites/naam) of kies hierboven een andere site.',
    );
    expect(alert.textContent).not.toContain('stel het tabblad opnieuw in');
    expect(siteByUrl).toHaveBeenCalledWith('https://contoso.sharepoint.com/sites/bestaatniet');
    expect(store.created).toHaveLength(0);
  });

  describe('reopened on a configured tab ("Instellingen")', () => {
    const CONTENT_URL = `https://app.example.nl/?session=${SESSION_KEY}&site=site-1&siteUrl=https%3A%2F%2Fcontoso.sharepoint.com%2Fsites%2Fag&group=group-1`;
    const reopen = async (store: FakeStore, me = facilitator) => {
      const host = fakeHost({ surface: 'settings', frameContext: 'settings', entityId: SESSION_KEY });
      host.savedConfig = { entityId: SESSION_KEY, contentUrl: CONTENT_URL, websiteUrl: CONTENT_URL, suggestedDisplayName: 'Armoede en gezondheid 2026' };
      renderWith(<ConfigPage />, fakeServices({ store, host, me }), false);
      await screen.findByRole('heading', { name: 'Instellingen van de sessie' });
      await waitFor(() => expect((screen.getByRole('textbox', { name: /Titel van de sessie/ }) as HTMLInputElement).value).toBe('Armoede en gezondheid 2026'));
      return host;
    };

    it("shows the session's own settings, not empty fields, and says the site stays", async () => {
      await reopen(new FakeStore(sessionIn('step2')));
      expect((screen.getByRole('textbox', { name: /Gemeente/ }) as HTMLInputElement).value).toBe("'s-Hertogenbosch");
      expect(screen.getAllByRole('radio').find((r) => r.getAttribute('value') === 'agendering')).toHaveProperty('checked', true);
      expect(screen.getByText(/De sessie staat op https:\/\/contoso.sharepoint.com\/sites\/ag\. Die site verandert niet/)).toBeTruthy();
      expect(screen.queryByRole('radio', { name: /Een andere site/ })).toBeNull();
      expect(screen.getByRole('heading', { name: 'Wat Opslaan wijzigt' })).toBeTruthy();
    });

    it('on Save changes the same session in place and keeps the tab on it, instead of making a new, empty session', async () => {
      const store = new FakeStore(sessionIn('step2'));
      const host = await reopen(store);
      await waitFor(() => expect(host.valid.at(-1)).toBe(true));
      const title = screen.getByRole('textbox', { name: /Titel van de sessie/ });
      await userEvent.clear(title);
      await userEvent.type(title, 'Armoede en gezondheid, voorjaar');
      const tab = await save(host);
      expect(store.created).toHaveLength(0);
      expect(store.provisioned).toBe(0);
      expect(store.session.value).toMatchObject({ key: SESSION_KEY, title: 'Armoede en gezondheid, voorjaar', state: 'step2', municipality: "'s-Hertogenbosch" });
      expect(tab.entityId).toBe(SESSION_KEY);
      expect(new URL(tab.contentUrl).searchParams.get('site')).toBe('site-1');
      expect(tab.suggestedDisplayName).toBe('Armoede en gezondheid, voorjaar');
      expect(await screen.findByText('Klaar: de sessie is bijgewerkt.')).toBeTruthy();
    });

    it('for someone who is not the facilitator: says who can change it, and Save stays disabled', async () => {
      const host = await reopen(new FakeStore(sessionIn('step1')), sanne);
      expect(screen.getByText('Alleen de gespreksleider (Marieke de Vries) kan de instellingen van deze sessie wijzigen.')).toBeTruthy();
      expect(host.valid.at(-1)).toBe(false);
      expect(screen.getByRole('textbox', { name: /Titel van de sessie/ })).toHaveProperty('disabled', true);
    });

    it('once the agenda is in Planner, the group no longer changes', async () => {
      const store = new FakeStore(sessionIn('closed', { plannerPlanId: 'plan-1' }));
      const host = await reopen(store);
      expect(screen.getByRole('combobox', { name: /Microsoft 365-groep/ })).toHaveProperty('disabled', true);
      expect(screen.getByText(/al naar de Planner van deze groep gepubliceerd/)).toBeTruthy();
      await waitFor(() => expect(host.valid.at(-1)).toBe(true));
      await save(host);
      expect(store.session.value.plannerGroupId).toBe('group-1');
    });

    it('when the session cannot be read, says so and saves nothing', async () => {
      const store = new FakeStore(sessionIn('step1'));
      store.failures.openSession = Object.assign(new Error('403'), { code: 'accessDenied' });
      const host = fakeHost({ surface: 'settings', frameContext: 'settings', entityId: SESSION_KEY });
      host.savedConfig = { entityId: SESSION_KEY, contentUrl: CONTENT_URL, websiteUrl: CONTENT_URL, suggestedDisplayName: 'x' };
      renderWith(<ConfigPage />, fakeServices({ store, host }), false);
      expect((await screen.findByRole('alert')).textContent).toMatch(/De sessie van dit tabblad kon niet worden gelezen, dus Opslaan kan niets wijzigen/);
      expect(host.valid.at(-1)).toBe(false);
      await refusedSave(host);
      expect(store.created).toHaveLength(0);
    });
  });
});
