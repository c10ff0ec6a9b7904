import type { LocalTags } from '../shared/yaml-values.js';

/**
 * CloudFormation's short-form YAML tags and the long-form key each one stands
 * for: `!GetAtt A.B` is `{ "Fn::GetAtt": "A.B" }`, `!Ref X` is `{ Ref: X }`.
 */
export const SHORT_FORM_TAGS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!If': 'Fn::If',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Base64': 'Fn::Base64',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Cidr': 'Fn::Cidr',
  // AWS::LanguageExtensions transform
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
};

export const cloudformationTags: LocalTags = {
  wrap: (tag) => SHORT_FORM_TAGS[tag],
};
