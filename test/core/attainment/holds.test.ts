import { heldMs, holdsByItem } from '../../../src/core/attainment/holds';

const H = 3_600_000;

describe('hold intervals', () => {
  test('merged per item: overlaps and touching holds once, an open hold to Infinity; unknown Refs and empty holds left out', () => {
    const refs = ['A', 'b', 'C'];
    const holds = holdsByItem(
      [
        { ref: 'a', from: 5 * H, until: 8 * H },
        { ref: 'A ', from: 1 * H, until: 3 * H },
        { ref: 'A', from: 2 * H, until: 5 * H },
        { ref: 'B', from: 4 * H },
        { ref: 'C', from: 3 * H, until: 3 * H },
        { ref: 'Z', from: 0, until: H },
      ],
      refs.length,
      (i) => refs[i],
    )!;
    expect(holds.get(0)).toEqual([1 * H, 8 * H]);
    expect(holds.get(1)).toEqual([4 * H, Infinity]);
    expect(holds.has(2)).toBe(false);
    expect(holdsByItem([], 3, (i) => refs[i])).toBeUndefined();
  });

  test("working time held is clipped to the item's life, in the calendar given", () => {
    const clock = (a: number, b: number) => b - a;
    expect(heldMs([1 * H, 3 * H, 6 * H, Infinity], 2 * H, 10 * H, clock)).toBe(1 * H + 4 * H);
    expect(heldMs([1 * H, 3 * H], 4 * H, 10 * H, clock)).toBe(0);
    // A calendar that counts only the first hour of every two.
    const halfTime = (a: number, b: number) => (b - a) / 2;
    expect(heldMs([0, 4 * H], 0, 10 * H, halfTime)).toBe(2 * H);
  });
});
