/** Flag parsing shared by the commands. */

/** A bad flag or argument: the CLI prints it and exits 2. */
export class UsageError extends Error {}

/** `--var name=value` pairs (Terraform variables, CloudFormation parameters). */
export function parseVars(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var expects name=value, got "${p}"`);
    out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}
