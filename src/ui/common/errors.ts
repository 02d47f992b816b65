// Every failure becomes one sentence for a person plus what they can do next, in their language.
// Errors are recognised by their `code` (GraphLayerError, BootError, sign-in, host), so the UI
// needs no import of the Graph client to tell them apart and never shows a stack trace.
import type { GraphErrorCode } from '../../graph/errors';
import { defineMessages, format, type Locale } from '../i18n';

export interface ErrorDescription {
  /** What went wrong, one sentence. */
  problem: string;
  /** What the person can do next, one sentence. */
  next: string;
}

/** Every Graph layer code has a description (a new one is a type error here until it gets one). */
type Kind = GraphErrorCode | 'configMissing' | 'configInvalid' | 'signInFailed' | 'missingLoginHint' | 'stageUnavailable' | 'hostRefused' | 'unknown';

const DESCRIPTIONS: Record<Locale, Record<Kind, ErrorDescription>> = {
  nl: {
    configMissing: { problem: 'De instellingen van de app (app-config.json) zijn niet gevonden.', next: 'Vraag de beheerder van de app om de installatie te controleren.' },
    configInvalid: { problem: 'De instellingen van de app (app-config.json) kloppen niet.', next: 'Vraag de beheerder van de app om de installatie te controleren.' },
    signInFailed: { problem: 'Aanmelden bij Microsoft 365 is niet gelukt.', next: 'Sluit de app en open hem opnieuw; lukt het dan nog niet, vraag uw beheerder of de app toestemming heeft.' },
    missingLoginHint: { problem: 'Teams gaf niet door wie u bent, dus aanmelden lukte niet.', next: 'Sluit de app en open hem opnieuw.' },
    signInWindow: { problem: 'U bent nog niet aangemeld: het aanmeldvenster van Teams ging niet open of werd gesloten.', next: 'Klik op Aanmelden; het venster gaat open en sluit vanzelf zodra u bent aangemeld.' },
    consentRequired: {
      problem: 'De app heeft voor dit onderdeel toestemming nodig die een beheerder van uw organisatie nog niet heeft gegeven.',
      next: 'Vraag uw Microsoft 365-beheerder om toestemming voor de organisatie te verlenen voor Gesprekstool (zie de installatiehandleiding).',
    },
    signInRefused: { problem: 'Microsoft 365 weigerde u aan te melden (bijvoorbeeld omdat uw account is uitgeschakeld).', next: 'Vraag uw beheerder of uw account actief is en toegang heeft tot deze organisatie.' },
    conflict: { problem: 'Iemand anders heeft dit net ook gewijzigd.', next: 'Bekijk de nieuwste versie en probeer uw wijziging opnieuw.' },
    publishBusy: { problem: 'Iemand anders publiceert deze agenda al naar Planner.', next: 'Wacht tot dat klaar is en bekijk dan de uitkomst.' },
    notSiteOwner: {
      problem: 'U bent geen eigenaar van de site {site}: alleen een eigenaar kan de lijsten van de Gesprekstool aanmaken en zo instellen dat ieder alleen de eigen antwoorden ziet.',
      next: 'Vraag een eigenaar van de site (bij een teamsite: een eigenaar van het team) om u eigenaar te maken, of kies de site van een groep waarvan u eigenaar bent.',
    },
    throttled: { problem: 'Microsoft 365 is even te druk.', next: 'De app probeert het zo vanzelf opnieuw; u hoeft niets te doen.' },
    notFound: { problem: 'Deze sessie of lijst is niet (meer) gevonden in SharePoint.', next: 'Controleer of de sessie is verwijderd, of stel het tabblad opnieuw in.' },
    accessDenied: { problem: 'U heeft geen toegang tot deze SharePoint-site of groep.', next: 'Vraag de eigenaar van de site of groep om u toegang te geven.' },
    limitExceeded: { problem: 'Een limiet van Planner is bereikt (bijvoorbeeld het aantal personen per taak).', next: 'Verdeel het werk over minder personen of taken en probeer het opnieuw.' },
    invalidItem: { problem: 'Een item in SharePoint is met de hand gewijzigd en klopt niet meer.', next: 'Herstel het item in SharePoint of vraag de gespreksleider om hulp.' },
    textTooLong: { problem: 'Een tekst is langer dan SharePoint toestaat.', next: 'Maak de tekst korter en probeer het opnieuw.' },
    offline: { problem: 'Er is geen verbinding met Microsoft 365.', next: 'Uw invoer blijft op dit apparaat bewaard en wordt verstuurd zodra de verbinding terug is.' },
    badRequest: { problem: 'Microsoft 365 weigerde het verzoek.', next: 'Probeer het opnieuw; blijft het misgaan, meld het dan bij de beheerder.' },
    service: { problem: 'Microsoft 365 gaf een storing.', next: 'Probeer het over een minuut opnieuw.' },
    stageUnavailable: { problem: 'Delen naar het gedeelde scherm kan alleen in een Teams-vergadering.', next: 'Open de app in het zijpaneel van de vergadering.' },
    hostRefused: { problem: 'Teams weigerde dit verzoek.', next: 'Alleen de organisator of een presentator kan delen; vraag hen het te doen.' },
    unknown: { problem: 'Er ging iets mis.', next: 'Probeer het opnieuw; blijft het misgaan, sluit de app en open hem opnieuw.' },
  },
  en: {
    configMissing: { problem: "The app's settings (app-config.json) were not found.", next: "Ask the app's administrator to check the installation." },
    configInvalid: { problem: "The app's settings (app-config.json) are not valid.", next: "Ask the app's administrator to check the installation." },
    signInFailed: { problem: 'Signing in to Microsoft 365 did not work.', next: 'Close the app and open it again; if that does not help, ask your administrator whether the app has consent.' },
    missingLoginHint: { problem: 'Teams did not say who you are, so signing in failed.', next: 'Close the app and open it again.' },
    signInWindow: { problem: 'You are not signed in yet: Teams’ sign-in window did not open or was closed.', next: 'Select Sign in; the window opens and closes by itself once you are signed in.' },
    consentRequired: {
      problem: 'For this part the app needs consent that an administrator of your organisation has not yet given.',
      next: 'Ask your Microsoft 365 administrator to grant consent for the organisation to Gesprekstool (see the installation guide).',
    },
    signInRefused: { problem: 'Microsoft 365 refused to sign you in (for example because your account is disabled).', next: 'Ask your administrator whether your account is active and has access to this organisation.' },
    conflict: { problem: 'Someone else changed this at the same time.', next: 'Look at the latest version and try your change again.' },
    publishBusy: { problem: 'Someone else is already publishing this agenda to Planner.', next: 'Wait until they are done, then look at the result.' },
    notSiteOwner: {
      problem: 'You are not an owner of the site {site}: only an owner can create the conversation tool’s lists and set them so that everyone sees only their own answers.',
      next: 'Ask an owner of the site (for a team site: an owner of the team) to make you an owner, or choose the site of a group you own.',
    },
    throttled: { problem: 'Microsoft 365 is busy for a moment.', next: 'The app tries again by itself; you need not do anything.' },
    notFound: { problem: 'This session or list was not found in SharePoint.', next: 'Check whether the session was deleted, or configure the tab again.' },
    accessDenied: { problem: 'You have no access to this SharePoint site or group.', next: 'Ask the owner of the site or group to give you access.' },
    limitExceeded: { problem: 'A Planner limit was reached (for example people per task).', next: 'Spread the work over fewer people or tasks and try again.' },
    invalidItem: { problem: 'An item in SharePoint was edited by hand and is no longer valid.', next: 'Repair the item in SharePoint or ask the facilitator for help.' },
    textTooLong: { problem: 'A text is longer than SharePoint allows.', next: 'Shorten the text and try again.' },
    offline: { problem: 'There is no connection to Microsoft 365.', next: 'Your input is kept on this device and sent as soon as the connection is back.' },
    badRequest: { problem: 'Microsoft 365 refused the request.', next: 'Try again; if it keeps failing, tell the administrator.' },
    service: { problem: 'Microsoft 365 had a failure.', next: 'Try again in a minute.' },
    stageUnavailable: { problem: 'Sharing to the stage only works in a Teams meeting.', next: "Open the app in the meeting's side panel." },
    hostRefused: { problem: 'Teams refused this request.', next: 'Only the organiser or a presenter can share; ask them to do it.' },
    unknown: { problem: 'Something went wrong.', next: 'Try again; if it keeps failing, close the app and open it again.' },
  },
};

