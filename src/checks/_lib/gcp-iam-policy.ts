/**
 * GCP IAM policies written whole, as `google_*_iam_policy.policy_data`: JSON text from
 * `jsonencode(...)` or a heredoc. (A `data "google_iam_policy"` reference stays unresolved there;
 * checks read that data source's `binding` blocks instead.)
 */

/** The bindings of an IAM policy given as JSON text; none when the text is unresolved or not a policy. */
export function policyBindings(text: unknown): Array<{ role: unknown; members: string[] }> {
  if (typeof text !== 'string') return [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const bindings = (doc as { bindings?: unknown } | null)?.bindings;
  if (!Array.isArray(bindings)) return [];
  return bindings.map((b) => {
    const o = (b ?? {}) as { role?: unknown; members?: unknown };
    return { role: o.role, members: Array.isArray(o.members) ? o.members.filter((m): m is string => typeof m === 'string') : [] };
  });
}
