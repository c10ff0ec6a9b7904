import { z } from 'zod';
import { SEVERITIES, asList, isUnknown, type Severity } from '../../model/index.js';
import { loadCatalogue } from '../_lib/catalogue.js';
import { COMPOSE_SOURCES, COMPOSE_TYPES, composeServices, serviceLabel } from '../_lib/compose.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { normalizeCapability } from './container-adds-dangerous-capabilities.js';

const catalogueSchema = z.object({
  baseline_allowed: z.array(z.string()),
  dangerous: z.record(z.string(), z.object({ severity: z.enum(SEVERITIES), why: z.string() })),
});

/** security_opt entries that switch a kernel confinement off (`seccomp=unconfined`, `seccomp:unconfined`, `apparmor:unconfined`, `label=disable`). */
const UNCONFINED: Array<{ re: RegExp; what: string; severity: Severity }> = [
  { re: /(?:^|:)seccomp[:=]unconfined$/i, what: 'turns the default seccomp profile off (every system call, including unshare, keyctl and bpf, reaches the host kernel)', severity: 'high' },
  { re: /(?:^|:)apparmor[:=]unconfined$/i, what: 'turns the AppArmor profile off', severity: 'medium' },
  { re: /(?:^|:)label[:=]disable$/i, what: 'turns SELinux separation off', severity: 'medium' },
  { re: /(?:^|:)systempaths[:=]unconfined$/i, what: 'unmasks /proc and /sys paths the runtime hides', severity: 'high' },
  { re: /^no-new-privileges[:=]false$/i, what: 'explicitly lets processes gain privileges through setuid binaries (no-new-privileges off)', severity: 'low' },
];

export default defineCheck({
  meta: {
    id: 'TET-PRIV-049',
    title: 'Docker Compose service loosens kernel confinement (capabilities, seccomp, AppArmor, devices)',
    pillar: 'privileges',
    severity: 'high',
    description:
      'A Compose service adds a Linux capability outside the Docker default set that leads to host compromise or traffic interception (`cap_add: [SYS_ADMIN]`, `ALL`, `NET_ADMIN`, `SYS_PTRACE`...), switches seccomp, AppArmor or SELinux confinement (or no-new-privileges) off in `security_opt`, or passes host devices in. Each removes one of the layers that keep root in the container from becoming root on the Docker host.',
    remediation: 'Drop ALL capabilities and add back only those the service needs from the Docker default set (for example NET_BIND_SERVICE); keep the default seccomp and AppArmor profiles (write a custom profile if a system call is missing); pass a specific device only when the service cannot work without it.',
    references: [
      'https://docs.docker.com/reference/compose-file/services/#cap_add',
      'https://docs.docker.com/reference/compose-file/services/#security_opt',
      'https://docs.docker.com/engine/security/seccomp/',
      'https://man7.org/linux/man-pages/man7/capabilities.7.html',
    ],
    compliance: { 'cis-docker': ['5.1', '5.3', '5.17', '5.21'], 'nist-800-53': ['AC-6', 'CM-7', 'SC-39'] },
    sources: COMPOSE_SOURCES,
    resourceTypes: COMPOSE_TYPES,
  },
  run(ctx) {
    const catalogue = loadCatalogue('linux-capabilities.yaml', catalogueSchema);
    const allowed = new Set(catalogue.baseline_allowed.map(normalizeCapability));
    const out: FindingDraft[] = [];
    for (const r of composeServices(ctx)) {
      const label = serviceLabel(r);
      const each = (attr: string, fn: (v: string, path: string) => void): void => {
        const list = r.attributes[attr];
        asList(list).forEach((v, i) => {
          const path = Array.isArray(list) ? `${attr}[${i}]` : attr;
          if (isUnknown(v)) out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `${label}: a ${attr} entry is unresolved (${v.toString()})` });
          else if (typeof v === 'string') fn(v.trim(), path);
        });
      };
      each('cap_add', (cap, path) => {
        const name = normalizeCapability(cap);
        if (allowed.has(name)) return;
        const entry = catalogue.dangerous[name];
        out.push({ resource: r, key: path, attributePath: path, severity: entry?.severity, message: `${label} adds capability ${name}${entry ? `: ${entry.why}` : ' (outside the Docker default set)'}`, evidence: `cap_add: ${name}` });
      });
      each('security_opt', (opt, path) => {
        const hit = UNCONFINED.find((u) => u.re.test(opt));
        if (hit) out.push({ resource: r, key: path, attributePath: path, severity: hit.severity, message: `${label} ${hit.what} (security_opt ${opt})`, evidence: `security_opt: ${opt}` });
      });
      each('devices', (dev, path) => {
        const host = dev.split(':')[0]!;
        out.push({ resource: r, key: path, attributePath: path, severity: 'medium', message: `${label} is given host device ${host}`, evidence: `devices: ${dev}` });
      });
    }
    return out;
  },
});
