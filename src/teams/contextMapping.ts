// Pure translation from what a host reports to the app's HostContext. Kept free of teams-js so the
// routing rules can be read (and tested) without a host.
import type { HostContext, HostTheme, Surface } from './host';

/**
 * Teams names its frames after where they sit, not after what the app should show: a meeting's
 * stage is `meetingStage` (`stage` is the stage view of an ordinary tab), and every tab — channel,
 * chat, meeting details — is `content`.
 */
export function surfaceFromFrameContext(frameContext: string | null | undefined): Surface {
  switch (frameContext) {
    case 'settings':
      return 'settings';
    case 'remove':
      return 'remove';
    case 'sidePanel':
      return 'sidePanel';
    case 'meetingStage':
      return 'stage';
    default:
      return 'tab';
  }
}

/** Teams calls its light theme `default`; `glass` and anything unknown render as light. */
export function themeFromHost(theme: string | null | undefined): HostTheme {
  switch (theme) {
    case 'dark':
      return 'dark';
    case 'contrast':
      return 'contrast';
    default:
      return 'light';
  }
}

/** The subset of teams-js `app.Context` this app reads; declared here so mapping needs no SDK import. */
export interface TeamsContextLike {
  app: { locale: string; theme?: string; host?: { clientType?: string } };
  page: { id?: string; frameContext?: string };
  user?: { id?: string; displayName?: string; loginHint?: string; userPrincipalName?: string; tenant?: { id: string } };
  meeting?: { id: string };
  chat?: { id: string };
  team?: { groupId?: string; displayName?: string };
  sharePointSite?: { teamSiteUrl?: string };
}

function nonEmpty(value: string | null | undefined): string | null {
  return value ? value : null;
}

export function hostContextFromTeams(context: TeamsContextLike, fallbackFrameContext?: string): HostContext {
  const frameContext = context.page.frameContext ?? fallbackFrameContext ?? 'content';
  const groupId = nonEmpty(context.team?.groupId);
  return {
    surface: surfaceFromFrameContext(frameContext),
    frameContext,
    locale: context.app.locale || 'nl-NL',
    theme: themeFromHost(context.app.theme),
    user: {
      id: nonEmpty(context.user?.id),
      // Teams fills loginHint where userPrincipalName is absent (guests, some clients).
      userPrincipalName: nonEmpty(context.user?.userPrincipalName) ?? nonEmpty(context.user?.loginHint),
      displayName: nonEmpty(context.user?.displayName),
      tenantId: nonEmpty(context.user?.tenant?.id),
    },
    meetingId: nonEmpty(context.meeting?.id),
    chatId: nonEmpty(context.chat?.id),
    team: groupId
      ? { groupId, displayName: nonEmpty(context.team?.displayName), siteUrl: nonEmpty(context.sharePointSite?.teamSiteUrl) }
      : null,
    entityId: nonEmpty(context.page.id),
    hostClientType: context.app.host?.clientType ?? 'web',
  };
}
