// Our sign-in page inside Teams' authentication window (teams-js `authentication.authenticate` opened
// it): teams-js is initialised to reach the tab that asked, and the page ends with notifySuccess or
// notifyFailure, which Teams passes back to that tab and closes the window (learn.microsoft.com/
// microsoftteams/platform/tabs/how-to/authentication/auth-tab-aad#the-authentication-end-page).
import { app, authentication } from '@microsoft/teams-js';

export interface AuthWindow {
  succeed(result: string): void;
  fail(reason: string): void;
}

export async function connectAuthWindow(): Promise<AuthWindow> {
  await app.initialize();
  return {
    succeed: (result) => authentication.notifySuccess(result),
    fail: (reason) => authentication.notifyFailure(reason),
  };
}
