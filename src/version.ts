import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Repository root (works from src/ under tsx and from dist/). */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const TOOL = { name: 'tetrad', version: VERSION, informationUri: 'https://github.com/tetrad-security/tetrad' } as const;
