// A municipality may register delegated `Sites.Selected` instead of the `Sites.*.All` permissions, so
// the app reaches only the sites an administrator assigned to it (and there never more than the
// person may do themselves): learn.microsoft.com/graph/permissions-selected-overview. Every call
// still names the scope its endpoint needs (src/auth/scopes.ts); with `siteAccess: "selected"` the
// token is asked for `Sites.Selected` in its place, for Graph and for SharePoint's own REST API.
import type { TokenProvider } from './contracts';

export type SiteAccess = 'all' | 'selected';

const GRAPH_SITE_SCOPE = /^Sites\.(?:Read|ReadWrite|Manage|FullControl)\.All$/;
const SHAREPOINT_SITE_SCOPE = /^(https:\/\/[^/]+)\/AllSites\.(?:Read|Write|Manage|FullControl)$/;

/** The scope asked for under `Sites.Selected`: site scopes become the selected one, the rest stay. */
export function selectedScope(scope: string): string {
  if (GRAPH_SITE_SCOPE.test(scope)) return 'Sites.Selected';
  const sharePoint = SHAREPOINT_SITE_SCOPE.exec(scope);
  return sharePoint ? `${sharePoint[1]}/Sites.Selected` : scope;
}

export function withSiteAccess(tokens: TokenProvider, access: SiteAccess): TokenProvider {
  if (access === 'all') return tokens;
  return { getToken: (scopes) => tokens.getToken([...new Set(scopes.map(selectedScope))]) };
}
