/** The parts of `terraform show -json` (plan and state) that the source reads. */

export interface PlanDocument {
  format_version?: string;
  terraform_version?: string;
  planned_values?: { root_module?: PlanModule };
  /** present in a state (`terraform show -json` without a plan file) */
  values?: { root_module?: PlanModule };
  resource_changes?: ResourceChange[];
  prior_state?: { values?: { root_module?: PlanModule } };
  configuration?: { root_module?: ConfigModule };
}

export interface PlanModule {
  /** module instance address, e.g. `module.net` or `module.net[0]`; absent for the root */
  address?: string;
  resources?: PlanResource[];
  child_modules?: PlanModule[];
}

export interface PlanResource {
  address: string;
  mode?: 'managed' | 'data';
  type: string;
  name: string;
  index?: number | string;
  provider_name?: string;
  values?: Record<string, unknown> | null;
  /** state only: full addresses of explicit and implicit dependencies */
  depends_on?: string[];
}

export interface ResourceChange {
  address: string;
  change?: { actions?: string[]; after_unknown?: unknown };
}

export interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<string, ModuleCall>;
  outputs?: Record<string, { expression?: Expression }>;
}

export interface ConfigResource {
  address: string;
  mode?: 'managed' | 'data';
  type: string;
  name: string;
  expressions?: Record<string, unknown>;
  depends_on?: string[];
}

export interface ModuleCall {
  source?: string;
  expressions?: Record<string, unknown>;
  module?: ConfigModule;
}

export interface Expression {
  constant_value?: unknown;
  references?: string[];
}
