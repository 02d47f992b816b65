// Where a tab's session lives. Decision: the tab configuration carries it. `entityId` is the session
// key (Teams gives it back in every frame's context), and the tab's contentUrl carries the SharePoint
// site and the Planner group as query parameters (`session`, `site`, `siteUrl`, `group`), because
// Teams loads exactly that URL in the side panel, the stage and the tab, so no frame needs a lookup
// to find the lists. The session key is repeated in the URL for the stage: a URL shared to the stage
// must stand on its own. A URL without a site (an older tab, a hand-made link) falls back to the
// team's site, then the tenant's root site, where the configuration page would have defaulted to.
import { isSessionKey } from '../../domain/sessionKey';
import type { Directory, SessionLocation } from '../../graph/contracts';
import type { HostContext } from '../../teams';

export interface SessionLink {
  key: string;
  location: SessionLocation;
}

const PARAM = { session: 'session', site: 'site', siteUrl: 'siteUrl', group: 'group', shownOn: 'on' } as const;
const ON_STAGE = 'stage';

/**
 * The app URL for a configured tab or the stage: the app origin with the session's place in the query.
 * A URL for the stage says so (`on=stage`), so its page knows before teams-js has loaded that it is the
 * group's view and may let a side panel start first (src/app/startTurn.ts). Teams' own context stays
 * the authority on which surface a frame is; the mark only decides the order of a start.
 */
export function sessionUrl(appOrigin: string, link: SessionLink, shownOn: 'tab' | 'stage' = 'tab'): string {
  const url = new URL('/', appOrigin);
  if (shownOn === 'stage') url.searchParams.set(PARAM.shownOn, ON_STAGE);
  url.searchParams.set(PARAM.session, link.key);
  url.searchParams.set(PARAM.site, link.location.siteId);
  url.searchParams.set(PARAM.siteUrl, link.location.siteUrl);
  if (link.location.plannerGroupId) url.searchParams.set(PARAM.group, link.location.plannerGroupId);
  return url.toString();
}

/** Whether `url` is one the app shared to the meeting's stage (sessionUrl with 'stage'). */
export function sharedToStage(url: URL): boolean {
  return url.searchParams.get(PARAM.shownOn) === ON_STAGE;
}

/** The session key: the tab's entityId, else the `session` parameter; null when this tab has none yet. */
export function sessionKeyFrom(context: Pick<HostContext, 'entityId'>, url: URL): string | null {
  if (isSessionKey(context.entityId)) return context.entityId;
  const fromUrl = url.searchParams.get(PARAM.session);
  return isSessionKey(fromUrl) ? fromUrl : null;
}

/** The session's place as the URL names it (what sessionUrl wrote); null when it names no site. */
export function linkInUrl(key: string, url: URL): SessionLink | null {
  const siteId = url.searchParams.get(PARAM.site);
  if (!siteId) return null;
  return { key, location: { siteId, siteUrl: url.searchParams.get(PARAM.siteUrl) ?? '', plannerGroupId: url.searchParams.get(PARAM.group) } };
}

/** Resolves the session link of this frame, asking the directory only when the URL names no site. */
export async function resolveSessionLink(context: Pick<HostContext, 'entityId' | 'team'>, url: URL, directory: Pick<Directory, 'groupSite' | 'rootSite'>): Promise<SessionLink | null> {
  const key = sessionKeyFrom(context, url);
  if (!key) return null;
  const named = linkInUrl(key, url);
  if (named) return named;
  const group = url.searchParams.get(PARAM.group);
  const site = context.team ? await directory.groupSite(context.team.groupId) : await directory.rootSite();
  return { key, location: { siteId: site.id, siteUrl: site.webUrl, plannerGroupId: group ?? context.team?.groupId ?? null } };
}
