declare module '@yarnpkg/lockfile' {
  export function parse(text: string): { type: 'success' | 'merge' | 'conflict'; object: Record<string, { version?: string; resolved?: string; [k: string]: unknown }> };
}
