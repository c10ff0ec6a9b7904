import { authorizationDetailsSource } from './aws-authorization-details/index.js';
import { accountSnapshotSource } from './aws-account-snapshot/index.js';
import { credentialReportSource } from './aws-credential-report/index.js';
import { cloudformationSource } from './cloudformation/index.js';
import { composeSource } from './docker-compose/index.js';
import { dockerfileSource } from './dockerfile/index.js';
import { hostSource } from './host/index.js';
import { imageSource } from './image/index.js';
import { inventorySource } from './inventory/index.js';
import { kubernetesSource } from './kubernetes/index.js';
import { nmapSource } from './nmap/index.js';
import { sbomSource } from './sbom/index.js';
import { terraformPlanSource } from './terraform-plan/index.js';
import { terraformSource } from './terraform/index.js';
import { textFilesSource } from './text-files/index.js';
import type { Source } from './types.js';

/**
 * Every input kind, in claim order: the first source that claims a file gets
 * it, so more specific detectors come first. `alongside` sources (the text-file
 * secret scan) read every file they claim besides.
 */
export const SOURCES: Source[] = [sbomSource, imageSource, inventorySource, authorizationDetailsSource, credentialReportSource, accountSnapshotSource, cloudformationSource, terraformPlanSource, terraformSource, composeSource, kubernetesSource, dockerfileSource, nmapSource, hostSource, textFilesSource];
