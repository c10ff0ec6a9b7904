/** The default user/password catalogue of host services (`data/hosts/default-credentials.yaml`). */
import { z } from 'zod';
import { loadCatalogue } from './catalogue.js';

const Pair = z.object({ username: z.string().min(1), password: z.string() });
const Catalogue = z.object({
  services: z.record(z.string(), z.array(Pair).min(1)),
  tomcatAdminRoles: z.array(z.string().min(1)),
});

export function defaultCredentials(): z.infer<typeof Catalogue> {
  return loadCatalogue('hosts/default-credentials.yaml', Catalogue);
}

/** Whether a user/password pair is a catalogued default of `service` (names and passwords compared exactly). */
export function isDefaultPair(service: string, username: string, password: string): boolean {
  return (defaultCredentials().services[service] ?? []).some((p) => p.username === username && p.password === password);
}

/** Whether a password is a catalogued default of `service` for any user. */
export function isDefaultPassword(service: string, password: string): boolean {
  return (defaultCredentials().services[service] ?? []).some((p) => p.password === password);
}