const CODE_KINDS: ReadonlySet<string> = new Set(Object.keys(DESCRIPTIONS.nl));

function kindOf(err: unknown): Kind {
  if (err && typeof err === 'object') {
    const { name, code } = err as { name?: unknown; code?: unknown };
    if (name === 'StageSharingUnavailableError') return 'stageUnavailable';
    if (name === 'HostRequestError') return 'hostRefused';
    if (typeof code === 'string' && CODE_KINDS.has(code)) return code as Kind;
  }
  if (typeof err === 'string' && CODE_KINDS.has(err)) return err as Kind;
  return 'unknown';
}

/** Where a hand-edited item is, so whoever repairs it finds it: list, item and column. */
const WHERE: Record<Locale, string> = {
  nl: '(lijst {list}, item {id}, kolom {field})',
  en: '(list {list}, item {id}, column {field})',
};

function whereInvalid(err: unknown, locale: Locale): string | null {
  if (!err || typeof err !== 'object') return null;
  const { listDisplayName, itemId, field } = err as { listDisplayName?: unknown; itemId?: unknown; field?: unknown };
  if (typeof listDisplayName !== 'string' || typeof itemId !== 'string' || typeof field !== 'string') return null;
  return format(WHERE[locale], { list: listDisplayName, id: itemId, field });
}

/** `err` may also be a bare code, as SyncState's `reason` carries. */
export function describeError(err: unknown, locale: Locale): ErrorDescription {
  const kind = kindOf(err);
  const description = DESCRIPTIONS[locale][kind];
  const where = kind === 'invalidItem' ? whereInvalid(err, locale) : null;
  if (where) return { ...description, problem: `${description.problem.replace(/\.$/, '')} ${where}.` };
  if (kind === 'notSiteOwner') {
    const site = err && typeof err === 'object' && 'siteUrl' in err && typeof err.siteUrl === 'string' ? err.siteUrl : '';
    return { ...description, problem: format(description.problem, { site }).replace('  ', ' ') };
  }
  return description;
}

/**
 * Teams' sign-in window did not open (a browser opens one only in answer to a press) or was closed:
 * the way on is a button that opens it, labelled "Aanmelden", and pressing it is the click the window needs.
 */
export function needsSignInPress(err: unknown): boolean {
  return kindOf(err) === 'signInWindow';
}

/** That button's one label, wherever it shows (start-up, a running session's notice, the sync indicator). */
export const signInPressMessages = defineMessages({ nl: { signIn: 'Aanmelden' }, en: { signIn: 'Sign in' } });

/** Both sentences as one line, for inline messages. */
export function describeErrorText(err: unknown, locale: Locale): string {
  const { problem, next } = describeError(err, locale);
  return `${problem} ${next}`;
}
