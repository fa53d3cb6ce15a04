import { periodChoices } from './periods';

describe('the periods a director picks', () => {
  it('offers the current month first, then the previous ones, each from its first to its last day', () => {
    const months = periodChoices('month', '2026-03-30');
    expect(months).toHaveLength(24);
    expect(months[0]).toEqual({ value: '2026-03-01', label: 'mars 2026', period: { from: '2026-03-01', to: '2026-03-31' } });
    expect(months[1].period).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(months[3].label).toBe('décembre 2025');
  });

  it('cuts quarters and years on calendar boundaries', () => {
    const quarters = periodChoices('quarter', '2026-05-12');
    expect(quarters[0]).toEqual({ value: '2026-04-01', label: '2e trimestre 2026', period: { from: '2026-04-01', to: '2026-06-30' } });
    expect(quarters[1]).toMatchObject({ label: '1er trimestre 2026', period: { from: '2026-01-01', to: '2026-03-31' } });
    expect(quarters[2].period).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(periodChoices('year', '2026-05-12').map((choice) => choice.label)).toEqual(['2026', '2025', '2024']);
    expect(periodChoices('year', '2026-05-12')[1].period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
