import { ageOn, formatDate, formatDateTime, instantOfParisWall, parisInstant, parisWallDate, parseFrenchDate, toParisDateAndTime, todayInParis } from './dates';

describe('dates shown and typed the French way, in Paris time', () => {
  it('turns a Paris wall-clock time into an instant with the offset of that day (winter, summer, DST change)', () => {
    expect(parisInstant('2026-11-28', '14:30')).toBe('2026-11-28T14:30:00+01:00');
    expect(parisInstant('2026-07-01', '09:05')).toBe('2026-07-01T09:05:00+02:00');
    expect(parisInstant('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00+01:00');
    expect(parisInstant('2026-03-29', '04:00')).toBe('2026-03-29T04:00:00+02:00');
    expect(parisInstant('2026-10-25', '12:00')).toBe('2026-10-25T12:00:00+01:00');
  });

  it('splits an instant into the Paris date and time an input shows, and back', () => {
    expect(toParisDateAndTime('2026-11-28T13:30:00Z')).toEqual({ date: '2026-11-28', time: '14:30' });
    expect(toParisDateAndTime('2026-06-30T22:15:00Z')).toEqual({ date: '2026-07-01', time: '00:15' });
    const { date, time } = toParisDateAndTime('2026-06-30T22:15:00Z');
    expect(new Date(parisInstant(date, time)).toISOString()).toBe('2026-06-30T22:15:00.000Z');
    expect(todayInParis(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('gives calendars the Paris wall clock as local fields, and reads their slots back as Paris times', () => {
    const wall = parisWallDate('2026-06-30T22:15:00Z');
    expect([wall.getFullYear(), wall.getMonth() + 1, wall.getDate(), wall.getHours(), wall.getMinutes()]).toEqual([2026, 7, 1, 0, 15]);
    expect(instantOfParisWall(wall)).toBe('2026-07-01T00:15:00+02:00');
    expect(instantOfParisWall(new Date(2026, 10, 28, 9, 0))).toBe('2026-11-28T09:00:00+01:00');
  });

  it('shows calendar dates as jj/mm/aaaa without any time-zone shift, and instants in Paris time', () => {
    expect(formatDate('1985-03-14')).toBe('14/03/1985');
    expect(formatDate(null)).toBe('');
    expect(formatDateTime('2026-11-28T13:30:00Z')).toBe('28/11/2026 14:30');
  });

  it('reads dates typed by hand and refuses impossible ones', () => {
    expect(parseFrenchDate('14/03/1985')).toBe('1985-03-14');
    expect(parseFrenchDate(' 4/3/1985 ')).toBe('1985-03-04');
    expect(parseFrenchDate('14.03.1985')).toBe('1985-03-14');
    expect(parseFrenchDate('14031985')).toBe('1985-03-14');
    expect(parseFrenchDate('1985-03-14')).toBe('1985-03-14');
    expect(parseFrenchDate('31/02/1985')).toBeNull();
    expect(parseFrenchDate('14/13/1985')).toBeNull();
    expect(parseFrenchDate('hier')).toBeNull();
  });

  it('counts age in whole years, the birthday included', () => {
    expect(ageOn('1985-03-14', '2026-03-13')).toBe(40);
    expect(ageOn('1985-03-14', '2026-03-14')).toBe(41);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });
});
