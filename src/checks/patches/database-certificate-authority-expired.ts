import { eolCatalogue, eolToday } from '../_lib/eol.js';
import { readText, resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TARGETS = [
  { types: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_docdb_cluster_instance'], sources: TERRAFORM_SOURCES, path: 'ca_cert_identifier' },
  { types: ['aws_rds_cluster'], sources: TERRAFORM_SOURCES, path: 'ca_certificate_identifier' },
  { types: ['AWS::RDS::DBInstance', 'AWS::DocDB::DBInstance'], sources: ['cloudformation'], path: 'CACertificateIdentifier' },
];

export default defineCheck({
  meta: {
    id: 'TET-PATCH-059',
    title: 'Database instance uses an expired certificate authority',
    pillar: 'patches',
    severity: 'medium',
    description:
      'The instance is pinned to a server certificate authority that has expired: `rds-ca-2015` (2020-03-05) or `rds-ca-2019` (2024-08-22), for RDS, Aurora and DocumentDB. Clients that verify the server certificate fail to connect, which pushes teams to turn verification off, and clients that never verified it cannot tell the database from an impostor on the path, so passwords sent at login can be captured. An instance without the attribute gets the current default authority and is not reported.',
    remediation:
      'Set `ca_cert_identifier` (CloudFormation `CACertificateIdentifier`) to `rds-ca-rsa2048-g1` (or `rds-ca-rsa4096-g1` / `rds-ca-ecc384-g1`), distribute the new bundle to clients, and keep certificate verification on (`sslmode=verify-full`).',
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL-certificate-rotation.html',
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html',
      'https://docs.aws.amazon.com/documentdb/latest/developerguide/ca_cert_rotation.html',
    ],
    compliance: { 'nist-800-53': ['SC-8', 'SC-17', 'SI-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: TARGETS.flatMap((t) => t.types),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const authorities = eolCatalogue().certificateAuthorities.rds;
    const today = eolToday();
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, t.types, t.sources)) {
        const ca = readText(r, t.path);
        if (typeof ca !== 'string') continue;
        const expiry = authorities[ca.toLowerCase()]?.eol;
        if (expiry === undefined || today < expiry) continue;
        out.push({ resource: r, attributePath: t.path, message: `${r.type} ${r.name} uses certificate authority ${ca}, which expired on ${expiry}`, evidence: `${t.path} = ${ca}` });
      }
    }
    return out;
  },
});
