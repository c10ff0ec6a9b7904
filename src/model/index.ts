export * from './unknown.js';
export * from './value.js';
export * from './leaves.js';
export * from './location.js';
export * from './network-rule.js';
export * from './resource.js';
export * from './finding.js';
