import type { Normalizer } from '../types.js';
import { AWS_NETWORK_NORMALIZERS } from './aws.js';
import { AZURE_NETWORK_NORMALIZERS } from './azure.js';
import { CLOUDFORMATION_NETWORK_NORMALIZERS } from './cloudformation.js';
import { GCP_NETWORK_NORMALIZERS } from './gcp.js';
import { KUBERNETES_NETWORK_NORMALIZERS } from './kubernetes.js';

/** Every firewall-like resource type (and Kubernetes NetworkPolicy) → `resource.network`. */
export const NETWORK_NORMALIZERS: Normalizer[] = [
  ...AWS_NETWORK_NORMALIZERS,
  ...CLOUDFORMATION_NETWORK_NORMALIZERS,
  ...AZURE_NETWORK_NORMALIZERS,
  ...GCP_NETWORK_NORMALIZERS,
  ...KUBERNETES_NETWORK_NORMALIZERS,
];
