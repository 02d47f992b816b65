// Entry of auth.html, our page in Teams' authentication window (see src/auth/dialogTokenProvider.ts
// for the tab's side): sign in with MSAL at the tenant's authority and hand the result back to the tab.
// Its own bundle, so nothing of it reaches what the surfaces load.
import { AppConfigSchema } from './app/config';
import { failureOf, signInInWindow } from './auth/signInPage';
import { connectAuthWindow } from './teams/authWindow';

async function main(): Promise<void> {
  const window = await connectAuthWindow();
  try {
    const response = await fetch(new URL('app-config.json', document.baseURI), { cache: 'no-store' });
    const config = AppConfigSchema.parse(await response.json());
    if (config.auth.mode !== 'naa') throw new Error('auth.html is for the naa configuration');
    const outcome = await signInInWindow(config.auth, new URL(document.location.href));
    if (outcome.done) window.succeed(JSON.stringify(outcome.token));
  } catch (error) {
    window.fail(JSON.stringify(failureOf(error)));
  }
}

void main();
