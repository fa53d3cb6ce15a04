import { csvField, toCsvLine } from './audit-events.csv';

describe('audit CSV', () => {
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

  it('writes an event in French, Paris time, with its file number', () => {
    const row = toCsvLine({
      id: '0198c0de-0000-7000-8000-000000000001',
      seq: 7,
      occurredAt: '2026-07-14T08:05:09.000Z',
      actor: { id: '0198c0de-0000-7000-8000-000000000002', name: 'Camille Durand' },
      action: 'read',
      entityType: 'beneficiary',
      entityId: '0198c0de-0000-7000-8000-000000000003',
      requestId: 'req-1',
      ip: '127.0.0.1',
      details: { target: 'timeline', results: 3 },
      file: { id: '0198c0de-0000-7000-8000-000000000003', fileNumber: 42 },
    });
    expect(row).toBe(
      '7;14/07/2026 10:05:09;Camille Durand;Consultation;Dossier;0198c0de-0000-7000-8000-000000000003;D00042;Journal;127.0.0.1;req-1;"{""results"":3}"\r\n',
    );
  });
});
