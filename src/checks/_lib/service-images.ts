/**
 * Container images named by managed container services (ECS task
 * definitions, Lambda container functions, Cloud Run, Azure Container
 * Instances and Container Apps, App Runner) in Terraform, plan JSON and
 * CloudFormation resources, and Docker Compose services.
 */
import type { Resource, Value } from '../../model/index.js';
import { getPath, isObject, isUnknown } from '../../model/index.js';
import { parseImage, type ParsedImage } from './images.js';
import type { CheckContext } from '../engine/types.js';
import { TERRAFORM_SOURCES } from './versioned-config.js';

export interface ServiceImage {
  resource: Resource;
  image: ParsedImage;
  /** attribute path that holds the image (for ECS in Terraform: the JSON string) */
  path: string;
  /** distinguishes several images of one resource */
  key: string;
  /** container name, when the service names its containers */
  container?: string;
}

/** Resource types whose attribute lists of containers carry `image`, by path pattern. */
const LISTS: Array<{ types: string[]; sources: readonly string[]; list: string; image: string; name?: string }> = [
  { types: ['google_cloud_run_service'], sources: TERRAFORM_SOURCES, list: 'template[0].spec[0].containers', image: 'image', name: 'name' },
  { types: ['google_cloud_run_v2_service'], sources: TERRAFORM_SOURCES, list: 'template[0].containers', image: 'image', name: 'name' },
  { types: ['google_cloud_run_v2_job'], sources: TERRAFORM_SOURCES, list: 'template[0].template[0].containers', image: 'image', name: 'name' },
  { types: ['azurerm_container_group'], sources: TERRAFORM_SOURCES, list: 'container', image: 'image', name: 'name' },
  { types: ['azurerm_container_app'], sources: TERRAFORM_SOURCES, list: 'template[0].container', image: 'image', name: 'name' },
  { types: ['AWS::ECS::TaskDefinition'], sources: ['cloudformation'], list: 'ContainerDefinitions', image: 'Image', name: 'Name' },
];

/** Single image attributes. */
const SINGLE: Array<{ types: string[]; sources: readonly string[]; path: string }> = [
  { types: ['aws_lambda_function'], sources: TERRAFORM_SOURCES, path: 'image_uri' },
  { types: ['AWS::Lambda::Function'], sources: ['cloudformation'], path: 'Code.ImageUri' },
  { types: ['aws_apprunner_service'], sources: TERRAFORM_SOURCES, path: 'source_configuration[0].image_repository[0].image_identifier' },
  { types: ['compose_service'], sources: ['docker-compose'], path: 'image' },
];

export const SERVICE_IMAGE_TYPES = [...LISTS.flatMap((l) => l.types), ...SINGLE.flatMap((s) => s.types), 'aws_ecs_task_definition'];

function concrete(v: Value | undefined): string | undefined {
  return typeof v === 'string' && v.trim() !== '' && !isUnknown(v) && !v.includes('${') ? v.trim() : undefined;
}

export function serviceImages(ctx: Pick<CheckContext, 'ofType'>): ServiceImage[] {
  const out: ServiceImage[] = [];
  for (const r of ctx.ofType(...SERVICE_IMAGE_TYPES)) {
    for (const l of LISTS) {
      if (!l.types.includes(r.type) || !l.sources.includes(r.source)) continue;
      const list = getPath(r.attributes, l.list);
      if (!Array.isArray(list)) continue;
      list.forEach((c, i) => {
        if (!isObject(c)) return;
        const img = concrete(c[l.image]);
        if (!img) return;
        const path = `${l.list}[${i}].${l.image}`;
        const name = l.name && typeof c[l.name] === 'string' ? (c[l.name] as string) : undefined;
        out.push({ resource: r, image: parseImage(img), path, key: path, ...(name ? { container: name } : {}) });
      });
    }
    for (const s of SINGLE) {
      if (!s.types.includes(r.type) || !s.sources.includes(r.source)) continue;
      const img = concrete(getPath(r.attributes, s.path));
      if (img) out.push({ resource: r, image: parseImage(img), path: s.path, key: s.path });
    }
    if (r.type === 'aws_ecs_task_definition' && TERRAFORM_SOURCES.includes(r.source as (typeof TERRAFORM_SOURCES)[number])) out.push(...ecsJsonImages(r));
  }
  return out;
}

/** Terraform keeps `container_definitions` as a JSON string (jsonencode or a heredoc). */
function ecsJsonImages(r: Resource): ServiceImage[] {
  const raw = getPath(r.attributes, 'container_definitions');
  let defs: unknown;
  if (typeof raw === 'string') {
    try {
      defs = JSON.parse(raw);
    } catch {
      return [];
    }
  } else if (Array.isArray(raw)) defs = raw;
  if (!Array.isArray(defs)) return [];
  const out: ServiceImage[] = [];
  defs.forEach((d: unknown, i) => {
    if (d === null || typeof d !== 'object') return;
    const rec = d as Record<string, unknown>;
    const img = typeof rec.image === 'string' ? concrete(rec.image) : undefined;
    if (!img) return;
    const name = typeof rec.name === 'string' ? rec.name : undefined;
    out.push({ resource: r, image: parseImage(img), path: 'container_definitions', key: `container_definitions[${i}]`, ...(name ? { container: name } : {}) });
  });
  return out;
}
