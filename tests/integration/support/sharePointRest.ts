// SharePoint's own REST API on the emulator (`/_api/...`, served under `/_sharepoint/{host}{site}`),
// called with a token for the SharePoint resource, as the app will call it to set item-level permissions.
import { sharePointLoopbackUrl } from '../../../dev/graph-emulator';
import { rawGraph, type RawResponse } from './rawGraph';

/**
 * The bearer token for the SharePoint resource (aud = https://{tenant}.sharepoint.com).
 * PLACEHOLDER until real tokens arrive (h-identity): the emulator reads `dev-sp:<upn>` as such a token.
 * This is the only place tests build it; replace it with a minted SharePoint-audience token.
 */
export function sharePointToken(upn: string): string {
  return `dev-sp:${upn}`;
}

export interface SharePointRestOptions {
  upn?: string;
  /** `nometadata` (default), `verbose` or `minimalmetadata`. */
  odata?: 'nometadata' | 'verbose' | 'minimalmetadata';
  headers?: Record<string, string>;
  body?: unknown;
  /** Send a Graph token instead (to see SharePoint refuse it). */
  graphToken?: boolean;
}

/** `url` is the real SharePoint URL, e.g. `https://gemeente-voorbeeld.sharepoint.com/sites/X/_api/web/currentuser`. */
export function sharePointRest(origin: string, method: string, url: string, options: SharePointRestOptions = {}): Promise<RawResponse> {
  const loopback = new URL(sharePointLoopbackUrl(origin, url));
  const headers: Record<string, string> = { Accept: `application/json;odata=${options.odata ?? 'nometadata'}`, ...options.headers };
  // A Graph token comes from rawGraph itself, so it stays whatever rawGraph mints.
  if (options.upn !== undefined && !options.graphToken) headers.Authorization = `Bearer ${sharePointToken(options.upn)}`;
  return rawGraph(origin, method, `${loopback.pathname}${loopback.search}`, {
    headers,
    ...(options.graphToken && options.upn !== undefined ? { upn: options.upn } : {}),
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
}
