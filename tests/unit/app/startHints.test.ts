// What a frame learns from its own URL before teams-js has loaded: the stage mark, and the frame
// context and locale the host fills into a tab's contentUrl (the simulator fills them as Teams does).
import { SEED } from '../../../dev/graph-emulator/seed';
import { defaultMeeting, fillContextPlaceholders, legacyContext, type FrameKind, type TeamsLocale } from '../../../dev/teams-host/meeting';
import { startHints } from '../../../src/app/startHints';
import { sessionUrl, tabContentUrl, linkInUrl } from '../../../src/ui/session/location';

const ORIGIN = 'https://gesprekstool.example.nl';
const link = { key: '20261128-abcd1234', location: { siteId: 'contoso.sharepoint.com,1,2', siteUrl: "https://contoso.sharepoint.com/sites/'s-Hertogenbosch", plannerGroupId: null } };
const tab = { entityId: link.key, contentUrl: tabContentUrl(ORIGIN, link), websiteUrl: sessionUrl(ORIGIN, link), suggestedDisplayName: 'Sessie' };

/** The URL `kind`'s frame loads in the simulator, for a meeting in `locale`. */
function loaded(kind: FrameKind, locale: TeamsLocale = 'nl-NL'): URL {
  const settings = { ...defaultMeeting(), locale };
  return new URL(fillContextPlaceholders(tab.contentUrl, legacyContext({ kind, user: SEED.users.debtCounsellor, client: 'web' }, settings, tab)));
}

describe('the tab content URL', () => {
  it('asks the host for the frame context and locale, and still names the session where it lives', () => {
    expect(tab.contentUrl).toContain('frame={page.frameContext}');
    expect(tab.contentUrl).toContain('locale={app.locale}');
    const url = loaded('sidePanel');
    expect(url.searchParams.get('frame')).toBe('sidePanel');
    expect(linkInUrl(link.key, url)).toEqual(link);
  });

  it('keeps the placeholders out of the website URL a browser opens', () => {
    expect(tab.websiteUrl).not.toContain('{');
  });
});

describe('startHints', () => {
  it('names the side panel, the tab and the language the host filled in', () => {
    expect(startHints(loaded('sidePanel'))).toEqual({ surface: 'sidePanel', locale: 'nl' });
    expect(startHints(loaded('content', 'en-US'))).toEqual({ surface: 'tab', locale: 'en' });
  });

  it('names the stage for the URL the app shared to it', () => {
    expect(startHints(new URL(sessionUrl(ORIGIN, link, 'stage')))).toEqual({ surface: 'stage', locale: null });
  });

  it('names nothing where the host left the placeholders as written, or the URL has none', () => {
    expect(startHints(new URL(tab.contentUrl))).toEqual({ surface: null, locale: null });
    expect(startHints(new URL(sessionUrl(ORIGIN, link)))).toEqual({ surface: null, locale: null });
  });

  it('names nothing for a frame context without a page of its own or a value that is no context', () => {
    expect(startHints(new URL(`${ORIGIN}/?frame=task&locale=nl-nl`))).toEqual({ surface: null, locale: 'nl' });
    expect(startHints(new URL(`${ORIGIN}/?frame=${encodeURIComponent('<script>')}&locale=${encodeURIComponent('"nl')}`))).toEqual({ surface: null, locale: null });
    expect(startHints(new URL(`${ORIGIN}/?frame=remove`)).surface).toBeNull();
  });
});
