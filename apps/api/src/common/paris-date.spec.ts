import { addMonths, parisDate } from './paris-date';

describe('Paris calendar days', () => {
  it('is the day Paris clocks show, not the UTC one', () => {
    expect(parisDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('moves by whole months, keeping the day when the month has it', () => {
    expect(addMonths('2026-11-29', 6)).toBe('2027-05-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 36)).toBe('2029-01-15');
  });
});
