import type { Location, Pillar, Resource, Severity, SourceKind, StringLeaf, VulnerabilityFacts } from '../../model/index.js';
import type { AdvisoryService } from '../../vulns/advisories.js';

/** Compliance frameworks a check can map to, with control ids. */
export interface ComplianceMap {
  'cis-aws'?: string[];
  'cis-azure'?: string[];
  'cis-gcp'?: string[];
  'cis-kubernetes'?: string[];
  'cis-docker'?: string[];
  'nist-800-53'?: string[];
  [framework: string]: string[] | undefined;
}

export interface CheckMeta {
  /** stable id such as TET-PORTS-001; never reused for another meaning */
  id: string;
  title: string;
  pillar: Pillar;
  severity: Severity;
  /** the risk, in a sentence or two */
  description: string;
  remediation: string;
  references?: string[];
  compliance?: ComplianceMap;
  /** input kinds this check understands; the fixture test requires a failing and a passing case for each */
  sources: SourceKind[];
  /** native resource types it looks at, for documentation */
  resourceTypes?: string[];
  /**
   * A finding of this check is dropped when a finding of another check of the
   * same pillar, in the same file, covers its line (the text-file secret scan
   * defers to the resource checks that already reported the same secret).
   */
  defersToCoveringFindings?: boolean;
  /**
   * Checks that share a costly derivation of the model (`ctx.shared`, or a memo on the
   * context: AWS reachability, parsed policy documents, the secret walk...) name it here; a
   * scan on several threads runs checks of one affinity on the same thread, so the
   * derivation is computed once.
   */
  affinity?: string;
}

/** What a check returns: the engine fills in id, pillar, title, remediation and fingerprint. */
export interface FindingDraft {
  resource: Resource;
  message: string;
  /** attribute path that holds the problem; gives the line */
  attributePath?: string;
  /** explicit location, overriding attributePath */
  location?: Location;
  /** what was seen; must already be masked if it is a secret */
  evidence?: string;
  /** overrides meta.severity, e.g. scaled by what listens on a port */
  severity?: Severity;
  /** "unknown" when the verdict depends on a value the source could not resolve */
  verdict?: 'fail' | 'unknown';
  /** distinguishes several findings of one check on one resource, for the fingerprint */
  key?: string;
  /** facts of the known vulnerability behind a patches finding */
  vulnerability?: VulnerabilityFacts;
}

export interface CheckContext {
  readonly resources: readonly Resource[];
  /** resources of any of the given native types */
  ofType(...types: string[]): Resource[];
  /** resources read by the given source kinds */
  fromSource(...sources: SourceKind[]): Resource[];
  byId(id: string): Resource | undefined;
  /** resources referred to from an attribute of a resource (or from anywhere in it when attribute is omitted) */
  referencedBy(resource: Resource, attribute?: string): Resource[];
  /** resources that refer to the given one */
  referrersOf(resource: Resource): Resource[];
  /**
   * Every string in a resource's attributes with its path (as `stringLeaves`
   * in the model), computed once per resource and scan. Shared by every
   * check: read it, never modify it.
   */
  stringLeaves(resource: Resource): readonly StringLeaf[];
  /**
   * Data derived from the model that several checks need (all policy
   * documents, all parsed container lists...): `compute` runs the first time
   * `key` is asked for in this scan, later calls return its result. Keys are
   * namespaced by the helper that owns them (`aws-policies:documents`). The
   * result is shared by every check: read it, never modify it.
   */
  shared<T>(key: string, compute: () => T): T;
  /**
   * The imported advisory store of this scan (`--db`, `$TETRAD_DB`), when there is one. OSV
   * records found in the scanned tree are resources of type `OsvAdvisory` (see
   * `src/checks/_lib/advisories.ts`, which combines both).
   */
  readonly advisories?: AdvisoryService;
}

/** Services a scan hands to its checks besides the model. */
export interface CheckServices {
  advisories?: AdvisoryService;
}

export interface Check {
  meta: CheckMeta;
  run(ctx: CheckContext): FindingDraft[];
  /** file the check was loaded from (set by the loader) */
  file?: string;
}

export function defineCheck(check: Check): Check {
  return check;
}
