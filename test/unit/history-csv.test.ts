// Exported CSV must open correctly in a spreadsheet and never run a formula hidden in a file name.
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/main/core/history/index';

describe('csvCell', () => {
  it('leaves plain text and numbers as they are, and empties null', () => {
    expect(csvCell('photo.png')).toBe('photo.png');
    expect(csvCell(1234)).toBe('1234');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes cells with commas, quotes or line breaks and doubles inner quotes', () => {
    expect(csvCell('a,b.png')).toBe('"a,b.png"');
    expect(csvCell('say "hi".txt')).toBe('"say ""hi"".txt"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('defuses cells that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tTAB')).toBe("'\tTAB");
  });

  it('does not touch numbers, even negative ones, nor text with a formula sign inside', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('a=b.png')).toBe('a=b.png');
  });

  it('keeps non-ASCII text unchanged', () => {
    expect(csvCell('图片.png')).toBe('图片.png');
  });
});

describe('toCsv', () => {
  it('writes a header row and CRLF-terminated rows', () => {
    expect(
      toCsv(
        ['id', 'name'],
        [
          [1, 'a.png'],
          [2, 'b, c.png'],
        ],
      ),
    ).toBe('id,name\r\n1,a.png\r\n2,"b, c.png"\r\n');
  });

  it('writes just the header when there are no rows', () => {
    expect(toCsv(['id', 'name'], [])).toBe('id,name\r\n');
  });
});
