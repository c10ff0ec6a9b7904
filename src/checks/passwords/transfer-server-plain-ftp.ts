import { asList, asString, getPath, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';

const SHAPES = [
  { type: 'AWS::Transfer::Server', sources: ['cloudformation'] as readonly string[], protocols: 'Protocols' },
  { type: 'aws_transfer_server', sources: TERRAFORM_SOURCES, protocols: 'protocols' },
];

export default defineCheck({
  meta: {
    id: 'TET-PASS-084',
    title: 'Transfer Family server accepts plain FTP',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'An AWS Transfer Family server with FTP among its protocols lets users sign in over unencrypted FTP: the user name, the password (checked by the custom identity provider) and every file cross the network in clear text, where anyone on the path can read them and reuse the credentials. FTP is only offered inside a VPC, but that network is rarely the only one on the path (VPN, Direct Connect, peered networks). The default protocol, SFTP, is encrypted.',
    remediation: 'Remove FTP from the server\'s protocols and use SFTP or FTPS (`Protocols: [SFTP]` / `protocols = ["SFTP"]`, with a certificate for FTPS).',
    references: ['https://docs.aws.amazon.com/transfer/latest/userguide/create-server-ftp.html', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-transfer-server.html'],
    compliance: { 'nist-800-53': ['SC-8', 'IA-5(1)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: SHAPES.map((s) => s.type),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const s of SHAPES) {
      for (const r of resourcesOf(ctx, [s.type], s.sources)) {
        // absent: SFTP only
        const list = getPath(r.attributes, s.protocols);
        if (isUnknown(list)) {
          out.push({ resource: r, attributePath: s.protocols, verdict: 'unknown', message: `${r.type} ${r.name}: the protocols are unresolved (${list.toString()})` });
          continue;
        }
        asList(list).forEach((p, i) => {
          const path = `${s.protocols}[${i}]`;
          if (isUnknown(p)) out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: a protocol is unresolved (${p.toString()})` });
          else if (asString(p)?.trim().toUpperCase() === 'FTP') out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} accepts plain FTP: user names, passwords and files cross the network unencrypted`, evidence: `${s.protocols} includes FTP` });
        });
      }
    }
    return out;
  },
});
