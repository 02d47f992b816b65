import { format } from '../../../src/ui/i18n';

describe('message format', () => {
  it('fills placeholders with text', () => {
    expect(format('Nog {count} tekens.', { count: 12 })).toBe('Nog 12 tekens.');
  });

  it('picks the singular only for exactly one', () => {
    const template = '{joined} {joined|deelnemer|deelnemers}, {done} klaar';
    expect(format(template, { joined: 1, done: 0 })).toBe('1 deelnemer, 0 klaar');
    expect(format(template, { joined: 0, done: 0 })).toBe('0 deelnemers, 0 klaar');
    expect(format(template, { joined: 3, done: 1 })).toBe('3 deelnemers, 1 klaar');
  });

  it('leaves an unknown placeholder visible instead of printing undefined', () => {
    expect(format('{who} is klaar', { count: 1 })).toBe('{who} is klaar');
  });

  it('does not interpret markup or nested braces in values', () => {
    expect(format('Titel: {title}', { title: '<b>{count}</b>' })).toBe('Titel: <b>{count}</b>');
  });
});
