/** The suppression step reads again only the files whose text holds a tetrad:ignore marker. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiscoveredFile } from '../src/scan/discover.js';
import { scan, suppressionTextReader } from '../src/scan/scan.js';

const TEMPLATE = (comment: string, padding = 0) =>
  [
    'AWSTemplateFormatVersion: "2010-09-09"',
    ...Array.from({ length: padding }, (_, i) => `# padding line ${i} to push the file past the 8 KiB head`),
    'Resources:',
    '  BastionSG:',
    '    Type: AWS::EC2::SecurityGroup',
    '    Properties:',
    '      GroupDescription: bastion',
    '      SecurityGroupIngress:',
    '        - IpProtocol: tcp',
    '          FromPort: 22',
    '          ToPort: 22',
    ...(comment ? [`          ${comment}`] : []),
    '          CidrIp: 0.0.0.0/0',
    '',
  ].join('\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tetrad-read-once-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('reading scanned files once', () => {
  it('notes which files hold a marker, and still applies inline suppressions past the 8 KiB head', async () => {
    writeFileSync(join(dir, 'marked.yaml'), TEMPLATE('# tetrad:ignore TET-PORTS-001 reason="bastion, reviewed"', 200));
    writeFileSync(join(dir, 'plain.yaml'), TEMPLATE('', 200));
    const result = await scan([dir], { loadConfig: false, selection: { only: ['TET-PORTS-001'] } });
    const byName = Object.fromEntries(result.files.map((f) => [f.path.slice(dir.length + 1), f]));
    expect(byName['marked.yaml']!.size).toBeGreaterThan(8192);
    expect(byName['marked.yaml']!.mentionsIgnore).toBe(true);
    expect(byName['plain.yaml']!.mentionsIgnore).toBe(false);
    const findings = result.findings.filter((f) => f.checkId === 'TET-PORTS-001').map((f) => [f.location.file.replace(/.*\//, ''), f.suppressed?.reason]);
    expect(findings).toEqual([
      ['marked.yaml', 'bastion, reviewed'],
      ['plain.yaml', undefined],
    ]);
  });

  it('reads a file already found without a marker as empty, without touching the disk', () => {
    const gone = join(dir, 'gone.json');
    const marked = join(dir, 'marked.tf');
    writeFileSync(marked, '# tetrad:ignore * reason="x"\n');
    const file = (path: string, mentionsIgnore?: boolean): DiscoveredFile => ({ path, displayPath: path, size: 1, head: '', ...(mentionsIgnore === undefined ? {} : { mentionsIgnore }) });
    const read = suppressionTextReader([file(gone, false), file(marked, true)]);
    expect(read(gone)).toBe('');
    expect(read(marked)).toContain('tetrad:ignore');
    // not read by a source (or not found clean): read from disk, undefined when missing
    expect(read(join(dir, 'missing.yaml'))).toBeUndefined();
  });
});
