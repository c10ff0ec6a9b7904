import type { Resource, SourceKind } from '../model/index.js';
import type { DiscoveredFile } from '../scan/discover.js';
import type { ScanError } from '../scan/errors.js';

export interface SourceOptions {
  /** Terraform variables from --var name=value */
  vars: Record<string, string>;
  /** Terraform variable files from --var-file */
  varFiles: string[];
  cwd: string;
  /** the scanned paths, absolute (what "inside the scanned tree" means for includes) */
  roots?: string[];
}

export interface SourceOutput {
  resources: Resource[];
  errors: ScanError[];
}

/**
 * An input kind. `claims` decides from the name and the first bytes whether a
 * file belongs to it; `load` turns every claimed file into model resources
 * with locations. A source never decides severity and never runs checks.
 */
export interface Source {
  kind: SourceKind;
  /**
   * True for a source that reads files beside the others (the text-file secret
   * scan): it gets every file it claims even when another source claims it too.
   */
  alongside?: boolean;
  claims(file: DiscoveredFile): boolean;
  load(files: DiscoveredFile[], options: SourceOptions): Promise<SourceOutput>;
}
