// The one interface the app uses to talk to its host. Only src/teams talks to teams-js.

export type Surface = 'settings' | 'sidePanel' | 'stage' | 'tab' | 'remove';
export type HostTheme = 'light' | 'dark' | 'contrast';

export interface HostContext {
  surface: Surface;
  /** Raw frame context as the host reported it (settings, content, sidePanel, meetingStage, …). */
  frameContext: string;
  locale: string;
  theme: HostTheme;
  /** From the Teams context: a hint for sign-in, never proof of identity. */
  user: { id: string | null; userPrincipalName: string | null; displayName: string | null; tenantId: string | null };
  meetingId: string | null;
  chatId: string | null;
  team: { groupId: string; displayName: string | null; siteUrl: string | null } | null;
  /** The tab's saved configuration entity id (our session key), when configured. */
  entityId: string | null;
  /** Whether the user is organiser/presenter and may share to stage (host decides). */
  hostClientType: string;
}

export interface StageSharing {
  /** The host allows this user to share app content to the stage now. */
  canShare(): Promise<boolean>;
  isSharing(): Promise<boolean>;
  /**
   * `screenShare`: only this client runs the app and the others see it as a screen share (teams-js
   * SharingProtocol.ScreenShare), so people whose account cannot read the municipality's data (another
   * organisation's tenant, anonymous) see the stage too; otherwise every client runs it (Collaborative).
   */
  share(url: string, options?: { screenShare?: boolean }): Promise<void>;
}

export interface TabConfig {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

export interface ConfigPage {
  setValid(valid: boolean): void;
  /** Called when the user presses Save in the host; resolve to save, reject to refuse. */
  onSave(handler: () => Promise<TabConfig>): void;
  /**
   * The tab's saved configuration when the page is reopened on a configured tab (Teams' "Instellingen"
   * of a tab: teams-js `pages.getConfig`); null for a tab that is being added.
   */
  current(): Promise<TabConfig | null>;
}

export interface AuthenticateRequest {
  /** A page of ours (same origin as the app), opened in Teams' authentication window. */
  url: string;
  width: number;
  height: number;
}

/** What the host offers for sign-in; src/auth decides what to do with it. */
export interface HostSignIn {
  /**
   * Whether the host brokers MSAL's token requests (nested app authentication) and recommends it:
   * teams-js `nestedAppAuth.isNAAChannelRecommended()`.
   */
  nestedAppAuthRecommended(): boolean;
  /**
   * Teams' authentication window (teams-js `authentication.authenticate`): resolves with what our page
   * passed to `notifySuccess`, rejects with its `notifyFailure` reason (or `CancelledByUser`, …).
   */
  authenticate(request: AuthenticateRequest): Promise<string>;
}

export interface Host {
  readonly kind: 'teams' | 'standalone';
  signIn: HostSignIn;
  context(): HostContext;
  onThemeChange(listener: (theme: HostTheme) => void): () => void;
  stage: StageSharing;
  config: ConfigPage;
  notifySuccess(): void;
  notifyFailure(reason: string): void;
}
