import { toCsvLine } from './audit-events.csv';

describe('audit CSV', () => {
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
