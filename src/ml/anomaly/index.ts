export { detectAnomalies, scopeOf, tagSetOf, DEFAULT_MAX_SHARE, DEFAULT_MIN_PEERS, type Anomaly, type AnomalyOptions } from './detect.js';
export { PROFILES, NONE, type Fact, type ModelView, type Profile } from './profiles.js';
import type { CheckContext } from '../../checks/engine/types.js';
import { detectAnomalies, type Anomaly } from './detect.js';

/** The scan's anomalies, computed once and shared by the anomaly checks. */
export function scanAnomalies(ctx: CheckContext): readonly Anomaly[] {
  return ctx.shared('anomaly:peer-groups', () => detectAnomalies({ resources: ctx.resources, referrersOf: (r) => ctx.referrersOf(r), ofType: (t) => ctx.ofType(t) }));
}
