import nl from '../../../src/content/gesprekstool-2018.1.nl.json';
import { InstrumentSchema } from '../../../src/domain';
import { describeOptions } from '../../../src/graph';
import { responseFields } from '../../../src/graph/mapping';

describe('the readable step-2 column', () => {
  it('names the chosen options in the instrument’s own Dutch words', () => {
    const instrument = InstrumentSchema.parse(nl);
    const q1 = instrument.themes[0]!.questions[0]!;
    const first = q1.options[0]!;
    const fields = responseFields(
      {
        sessionKey: 'k',
        participant: { id: 'u', name: 'Eva Smit', domain: 'gezondheid', department: 'Publieke Gezondheid' },
        scores: {},
        step2: { questions: { q1: { selected: [first.id], freeText: {} } }, comments: {} },
        done: {},
        updatedAt: '2026-11-23T10:00:00.000Z',
      },
      describeOptions(instrument),
    );
    expect(fields.Stap2Samenvatting).toBe(`Vraag ${q1.number}: ${first.text}`);
  });
});
