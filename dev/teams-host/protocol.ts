// The host side of teams-js's postMessage protocol, for the calls this app makes. A request is
// `{ id, uuidAsString, func, args }`; the answer echoes `id` and `uuidAsString` with `args`; an event
// from the host is `{ func, args }` without an id (teams-js src/internal/communication.ts).
// This file decides answers; host.ts owns the frames and the page.
import { type FrameIdentity, runtimeConfig, type SignInOffer, SIMULATED_CLIENT_SDK_VERSION, type TabConfig } from './meeting';

export interface HostRequest {
  id: number;
  uuidAsString?: string;
  func: string;
  args: unknown[];
}

export interface HostResponse {
  id: number;
  uuidAsString?: string;
  args: unknown[];
}

export interface HostEvent {
  func: string;
  args: unknown[];
}

/** teams-js ErrorCode values the simulator answers with. */
export const SdkErrorCode = { NOT_SUPPORTED_ON_PLATFORM: 100, PERMISSION_DENIED: 1000, INVALID_ARGUMENTS: 4000 } as const;

export function sdkError(errorCode: number, message: string): { errorCode: number; message: string } {
  return { errorCode, message };
}

/** What the protocol needs from the meeting around it. */
export interface MeetingSide {
  context(frame: FrameIdentity): Record<string, unknown>;
  /** Whether this client offers nested app authentication (meeting.ts SignInOffer); `naa` when not given. */
  signInOffer?(): SignInOffer;
  /** Organisers, co-organisers and presenters may put app content on the stage; attendees may not. */
  mayShareToStage(frame: FrameIdentity): boolean;
  isSharingToStage(): boolean;
  /**
   * Shows `url` on the stage; returns a reason when the URL is not allowed. `ScreenShare` ("Share app
   * content to stage", sharingProtocol): only the sharer's client runs the app, everyone else sees it
   * as a screen share, which is how people who cannot sign in to the app (external, anonymous) see it.
   */
  shareToStage(frame: FrameIdentity, url: string, protocol: 'Collaborative' | 'ScreenShare'): string | null;
  stopSharingToStage(): void;
  setValidity(frame: FrameIdentity, valid: boolean): void;
  proposeTabConfig(frame: FrameIdentity, config: TabConfig): string | null;
  savedTabConfig(): TabConfig | null;
  saveFinished(frame: FrameIdentity, outcome: { ok: true } | { ok: false; reason: string }): void;
  appReady(frame: FrameIdentity, outcome: { ok: true } | { ok: false; reason: string }): void;
  openLink(url: string): void;
  registeredHandler(frame: FrameIdentity, name: string): void;
}

export function isHostRequest(data: unknown): data is HostRequest {
  if (typeof data !== 'object' || data === null) return false;
  const candidate = data as Partial<HostRequest>;
  return typeof candidate.id === 'number' && typeof candidate.func === 'string' && Array.isArray(candidate.args ?? []);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function failureReason(args: unknown[]): string {
  const [reason, message] = args;
  return [text(reason), text(message)].filter(Boolean).join(': ') || 'onbekende reden';
}

/**
 * Answers one request from an app frame. `undefined` means the call is one-way and gets no answer;
 * calls the simulator does not know are answered with NOT_SUPPORTED_ON_PLATFORM, as a Teams client
 * without the capability would.
 */
export function answer(frame: FrameIdentity, request: HostRequest, meeting: MeetingSide): unknown[] | undefined {
  const args = request.args ?? [];
  switch (request.func) {
    case 'initialize':
      // Teams' order: the SDK version third and the runtime fourth. teams-js accepts either order for the
      // runtime (app initializeHelper), but installs the nested app auth bridge only from the fourth
      // argument (communication.ts initializeCommunication → tryPolyfillWithNestedAppAuthBridge).
      return [frame.kind, frame.client, SIMULATED_CLIENT_SDK_VERSION, runtimeConfig(meeting.signInOffer?.() ?? 'naa')];
    case 'getContext':
      return [meeting.context(frame)];
    case 'registerHandler':
      meeting.registeredHandler(frame, text(args[0]));
      return undefined;
    case 'appInitialization.appLoaded':
      return undefined;
    case 'appInitialization.success':
      meeting.appReady(frame, { ok: true });
      return undefined;
    case 'appInitialization.failure':
    case 'appInitialization.expectedFailure':
      meeting.appReady(frame, { ok: false, reason: failureReason(args) });
      return undefined;

    case 'settings.setValidityState':
      meeting.setValidity(frame, args[0] === true);
      return undefined;
    case 'settings.setSettings': {
      const refusal = meeting.proposeTabConfig(frame, args[0] as TabConfig);
      return refusal === null ? [true] : [false, refusal];
    }
    case 'settings.getSettings':
      return [meeting.savedTabConfig() ?? {}];
    case 'settings.save.success':
      meeting.saveFinished(frame, { ok: true });
      return undefined;
    case 'settings.save.failure':
      meeting.saveFinished(frame, { ok: false, reason: text(args[0]) || 'onbekende reden' });
      return undefined;

    case 'meeting.getAppContentStageSharingCapabilities':
      return [null, { doesAppHaveSharePermission: meeting.mayShareToStage(frame) }];
    case 'meeting.getAppContentStageSharingState':
      return [null, { isAppSharing: meeting.isSharingToStage() }];
    case 'meeting.shareAppContentToStage': {
      if (!meeting.mayShareToStage(frame)) {
        return [sdkError(SdkErrorCode.PERMISSION_DENIED, 'Alleen organisatoren en presentatoren mogen delen op het podium.'), null];
      }
      const options = args[1];
      const protocol = typeof options === 'object' && options !== null && (options as { sharingProtocol?: unknown }).sharingProtocol === 'ScreenShare' ? 'ScreenShare' : 'Collaborative';
      const refusal = meeting.shareToStage(frame, text(args[0]), protocol);
      return refusal === null ? [null, true] : [sdkError(SdkErrorCode.INVALID_ARGUMENTS, refusal), null];
    }
    case 'meeting.stopSharingAppContentToStage':
      if (!meeting.mayShareToStage(frame)) return [sdkError(SdkErrorCode.PERMISSION_DENIED, 'Alleen organisatoren en presentatoren mogen het delen stoppen.'), null];
      meeting.stopSharingToStage();
      return [null, true];

    case 'executeDeepLink':
      meeting.openLink(text(args[0]));
      return [true];
    default:
      return [sdkError(SdkErrorCode.NOT_SUPPORTED_ON_PLATFORM, `${request.func} wordt niet gesimuleerd.`)];
  }
}

export function responseTo(request: HostRequest, args: unknown[]): HostResponse {
  return { id: request.id, uuidAsString: request.uuidAsString, args };
}

export function themeChangeEvent(theme: string): HostEvent {
  return { func: 'themeChange', args: [theme] };
}

/** Teams sends `settings.save` when the user presses Save on the configuration dialog. */
export function saveEvent(): HostEvent {
  return { func: 'settings.save', args: [{}] };
}
