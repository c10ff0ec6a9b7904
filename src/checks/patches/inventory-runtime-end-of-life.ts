import type { ValueObject } from '../../model/index.js';
import { languageTable, lookupCycle } from '../_lib/eol.js';
import { versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const NAMES: Record<string, string> = { python: 'Python', go: 'Go', node: 'Node.js' };

export default defineCheck({
  meta: {
    id: 'TET-PATCH-036',
    title: 'Language runtime past end of life in an inventory',
    pillar: 'patches',
    severity: 'high',
    description:
      'A project or host runs a language runtime release that its maintainers no longer patch: the Python a Pipfile.lock was locked for, the Go toolchain a go.mod builds with, or a Node.js build installed from NodeSource. Vulnerabilities found in the interpreter or standard library after that date stay open. Runtimes packaged by a distribution follow the distribution release and are judged with it (TET-PATCH-035).',
    remediation: 'Move to a supported release line of the runtime (for example Python 3.12+, a Go release among the two newest, an active or maintenance LTS of Node.js), regenerate the lockfile (`pipenv lock`, `go mod tidy` with the new `toolchain`), and test.',
    references: ['https://devguide.python.org/versions/', 'https://go.dev/doc/devel/release#policy', 'https://nodejs.org/en/about/previous-releases'],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['inventory'],
    resourceTypes: ['PackageInventory'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('PackageInventory', 'ContainerImage')) {
      const list = r.attributes.runtimes;
      if (!Array.isArray(list)) continue;
      list.forEach((raw, i) => {
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
        const rt = raw as ValueObject;
        if (typeof rt.name !== 'string' || typeof rt.version !== 'string') return;
        const table = languageTable(rt.name);
        const v = table && lookupCycle(table, rt.version);
        const f = v && versionFinding(r, `runtimes[${i}]`, NAMES[rt.name] ?? rt.name, rt.version, v, 'medium', `${rt.name} ${rt.version}`);
        if (f) out.push({ ...f, key: `runtimes[${i}]` });
      });
    }
    return out;
  },
});
