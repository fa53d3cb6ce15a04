import { csvField, csvFile } from './table-file';

describe('tables as CSV for French spreadsheets', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('il a dit "oui"')).toBe('"il a dit ""oui"""');
    expect(csvField('deux\nlignes')).toBe('"deux\nlignes"');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('never lets a spreadsheet run a value as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+33 6')).toBe("'+33 6");
    expect(csvField('@cmd')).toBe("'@cmd");
  });


  it('starts with the byte order mark, separates with `;` and writes decimals with a comma', () => {
    const file = csvFile({ title: 'Démarches', columns: ['Mois', 'Heures'], rows: [['mars 2026', 0.4], ['avril 2026', null]] });
    expect(file.type).toBe('text/csv; charset=utf-8');
    expect(file.content.toString('utf8')).toBe('\uFEFFMois;Heures\r\nmars 2026;0,4\r\navril 2026;\r\n');
  });
});
