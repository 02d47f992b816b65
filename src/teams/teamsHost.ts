// The Host implementation inside Teams (or the local meeting simulator): every call goes through
// the real teams-js message path. Only this file imports teams-js.
import { app, authentication, meeting, nestedAppAuth, pages } from '@microsoft/teams-js';
import type { ConfigPage, Host, HostContext, HostSignIn, HostTheme, StageSharing } from './host';
import { hostContextFromTeams, themeFromHost } from './contextMapping';
import { HostRequestError } from './errors';

type SdkError = { errorCode: number; message?: string } | null;

function hostRequest<T>(request: string, call: (callback: (error: SdkError, result: T | null) => void) => void): Promise<T | null> {
  return new Promise((resolve, reject) => {
    call((error, result) => {
      if (error) reject(new HostRequestError(request, error.errorCode, error.message ?? `${request} failed (${error.errorCode})`));
      else resolve(result);
    });
  });
}

// meeting.* throws synchronously outside the side panel and the stage (teams-js ensureInitialized).
const STAGE_FRAMES = new Set(['sidePanel', 'meetingStage']);
// pages.config.setValidityState is allowed on the configuration and removal pages, the save handler
// only on the configuration page (teams-js pagesHelpers / config.ts); elsewhere both throw.
const VALIDITY_FRAMES = new Set(['settings', 'remove']);

function stageSharing(frameContext: string): StageSharing {
  const inMeeting = STAGE_FRAMES.has(frameContext);
  return {
    async canShare() {
      if (!inMeeting) return false;
      const capabilities = await hostRequest<meeting.IAppContentStageSharingCapabilities>('meeting.getAppContentStageSharingCapabilities', (cb) =>
        meeting.getAppContentStageSharingCapabilities(cb),
      );
      return capabilities?.doesAppHaveSharePermission === true;
    },
    async isSharing() {
      if (!inMeeting) return false;
      const state = await hostRequest<meeting.IAppContentStageSharingState>('meeting.getAppContentStageSharingState', (cb) => meeting.getAppContentStageSharingState(cb));
      return state?.isAppSharing === true;
    },
    async share(url, options = {}) {
      if (!inMeeting) throw new HostRequestError('meeting.shareAppContentToStage', null, `Cannot share to the stage from ${frameContext}.`);
      const shared = await hostRequest<boolean>('meeting.shareAppContentToStage', (cb) =>
        meeting.shareAppContentToStage(cb, url, { sharingProtocol: options.screenShare ? meeting.SharingProtocol.ScreenShare : meeting.SharingProtocol.Collaborative }),
      );
      if (shared !== true) throw new HostRequestError('meeting.shareAppContentToStage', null, 'The host did not share the app to the stage.');
    },
  };
}

function configPage(frameContext: string): ConfigPage {
  return {
    setValid(valid) {
      if (VALIDITY_FRAMES.has(frameContext)) pages.config.setValidityState(valid);
    },
    onSave(handler) {
      if (frameContext !== 'settings') return;
      pages.config.registerOnSaveHandler((event) => {
        // Teams waits for notifySuccess/notifyFailure before it closes the dialog: report either, always.
        handler()
          .then((config) => pages.config.setConfig(config))
          .then(() => event.notifySuccess())
          .catch((error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)));
      });
    },
    // "getConfig: Gets the configuration for the current instance of the page" (teams-js pages
    // namespace, learn.microsoft.com/javascript/api/@microsoft/teams-js/pages): an unconfigured tab has
    // an empty entityId and contentUrl.
    async current() {
      if (frameContext !== 'settings') return null;
      const found = await pages.getConfig();
      if (!found.entityId || !found.contentUrl) return null;
      return { entityId: found.entityId, contentUrl: found.contentUrl, websiteUrl: found.websiteUrl ?? found.contentUrl, suggestedDisplayName: found.suggestedDisplayName ?? '' };
    },
  };
}

/**
 * Sign-in as the host offers it. `isNAAChannelRecommended` reads the runtime the host sent with
 * `initialize` ("Use isNAAChannelRecommended to determine whether the host supports NAA … fall back
 * to the Teams authentication dialog otherwise", learn.microsoft.com/microsoftteams/platform/concepts/
 * authentication/nested-authentication). `authentication.authenticate` opens our page in Teams'
 * authentication window, which hands the result back with notifySuccess/notifyFailure
 * (learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/auth-tab-aad).
 */
const signIn: HostSignIn = {
  nestedAppAuthRecommended: () => nestedAppAuth.isNAAChannelRecommended(),
  authenticate: ({ url, width, height }) => authentication.authenticate({ url, width, height }),
};

/** Resolves once teams-js has initialised, so MSAL's nested app auth bridge is in place. */
export async function createTeamsHost(validMessageOrigins?: string[]): Promise<Host> {
  await app.initialize(validMessageOrigins);
  let context: HostContext = hostContextFromTeams(await app.getContext(), app.getFrameContext());
  const listeners = new Set<(theme: HostTheme) => void>();
  app.registerOnThemeChangeHandler((theme) => {
    context = { ...context, theme: themeFromHost(theme) };
    for (const listener of listeners) listener(context.theme);
  });

  return {
    kind: 'teams',
    signIn,
    context: () => context,
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stage: stageSharing(context.frameContext),
    config: configPage(context.frameContext),
    notifySuccess() {
      void app.notifySuccess();
    },
    notifyFailure(reason) {
      app.notifyFailure({ reason: app.FailedReason.Other, message: reason });
    },
  };
}
