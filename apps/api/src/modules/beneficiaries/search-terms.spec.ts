import { parseSearchTerms } from './search-terms';

describe('parseSearchTerms', () => {
  it('keeps words as names, in any order', () => {
    expect(parseSearchTerms('  Hélène  lefevre ')).toEqual({ names: ['Hélène', 'lefevre'] });
  });

  it('reads a birth date jj/mm/aaaa next to a name', () => {
    expect(parseSearchTerms('martin 4/3/1985')).toEqual({ names: ['martin'], birthDate: '1985-03-04' });
  });

  it('refuses a date that does not exist', () => {
    expect(() => parseSearchTerms('31/02/1990')).toThrow();
  });

  it('reads a phone number typed in groups, folding +33 to 0', () => {
    expect(parseSearchTerms('06 12 34')).toEqual({ names: [], phonePrefix: '061234' });
    expect(parseSearchTerms('+33 6 12')).toEqual({ names: [], phonePrefix: '0612' });
    expect(parseSearchTerms('06.12.34.56.78')).toEqual({ names: [], phonePrefix: '0612345678' });
  });

  it('reads a file number, with or without its D prefix', () => {
    expect(parseSearchTerms('D00042')).toEqual({ names: [], fileNumber: 42 });
    expect(parseSearchTerms('d-7')).toEqual({ names: [], fileNumber: 7 });
    expect(parseSearchTerms('42')).toEqual({ names: [], fileNumber: 42 });
  });
});
