// Runtime configuration, read from `app-config.json` next to index.html. Local mode differs from
// production only here: where Graph requests go and how a token is obtained.
import { z } from 'zod';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

export const AppConfigSchema = z.object({
  auth: z.discriminatedUnion('mode', [
    /** Production: MSAL nested app authentication inside Teams. */
    z.object({ mode: z.literal('naa'), clientId: z.string().uuid(), authority: z.string().url().default('https://login.microsoftonline.com/organizations') }),
    /**
     * Local: access tokens from the Graph emulator's token endpoint (`POST {tokenUrl}`), for the user the
     * simulator says is here and exactly the scopes each call names, as MSAL asks Entra ID.
     */
    z.object({ mode: z.literal('dev'), tokenUrl: z.string().url(), clientId: z.string().min(1) }),
  ]),
  graph: z.object({
    /**
     * Local only: requests for graph.microsoft.com are sent to this origin by the last middleware
     * (the Graph client adds tokens and follows nextLinks only for https Graph hosts).
     */
    loopbackOrigin: z.string().url().nullable().default(null),
    /**
     * "all": the delegated Sites.*.All permissions; "selected": delegated Sites.Selected, the app reaching
     * only the sites an administrator assigned to it (README, "Limiting the app to one site").
     */
    siteAccess: z.enum(['all', 'selected']).default('all'),
  }),
  /** Public origin the app is served from (links back from Planner tasks, share to stage). */
  appOrigin: z.string().url(),
});
export type AppConfig = z.infer<typeof AppConfigSchema>;
