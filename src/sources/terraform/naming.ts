/** Provider of a Terraform resource type, from its prefix. */
export function providerOf(type: string): string {
  const prefix = type.split('_')[0] ?? type;
  switch (prefix) {
    case 'aws':
      return 'aws';
    case 'azurerm':
    case 'azuread':
    case 'azapi':
      return 'azure';
    case 'google':
      return 'gcp';
    case 'kubernetes':
      return 'kubernetes';
    default:
      return prefix;
  }
}

/** `[0]` or `["a"]`, as Terraform writes instance keys in addresses. */
export function instanceSuffix(key: number | string | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** Meta-arguments of resource and data blocks: not attributes of the resource. */
export const RESOURCE_META_ARGS: ReadonlySet<string> = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']);
