export { AwsReachability, computeAwsExposures, computeAwsPeeringExposures, type AwsReachOptions, type Transport } from './evaluate.js';
export { buildAwsTopology, AWS_REACHABILITY_TYPES, type AwsTopology, type ModelIndex, type TgwAttachment } from './topology.js';
export { addExposuresToGraph, INTERNET_NODE } from '../graph.js';
export { awsFlows, AWS_WORKLOAD_TYPES } from './flows.js';
export { computeAwsEastWestExposures, eastWest, tgwLookup } from './east-west.js';
