// Which SharePoint site the configuration page's choice means: the team's own site (a channel
// meeting), a site by address, or the site of the group chosen for Planner. Save and
// "Controleer de installatie" ask the same question, so they find the same site.
import type { Directory, SiteChoice } from '../../graph/contracts';
import type { ConfigForm } from './validation';

export interface TeamOfTab {
  groupId: string;
  siteUrl: string | null;
}

/** A site address Graph answered 404 for (GET /sites/{hostname}:/{path}: https://learn.microsoft.com/graph/api/site-getbypath). */
function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === 'notFound';
}

/** The address typed is what is wrong: not "sessie of lijst niet gevonden… stel het tabblad opnieuw in". */
export class SiteNotFound extends Error {
  constructor(readonly url: string) {
    super(`no site at ${url}`);
  }
}

export async function resolveSite(directory: Directory, form: Pick<ConfigForm, 'siteMode' | 'siteUrl' | 'groupId'>, team: TeamOfTab | null): Promise<SiteChoice> {
  if (form.siteMode === 'team' && team) return team.siteUrl ? directory.siteByUrl(team.siteUrl) : directory.groupSite(team.groupId);
  if (form.siteMode === 'url') {
    const url = form.siteUrl.trim();
    return directory.siteByUrl(url).catch((err: unknown) => {
      throw isNotFound(err) ? new SiteNotFound(url) : err;
    });
  }
  return directory.groupSite(form.groupId);
}
