// Runtime configuration, read from `app-config.json` next to index.html. Local mode differs from
// production only here: where Graph requests go and how a token is obtained.
import * as z from '../domain/zod';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

/** An Entra tenant id: the Directory (tenant) ID of the organisation the app is registered in. */
export const TenantIdSchema = z.uuid();

export const ENTRA_LOGIN = 'https://login.microsoftonline.com';

/**
 * The app registration is single-tenant, so sign-in goes to that tenant's own authority, never to
 * `organizations` or `common` ("Single tenant … authority: https://login.microsoftonline.com/{tenant}",
 * learn.microsoft.com/entra/identity-platform/msal-client-application-configuration#authority).
 */
export const TenantAuthoritySchema = z.string().check(
  z.refine((value) => value.startsWith(`${ENTRA_LOGIN}/`) && TenantIdSchema.safeParse(value.slice(ENTRA_LOGIN.length + 1)).success, {
    message: `must be ${ENTRA_LOGIN}/<tenant id>, the tenant the app is registered in`,
  }),
);

export function tenantAuthority(tenantId: string): string {
  return `${ENTRA_LOGIN}/${tenantId.toLowerCase()}`;
}

export const AppConfigSchema = z.object({
  auth: z.discriminatedUnion('mode', [
    /**
     * Production, and `npm start` and the browser tests: MSAL nested app authentication where Teams
     * recommends it, otherwise Teams' authentication dialog with our sign-in page (src/auth/index.ts).
     */
    z.object({
      mode: z.literal('naa'),
      clientId: z.uuid(),
      authority: TenantAuthoritySchema,
      /**
       * Local only: the emulator's /authorize and /token, which the sign-in page's MSAL uses instead of
       * Entra's (MSAL's `authorityMetadata`); the authority itself stays Entra's tenant-specific one.
       */
      identityEndpoints: z._default(z.nullable(z.object({ authorize: z.url(), token: z.url() })), null),
    }),
    /**
     * Local: access tokens from the Graph emulator's token endpoint (`POST {tokenUrl}`), for the user the
     * simulator says is here and exactly the scopes each call names, as MSAL asks Entra ID.
     */
    z.object({ mode: z.literal('dev'), tokenUrl: z.url(), clientId: z.string().check(z.minLength(1)) }),
  ]),
  graph: z.object({
    /**
     * Local only: requests for graph.microsoft.com are sent to this origin by the last middleware
     * (the Graph client adds tokens and follows nextLinks only for https Graph hosts).
     */
    loopbackOrigin: z._default(z.nullable(z.url()), null),
    /**
     * "all": the delegated Sites.*.All permissions; "selected": delegated Sites.Selected, the app reaching
     * only the sites an administrator assigned to it (README, "Limiting the app to one site").
     */
    siteAccess: z._default(z.enum(['all', 'selected']), 'all'),
  }),
  /** Public origin the app is served from (links back from Planner tasks, share to stage). */
  appOrigin: z.url(),
});
export type AppConfig = z.infer<typeof AppConfigSchema>;
