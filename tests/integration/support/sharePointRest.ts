// SharePoint's own REST API on the emulator (`/_api/...`, served under `/_sharepoint/{host}{site}`),
// called with a token for the SharePoint resource, as the app will call it to set item-level permissions.
import { sharePointLoopbackUrl } from '../../../dev/graph-emulator';
import { rawGraph, type RawResponse } from './rawGraph';

/** SharePoint's own delegated scope for reading lists and changing their settings (higher covers lower). */
export const SHAREPOINT_SCOPES = ['AllSites.Manage'] as const;

export interface SharePointRestOptions {
  upn?: string;
  /** `nometadata` (default), `verbose` or `minimalmetadata`. */
  odata?: 'nometadata' | 'verbose' | 'minimalmetadata';
  headers?: Record<string, string>;
  body?: unknown;
  /** Send a Graph token instead (to see SharePoint refuse it). */
  graphToken?: boolean;
  /** SharePoint scopes to ask for (default AllSites.Manage). */
  scopes?: readonly string[];
}

/** `url` is the real SharePoint URL, e.g. `https://gemeente-voorbeeld.sharepoint.com/sites/X/_api/web/currentuser`. */
export function sharePointRest(origin: string, method: string, url: string, options: SharePointRestOptions = {}): Promise<RawResponse> {
  const loopback = new URL(sharePointLoopbackUrl(origin, url));
  const headers: Record<string, string> = { Accept: `application/json;odata=${options.odata ?? 'nometadata'}`, ...options.headers };
  // A token for the SharePoint resource (aud = https://{tenant}.sharepoint.com), or Graph's to see it refused.
  return rawGraph(origin, method, `${loopback.pathname}${loopback.search}`, {
    headers,
    ...(options.upn !== undefined ? { upn: options.upn } : {}),
    ...(options.upn !== undefined && !options.graphToken ? { resource: 'sharepoint' as const, scopes: options.scopes ?? SHAREPOINT_SCOPES } : {}),
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
}
