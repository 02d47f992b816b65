// The largest stap 2 a person can enter (every option that can be chosen together, every text at its
// cap, full of what JSON escapes, emoji and control characters: tests/maximalInput.ts) is saved
// through the real session store into the emulated SharePoint, whose note columns refuse more than
// 63,999 characters as SharePoint does (dev/graph-emulator/sharepoint/columns.ts), and read back
// as written, minus the control characters the boundary removes (src/domain/freeText.ts).
import { stripControlCharacters } from '../../../src/domain/freeText';
import { responseFields } from '../../../src/graph/mapping';
import { MULTI_LINE_MAX } from '../../../src/graph/lists';
import { maximalStep2, seeded, wild } from '../../maximalInput';
import { harnessPerFile, SEED } from './harness';

const { users } = SEED;
const harness = harnessPerFile();

it('saves the maximal stap 2 into the emulated SharePoint and reads it back as written', async () => {
  const h = harness();
  const facilitator = h.services(users.facilitator.userPrincipalName).store(h.location);
  await facilitator.provision();
  const { session } = await facilitator.createSession({
    municipality: 'Tilburg',
    title: 'Grenzen',
    purpose: 'agendering',
    meetingId: null,
    plannerGroupId: null,
    facilitator: { id: users.facilitator.id, name: users.facilitator.displayName },
  });
  const key = session.value.key;
  const own = h.services(users.debtCounsellor.userPrincipalName).store(h.location);
  const joined = await own.join(key, { id: users.debtCounsellor.id, name: users.debtCounsellor.displayName, domain: 'armoede', department: users.debtCounsellor.department });

  // No control characters here: they count against a field's limit but are not stored, so the
  // largest Stap2Json is made of what JSON escapes (tests/unit/graph/storedLimits.test.ts has them).
  const random = seeded(2026);
  const escaped = ['"', '\\', '\n', '\t', '😀', '\ud800', '’'];
  const wanted = { ...joined.value, step2: maximalStep2((length) => wild(random, length, escaped)), updatedAt: new Date().toISOString() };
  const stap2Json = String(responseFields(wanted).Stap2Json);
  // Near the largest any input can make (39,183 characters for the 2018.1 instrument), within the column.
  expect(stap2Json.length).toBeGreaterThan(38_000);
  expect(stap2Json.length).toBeLessThanOrEqual(MULTI_LINE_MAX);

  const saved = await own.saveResponse(joined, wanted);
  const reread = (await own.openSession(key)).responses.find((r) => r.itemId === saved.itemId);
  expect(reread?.value.step2).toEqual(stripControlCharacters(wanted.step2));
});
