export type { AuthenticateRequest, ConfigPage, Host, HostContext, HostSignIn, HostTheme, StageSharing, Surface, TabConfig } from './host';
export { createHost, whenHostReady } from './createHost';
export { surfaceFromFrameContext, themeFromHost } from './contextMapping';
export { HostRequestError, StageSharingUnavailableError } from './errors';
