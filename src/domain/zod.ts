// The one place the app imports zod from: `import * as z from '…/domain/zod'`. zod/mini validates
// exactly as classic zod does (the same core checks and issues) but its functions tree-shake, where one
// classic `import { z } from 'zod'` brings every method of every schema type into the chunk
// (https://zod.dev/packages/mini). Classic zod registers its English messages itself; mini does not, and
// its issues would all read "Invalid input", so the same English locale is configured here
// (https://zod.dev/error-customization#internationalization) and the invalid-item notices keep naming
// what is wrong with a field.
//
// Keep the shape of this file: `export *` of the functions. Re-exporting a namespace object instead
// (`export * as z from 'zod/mini'`, or `import * as z` + `export { z }`) from a module that also runs
// `config()` made webpack keep all of zod's core, JSON Schema and compiler included (6 → 44 KB gzip).
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());

export * from 'zod/mini';
