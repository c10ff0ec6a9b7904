declare module '@yarnpkg/lockfile' {
  /** CommonJS module: under Node ESM only its default export (module.exports) is importable */
  const lockfile: {
    parse(text: string): { type: 'success' | 'merge' | 'conflict'; object: Record<string, { version?: string; resolved?: string; [k: string]: unknown }> };
  };
  export default lockfile;
}
