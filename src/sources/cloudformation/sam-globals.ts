import { isObject, type Location, type Value, type ValueObject } from '../../model/index.js';

/** SAM `Globals` sections and the resource type each applies to. */
export const SAM_GLOBAL_SECTIONS: Record<string, string> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
};

function joinPath(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

/** Copies the locations of `from` and everything under it to the same paths under `to`. */
function copyLocations(src: Record<string, Location>, from: string, to: string, out: Record<string, Location>): void {
  for (const [k, v] of Object.entries(src)) {
    if (k === from || k.startsWith(`${from}.`) || k.startsWith(`${from}[`)) out[to + k.slice(from.length)] = v;
  }
}

/**
 * Applies SAM `Globals` to a resource's evaluated properties, as the SAM
 * transform does: the resource's own scalar values win, maps merge key by
 * key, lists are the global items followed by the resource's. Locations
 * follow each value to where it was written (the Globals section or the
 * resource), with list indexes shifted accordingly.
 */
export function mergeGlobals(
  globals: ValueObject,
  own: ValueObject,
  globalLocations: Record<string, Location>,
  ownLocations: Record<string, Location>,
): { attributes: ValueObject; locations: Record<string, Location> } {
  const locations: Record<string, Location> = {};
  const merge = (g: Value, r: Value, path: string): Value => {
    if (isObject(g) && isObject(r)) {
      const loc = ownLocations[path] ?? globalLocations[path];
      if (loc && path !== '') locations[path] = loc;
      const out: ValueObject = {};
      for (const key of Object.keys(g)) {
        const p = joinPath(path, key);
        if (key in r) continue;
        out[key] = g[key] as Value;
        copyLocations(globalLocations, p, p, locations);
      }
      for (const key of Object.keys(r)) {
        const p = joinPath(path, key);
        if (key in g) out[key] = merge(g[key] as Value, r[key] as Value, p);
        else {
          out[key] = r[key] as Value;
          copyLocations(ownLocations, p, p, locations);
        }
      }
      return out;
    }
    if (Array.isArray(g) && Array.isArray(r)) {
      const loc = ownLocations[path] ?? globalLocations[path];
      if (loc) locations[path] = loc;
      g.forEach((_, i) => copyLocations(globalLocations, `${path}[${i}]`, `${path}[${i}]`, locations));
      r.forEach((_, j) => copyLocations(ownLocations, `${path}[${j}]`, `${path}[${g.length + j}]`, locations));
      return [...g, ...r];
    }
    copyLocations(ownLocations, path, path, locations);
    return r;
  };
  return { attributes: merge(globals, own, '') as ValueObject, locations };
}
