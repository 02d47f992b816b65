// The first thing `npm start` and `npm test` run: one sentence instead of a stack trace from deep
// inside a dependency when Node is older than package.json's "engines" allows. Written for any Node
// that can load an ES module, so it still speaks on the old versions it refuses.
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const wanted = String(packageJson.engines.node);
const match = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(wanted);
if (!match) {
  console.error(`package.json "engines.node" moet de vorm ">=x.y.z" hebben, niet "${wanted}".`);
  process.exit(1);
}
const minimum = match.slice(1).map(Number);
const current = process.versions.node.split('.').map(Number);
let tooOld = false;
for (let i = 0; i < 3; i += 1) {
  if (current[i] !== minimum[i]) {
    tooOld = current[i] < minimum[i];
    break;
  }
}
if (tooOld) {
  console.error(`Gesprekstool heeft Node ${minimum.join('.')} of nieuwer nodig (package.json, "engines"); dit is Node ${process.versions.node}.`);
  process.exit(1);
}
