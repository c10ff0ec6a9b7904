import { authorizationDetailsSource } from './aws-authorization-details/index.js';
import { cloudformationSource } from './cloudformation/index.js';
import { dockerfileSource } from './dockerfile/index.js';
import { inventorySource } from './inventory/index.js';
import { kubernetesSource } from './kubernetes/index.js';
import { terraformPlanSource } from './terraform-plan/index.js';
import { terraformSource } from './terraform/index.js';
import type { Source } from './types.js';

/**
 * Every input kind, in claim order: the first source that claims a file gets
 * it, so more specific detectors come first.
 */
export const SOURCES: Source[] = [inventorySource, authorizationDetailsSource, cloudformationSource, terraformPlanSource, terraformSource, kubernetesSource, dockerfileSource];
