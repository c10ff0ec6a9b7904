/** Python versions (PyPI), ordered per PEP 440 through `@renovatebot/pep440`. */
import { compare, valid } from '@renovatebot/pep440';
import { defineScheme } from './types.js';

export const pep440 = defineScheme('pep440', (v) => valid(v) !== null, (a, b) => compare(a, b));
