/**
 * Kubernetes control-plane and node components run as pods (kubeadm static
 * pods, kind, self-hosted clusters): `kube-apiserver`, `kubelet`, ... with
 * their settings as command-line flags. This reads, for every container of
 * every workload, which component it starts and the flags it passes (command
 * then args, as the kubelet concatenates them; the last occurrence of a flag
 * wins, as with Go's pflag), each with the attribute path of the list element
 * that holds it, so a finding points at the flag's line.
 *
 * Also: the kubelet's own configuration file (`kind: KubeletConfiguration`,
 * kubelet.config.k8s.io), whose documented defaults differ from the flag
 * defaults (anonymous auth off, Webhook authorisation, read-only port 0).
 */
import type { Resource, Value } from '../../model/index.js';
import { isUnknown } from '../../model/index.js';
import type { CheckContext, FindingDraft } from '../engine/types.js';
import { containersOf, type ContainerRef } from './kubernetes.js';
import { kubernetesWorkloads } from './k8s-terraform.js';

export const COMPONENTS = ['kube-apiserver', 'kubelet', 'kube-controller-manager', 'kube-scheduler', 'etcd'] as const;
export type Component = (typeof COMPONENTS)[number];

export interface ComponentFlag {
  /** the flag's value; `true` for a bare boolean flag */
  value: string | true;
  /** attribute path of the command/args element that holds it */
  path: string;
}

export interface ComponentInvocation {
  resource: Resource;
  container: ContainerRef;
  component: Component;
  /** attribute path of the element that names the component's binary */
  commandPath: string;
  /** flag name without dashes → last occurrence */
  flags: Map<string, ComponentFlag>;
  /** true when an element was an unresolved value: an absent flag may sit there */
  hasUnknown: boolean;
}

/** Flags that take no separate value (`--anonymous-auth` alone means true). */
const BOOL_FLAGS = new Set(['anonymous-auth', 'allow-privileged', 'profiling', 'kubelet-https', 'client-cert-auth', 'peer-client-cert-auth', 'auto-tls', 'peer-auto-tls', 'rotate-certificates', 'service-account-lookup']);

interface Word {
  text: string;
  path: string;
}

/**
 * Words of a container's command and args in order. An element holding a
 * shell line (`["/bin/sh", "-c", "exec kubelet --x=1"]`) is split on
 * whitespace: flags never contain spaces, and quoting inside such a line is
 * rare enough that plain splitting (no shell parser is a dependency here) loses
 * nothing these checks need.
 */
