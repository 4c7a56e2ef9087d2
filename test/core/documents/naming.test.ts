import { schoolFromFileName } from '../../../src/core/documents/naming';

describe('schoolFromFileName', () => {
  test('leaves out "Copy of" and the product name, with the brackets and dashes around them', () => {
    expect(schoolFromFileName('Hillside School SLM Workbook')).toBe('Hillside School');
    expect(schoolFromFileName('Hillside School – SLM Workbook')).toBe('Hillside School');
    expect(schoolFromFileName('SLM Workbook: Oak Primary')).toBe('Oak Primary');
    expect(schoolFromFileName('Copy of Copy of Oak Primary (SLM Workbook)')).toBe('Oak Primary');
    expect(schoolFromFileName('Copy of Hillside SLM')).toBe('Hillside');
    // Brackets that belong to the name stay.
    expect(schoolFromFileName('St Mary (Juniors) SLM Workbook')).toBe('St Mary (Juniors)');
    expect(schoolFromFileName('Oak Academy')).toBe('Oak Academy');
  });

  test('a name in lower case starts with a capital, as a title needs', () => {
    expect(schoolFromFileName('SLM Workbook (example school)')).toBe('Example school');
  });

  test('when nothing meaningful is left, a fallback that reads well in a title', () => {
    for (const name of ['Copy of SLM Workbook', 'SLM Workbook', 'SLM Workbook – ', '  '])
      expect([name, schoolFromFileName(name)]).toEqual([name, 'Our school']);
  });
});
