import { initials } from './agenda-calendar';

describe('initials in calendar events', () => {
  it('keep the first letter of each known name', () => {
    expect(initials({ firstName: 'élodie', lastName: 'Martin-Durand' })).toBe('É. M.');
    expect(initials({ firstName: null, lastName: 'Martin' })).toBe('M.');
    expect(initials({ firstName: '  ', lastName: null })).toBe('');
  });
});
