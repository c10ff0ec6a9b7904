import type { ScanResult } from '../scan/scan.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderTable } from './table.js';

export interface RenderOptions {
  color?: boolean;
  showSuppressed?: boolean;
}

export type Renderer = (result: ScanResult, opts: RenderOptions) => string;

/** Output formats by name. */
export const FORMATS: Record<string, Renderer> = {
  table: (r, o) => renderTable(r, o),
  json: (r) => renderJson(r),
  sarif: (r) => renderSarif(r),
};
