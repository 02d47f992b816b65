// The one place the app imports zod from. zod/mini validates exactly as classic zod does (the same core
// checks and issues) but its functions tree-shake, where one classic `import { z } from 'zod'` brings
// every method of every schema type into the chunk (https://zod.dev/packages/mini). Classic zod
// registers its English messages itself; mini does not, and its issues would all read "Invalid input",
// so the same English locale is configured here (https://zod.dev/error-customization#internationalization)
// and the invalid-item notices keep naming what is wrong with a field.
import * as z from 'zod/mini';

z.config(z.locales.en());

export { z };
