import { InvalidItemError } from '../../../src/graph/errors';
import { describeErrorText } from '../../../src/ui/common/errors';

describe('the sentence for an item edited by hand', () => {
  it('names the list, the item and the column, so whoever repairs it finds it', () => {
    const err = new InvalidItemError('answers', '17', 'ScoreA', 'niet 1 tot en met 5', 'Gesprekstool antwoorden');
    expect(describeErrorText(err, 'nl')).toBe(
      'Een item in SharePoint is met de hand gewijzigd en klopt niet meer (lijst Gesprekstool antwoorden, item 17, kolom ScoreA). Herstel het item in SharePoint of vraag de gespreksleider om hulp.',
    );
    expect(describeErrorText(err, 'en')).toContain('(list Gesprekstool antwoorden, item 17, column ScoreA).');
  });
});