function wordsOf(c: ContainerRef): { words: Word[]; hasUnknown: boolean } {
  const words: Word[] = [];
  let hasUnknown = false;
  for (const field of ['command', 'args'] as const) {
    const list: Value | undefined = c.container[field];
    if (isUnknown(list)) hasUnknown = true;
    if (!Array.isArray(list)) continue;
    list.forEach((el, i) => {
      const path = `${c.path}.${field}[${i}]`;
      if (typeof el === 'number' || typeof el === 'boolean') words.push({ text: String(el), path });
      else if (typeof el !== 'string') hasUnknown = true;
      else for (const w of el.split(/\s+/)) if (w) words.push({ text: w.replace(/^["']|["']$/g, ''), path });
    });
  }
  return { words, hasUnknown };
}

function componentOf(word: string): Component | undefined {
  const base = word.slice(word.lastIndexOf('/') + 1);
  return (COMPONENTS as readonly string[]).includes(base) ? (base as Component) : undefined;
}

function invocationOf(resource: Resource, c: ContainerRef): ComponentInvocation | undefined {
  const { words, hasUnknown } = wordsOf(c);
  const at = words.findIndex((w) => componentOf(w.text) !== undefined);
  if (at < 0) return undefined;
  const flags = new Map<string, ComponentFlag>();
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i]!;
    const m = /^--?([A-Za-z0-9][\w.-]*)(?:=(.*))?$/.exec(w.text);
    if (!m) continue;
    const name = m[1]!;
    const explicit: string | undefined = m[2];
    let value: string | true = explicit ?? true;
    const next = words[i + 1];
    if (explicit === undefined && !BOOL_FLAGS.has(name) && next && !next.text.startsWith('-')) {
      value = next.text;
      i++;
    }
    flags.set(name, { value, path: w.path });
  }
  return { resource, container: c, component: componentOf(words[at]!.text)!, commandPath: words[at]!.path, flags, hasUnknown };
}

/** Every container of the scan that starts a Kubernetes component, with its flags (computed once per scan). */
export function componentInvocations(ctx: CheckContext): readonly ComponentInvocation[] {
  return ctx.shared('k8s-component-flags:invocations', () => {
    const out: ComponentInvocation[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      for (const c of containersOf(r)) {
        const inv = invocationOf(r, c);
        if (inv) out.push(inv);
      }
    }
    return out;
  });
}

/** The kubelet configuration files of the scan (`kind: KubeletConfiguration`). */
export function kubeletConfigurations(ctx: CheckContext): Resource[] {
  return ctx.ofType('KubeletConfiguration').filter((r) => r.source === 'kubernetes');
}

/** A flag value that Go's strconv.ParseBool (pflag, --feature-gates) reads as false: false, 0, f in any case. */
export function isFalseFlag(v: string | true): boolean {
  return v !== true && /^(false|0|f)$/i.test(v.trim());
}

/** A flag's value split as a comma-separated list (e.g. `--authorization-mode=Node,RBAC`). */
export function flagList(flag: ComponentFlag | undefined): string[] {
  if (!flag || flag.value === true) return [];
  return flag.value.split(',').map((s) => s.trim()).filter(Boolean);
}

export function describe(inv: ComponentInvocation): string {
  return `${inv.component} in container "${inv.container.name}" of ${inv.resource.type} ${inv.resource.name}`;
}

/** One flag judged on the components that read it. */
export interface FlagRule {
  components: readonly Component[];
  flag: string;
  /** the finding's message when the written value is insecure, else undefined */
  judge: (value: string | true, inv: ComponentInvocation) => string | undefined;
  /** the finding's message when the flag is absent and its default is insecure (omit when absent is safe) */
  whenAbsent?: (inv: ComponentInvocation) => string | undefined;
  /** flags that take the setting elsewhere (a configuration file): with one of them, an absent flag is not judged */
  deferredBy?: Partial<Record<Component, readonly string[]>>;
}

/**
 * Findings of one flag rule over every component invocation: at the flag's
 * element when it is written, at the binary's element when it is absent and
 * the default is insecure, with verdict unknown when part of the command
 * line is unresolved. Drafts are in manifest shape (map them with fromView).
 */
export function componentFlagFindings(ctx: CheckContext, rule: FlagRule): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const inv of componentInvocations(ctx)) {
    if (!rule.components.includes(inv.component)) continue;
    const flag = inv.flags.get(rule.flag);
    const key = `${inv.container.path}:${rule.flag}`;
    if (flag) {
      const message = rule.judge(flag.value, inv);
      if (message) out.push({ resource: inv.resource, key, attributePath: flag.path, message, evidence: flag.value === true ? `--${rule.flag}` : `--${rule.flag}=${flag.value}` });
      continue;
    }
    if (!rule.whenAbsent || rule.deferredBy?.[inv.component]?.some((f) => inv.flags.has(f))) continue;
    const message = rule.whenAbsent(inv);
    if (!message) continue;
    if (inv.hasUnknown) out.push({ resource: inv.resource, key, attributePath: inv.commandPath, verdict: 'unknown', message: `${describe(inv)}: part of the command line is unresolved, --${rule.flag} may be set there` });
    else out.push({ resource: inv.resource, key, attributePath: inv.commandPath, message, evidence: `--${rule.flag} not set` });
  }
  return out;
}
