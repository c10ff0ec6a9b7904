import { isUnknown } from '../../model/index.js';
import { languageTable, lookupCycle } from '../_lib/eol.js';
import { readText, resourcesOf, TERRAFORM_SOURCES, versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TARGETS = [
  { types: ['google_cloudfunctions_function'], path: 'runtime' },
  { types: ['google_cloudfunctions2_function'], path: 'build_config[0].runtime' },
  { types: ['google_app_engine_standard_app_version'], path: 'runtime' },
];

/**
 * A GCP runtime id ("python37", "nodejs16", "go113", "php74", "ruby27",
 * "dotnet6") as a language and version. Java ids are not judged: Java
 * vendors' support windows differ from one another.
 */
export function gcpRuntimeLanguage(runtime: string): { language: string; version: string } | undefined {
  const m = /^(nodejs|python|go|ruby|php|dotnet)(\d+)$/i.exec(runtime.trim());
  if (!m) return undefined;
  const [, lang, digits] = m;
  switch (lang.toLowerCase()) {
    case 'nodejs':
      return { language: 'node', version: digits };
    case 'dotnet':
      return { language: 'dotnet', version: digits === '3' ? '3.1' : `${digits}.0` };
    case 'go':
      return digits.length >= 2 ? { language: 'go', version: `${digits[0]}.${digits.slice(1)}` } : undefined;
    default:
      return digits.length >= 2 ? { language: lang.toLowerCase(), version: `${digits[0]}.${digits.slice(1)}` } : undefined;
  }
}

export default defineCheck({
  meta: {
    id: 'TET-PATCH-032',
    title: 'Cloud Functions or App Engine uses an end-of-life language runtime',
    pillar: 'patches',
    severity: 'high',
    description:
      'The Cloud Function or App Engine standard version runs a language runtime (for example `python37`, `nodejs14`, `go113`, `php74`) whose language version no longer receives security fixes; Google deprecates and then decommissions such runtimes, and stops patching them.',
    remediation: 'Move `runtime` to a supported version of the language (see the Cloud Functions / App Engine runtime support schedules) and redeploy.',
    references: [
      'https://cloud.google.com/functions/docs/runtime-support',
      'https://cloud.google.com/appengine/docs/standard/lifecycle/support-schedule',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: TARGETS.flatMap((t) => t.types),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, t.types, TERRAFORM_SOURCES)) {
        const runtime = readText(r, t.path);
        if (runtime === undefined || isUnknown(runtime)) continue;
        const lang = gcpRuntimeLanguage(runtime);
        const table = lang && languageTable(lang.language);
        const v = lang && table ? lookupCycle(table, lang.version) : undefined;
        const f = v && versionFinding(r, t.path, `runtime ${runtime} (${lang!.language} ${lang!.version})`, '', v, 'high', `${t.path.replace(/\[0\]/g, '')} = ${runtime}`);
        if (f) out.push({ ...f, message: f.message.replace('  ', ' ') });
      }
    }
    return out;
  },
});
