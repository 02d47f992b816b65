// What the configuration page accepts before the organiser may press Save.
import { LIMITS, PURPOSES, type Purpose } from '../../domain/model';

/**
 * Where the session is kept: the team's site (a channel meeting), the site of the Microsoft 365 group
 * chosen for Planner, or a site by address. Never the organisation's root site by default: there
 * ordinary employees are visitors and cannot create the lists.
 */
export type SiteMode = 'team' | 'group' | 'url';

export interface ConfigForm {
  siteMode: SiteMode;
  siteUrl: string;
  groupId: string;
  municipality: string;
  title: string;
  purpose: Purpose | '';
}

export type ConfigProblem =
  | 'municipalityRequired'
  | 'municipalityTooLong'
  | 'municipalityCharacters'
  | 'titleRequired'
  | 'titleTooLong'
  | 'siteUrlRequired'
  | 'siteUrlInvalid'
  | 'siteGroupRequired'
  | 'purposeRequired';

export type ConfigProblems = Partial<Record<keyof ConfigForm, ConfigProblem>>;

// Dutch municipality names: letters with diacritics, spaces, hyphens and apostrophes, and a leading
// apostrophe as in 's-Hertogenbosch and 's-Gravenhage; digits or markup are not part of any name.
const MUNICIPALITY = /^['’]?\p{L}[\p{L}\p{M} .'’()-]*$/u;

export function validateConfig(form: ConfigForm): ConfigProblems {
  const problems: ConfigProblems = {};
  const municipality = form.municipality.trim();
  if (municipality === '') problems.municipality = 'municipalityRequired';
  else if (municipality.length > LIMITS.singleLine) problems.municipality = 'municipalityTooLong';
  else if (!MUNICIPALITY.test(municipality)) problems.municipality = 'municipalityCharacters';
  const title = form.title.trim();
  if (title === '') problems.title = 'titleRequired';
  else if (title.length > LIMITS.singleLine) problems.title = 'titleTooLong';
  if (form.siteMode === 'url') {
    const url = form.siteUrl.trim();
    if (url === '') problems.siteUrl = 'siteUrlRequired';
    else if (!isSharePointUrl(url)) problems.siteUrl = 'siteUrlInvalid';
  }
  if (form.siteMode === 'group' && form.groupId === '') problems.groupId = 'siteGroupRequired';
  if (!(PURPOSES as readonly string[]).includes(form.purpose)) problems.purpose = 'purposeRequired';
  return problems;
}

function isSharePointUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}
