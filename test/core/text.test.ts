/** One wording of figures for documents, findings and the panel. */
import { hoursText, moneyText, percentText, plural, shareText, shortDate } from '../../src/core/text';

describe('figures read the same everywhere', () => {
  test('hours: minutes below one hour, about three figures (two decimals below 10 h, whole hours from 100 h), thousands grouped', () => {
    expect(hoursText(0.5)).toBe('30 min');
    expect(hoursText(0)).toBe('0 h');
    expect(hoursText(4)).toBe('4 h');
    expect(hoursText(1.75)).toBe('1.75 h');
    expect(hoursText(506.444)).toBe('506 h');
    expect(hoursText(1803.5)).toBe('1,804 h');
    expect(hoursText(31.25)).toBe('31.3 h');
    expect(hoursText(0.999)).toBe('1 h');
    expect(hoursText(undefined)).toBe('—');
  });

  test('shares and targets', () => {
    expect(shareText(2 / 3)).toBe('66.7%');
    expect(shareText(1)).toBe('100%');
    expect(shareText(null)).toBe('—');
    expect(shareText(NaN)).toBe('—');
    expect(percentText(95)).toBe('95%');
    expect(percentText(99.95)).toBe('99.95%');
  });

  test('money: whole pounds without pence, otherwise two places', () => {
    expect(moneyText(1200)).toBe('£1,200');
    expect(moneyText(1200.5)).toBe('£1,200.50');
    expect(moneyText(99.999)).toBe('£100');
    expect(moneyText(undefined)).toBe('—');
  });

  test('counts and short dates', () => {
    expect(plural(1, 'finding')).toBe('1 finding');
    expect(plural(2, 'query', 'queries')).toBe('2 queries');
    expect(shortDate('2026-11-06')).toBe('6 Nov 2026');
    expect(shortDate('2026-11-06T09:00:00Z')).toBe('6 Nov 2026');
    expect(shortDate('soon')).toBe('soon');
  });
});
