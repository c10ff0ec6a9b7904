import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { parseXmlChecked } from './xml.js';
import { ParseError } from '../../scan/errors.js';
import { parseJenkins } from '../host/services.js';
import { readNmapXml } from '../nmap/index.js';
import { parsePom } from '../../inventory/parsers/maven.js';

const parser = new XMLParser({ ignoreAttributes: false });

function errorOf(f: () => unknown): ParseError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    return err as ParseError;
  }
  throw new Error('expected a ParseError');
}

describe('parseXmlChecked', () => {
  it('parses well-formed XML', () => {
    expect(parseXmlChecked('<a><b x="1">t</b></a>', 'f.xml', parser)).toEqual({ a: { b: { '#text': 't', '@_x': '1' } } });
  });

  it('reports what the validator rejects with its line and column', () => {
    const e = errorOf(() => parseXmlChecked('<a>\n<b>\n</a>', 'f.xml', parser, 'bad'));
    expect([e.file, e.line, e.detail.startsWith('bad: ')]).toEqual(['f.xml', 3, true]);
  });

  // the validator accepts these truncated tags; the parser then throws a plain Error
  it.each([['<user /', 1], ['<a/', 1], ['<a />\n\n<b /', 3]])('turns the parser crash on %j into a ParseError at line %i', (text, line) => {
    const e = errorOf(() => parseXmlChecked(text, 'f.xml', parser));
    expect([e.file, e.line, e.detail]).toEqual(['f.xml', line, 'invalid XML: unterminated tag']);
  });

  it('protects every XML reader: Jenkins, nmap and Maven', () => {
    const place = { root: undefined, host: null, hostPath: null };
    expect(errorOf(() => parseJenkins({ absPath: '/x/config.xml', display: 'config.xml', text: '<hudson />\n<user /', place })).line).toBe(2);
    expect(errorOf(() => readNmapXml('<nmaprun />\n<host /', 'scan.xml')).detail).toBe('malformed nmap XML: unterminated tag');
    expect(parsePom('<project />\n<a/', 'pom.xml').errors).toEqual([{ file: 'pom.xml', line: 2, message: 'invalid XML: unterminated tag' }]);
  });
});
