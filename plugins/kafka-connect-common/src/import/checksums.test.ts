import { parseChecksums } from './checksums';

const HASH = 'ab'.repeat(64);
const URL = 'https://example.org/driver.tgz';

describe('parseChecksums', () => {
  it("takes sha512sum's lines, and one copied with its spaces collapsed", () => {
    for (const line of [
      `${HASH}  ${URL}`,
      `${HASH} *${URL}`,
      `${HASH} ${URL}`,
    ]) {
      expect(parseChecksums(line, 'sums')).toEqual({
        checksums: { [URL]: HASH },
        problems: [],
      });
    }
  });

  it('names a line that is not one, by file and line number', () => {
    expect(
      parseChecksums(`# mine\n\n${HASH.slice(2)}  ${URL}`, 'sums').problems,
    ).toEqual([
      {
        path: 'sums:3',
        message:
          'not a checksum line; write `<128 hex digits>  <url>`, as sha512sum prints it',
      },
    ]);
  });
});
