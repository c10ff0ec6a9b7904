import { defineCheck } from '../engine/types.js';
import { scanAnomalies } from '../../ml/anomaly/index.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-050',
    affinity: 'anomalies',
    title: 'Bucket or workload less locked down than its peers',
    pillar: 'privileges',
    severity: 'low',
    description:
      'S3 buckets and Kubernetes workloads declared together (one Terraform module instance, one CloudFormation template, one namespace, one tag set) usually share their protections. One that lacks a protection at least 90% of at least 5 siblings have (public access block, encryption, versioning, a private ACL; no privileged container, non-root, no privilege escalation, read-only root filesystem, no host namespaces or added capabilities) is likely a copy-paste slip or a forgotten exception.',
    remediation: 'Compare the resource with its siblings named in the finding and apply the same setting, or document the exception (a `tetrad:ignore TET-PRIV-050 reason="..."` comment).',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/', 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html'],
    compliance: { 'nist-800-53': ['AC-6', 'CM-6'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['aws_s3_bucket', 'AWS::S3::Bucket', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'],
  },
  run: (ctx) =>
    scanAnomalies(ctx)
      .filter((a) => a.kind !== 'firewall')
      .map((a) => ({ resource: a.resource, attributePath: a.fact.path, key: a.key, message: a.message, evidence: `${a.key}: ${a.fact.value}; ${a.sameRisk} of ${a.peers} peers alike` })),
});
