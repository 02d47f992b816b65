// The two names nested app auth uses from MSAL, and nothing else: imported on demand as a whole module
// object, @azure/msal-browser itself would be bundled whole; through this file webpack keeps only what
// these two reach (the package declares "sideEffects": false).
export { createNestablePublicClientApplication, InteractionRequiredAuthError } from '@azure/msal-browser';
