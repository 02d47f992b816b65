// Which SharePoint site the configuration page's choice means: the team's own site (a channel
// meeting), a site by address, or the site of the group chosen for Planner. Save and
// "Controleer de installatie" ask the same question, so they find the same site.
import type { Directory, SiteChoice } from '../../graph/contracts';
import type { ConfigForm } from './validation';

export interface TeamOfTab {
  groupId: string;
  siteUrl: string | null;
}

export function resolveSite(directory: Directory, form: Pick<ConfigForm, 'siteMode' | 'siteUrl' | 'groupId'>, team: TeamOfTab | null): Promise<SiteChoice> {
  if (form.siteMode === 'team' && team) return team.siteUrl ? directory.siteByUrl(team.siteUrl) : directory.groupSite(team.groupId);
  if (form.siteMode === 'url') return directory.siteByUrl(form.siteUrl.trim());
  return directory.groupSite(form.groupId);
}
