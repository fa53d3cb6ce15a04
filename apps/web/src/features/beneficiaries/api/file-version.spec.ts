import { recordOwnWrite, versionToSend } from './file-version';

describe('the version a section form sends', () => {
  it('follows the user’s own saves of other sections, so that two open sections do not refuse each other', () => {
    recordOwnWrite('file-a', 3, 4); // identity saved from version 3
    recordOwnWrite('file-a', 4, 5); // then contact
    expect(versionToSend('file-a', 3)).toBe(5);
    expect(versionToSend('file-a', 4)).toBe(5);
  });

  it('keeps the version read when the file changed through someone else, so the API refuses the stale write', () => {
    recordOwnWrite('file-b', 7, 8);
    // Someone else then wrote version 9: a form opened on 8 still sends 8.
    expect(versionToSend('file-b', 8)).toBe(8);
    expect(versionToSend('file-b', 6)).toBe(6);
    expect(versionToSend('file-c', 7)).toBe(7);
  });
});
