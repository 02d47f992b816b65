import { fieldEquals, itemsQuery, odataString } from '../../../src/graph/odata';

describe('OData literals', () => {
  it("doubles the apostrophe of 's-Hertogenbosch", () => {
    expect(odataString("'s-Hertogenbosch")).toBe("'''s-Hertogenbosch'");
    expect(fieldEquals('Gemeente', "van 't Hof")).toBe("fields/Gemeente eq 'van ''t Hof'");
  });

  it('percent-encodes &, # and % so a name cannot end or cut the query string', () => {
    const query = itemsQuery({ filter: fieldEquals('Gemeente', 'A&B #1 100%') });
    expect(query).toContain('$filter=fields%2FGemeente%20eq%20\'A%26B%20%231%20100%25\'');
    expect(query.split('&')).toHaveLength(2);
    expect(new URLSearchParams(query.slice(1)).get('$filter')).toBe("fields/Gemeente eq 'A&B #1 100%'");
  });

  it('refuses a column name that could inject OData', () => {
    expect(() => fieldEquals("Gemeente eq 'x' or 1 eq 1", 'y')).toThrow(RangeError);
  });
});
