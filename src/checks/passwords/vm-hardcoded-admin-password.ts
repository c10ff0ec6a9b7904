import { hardcodedPasswordFindings, type PasswordAttributeSpec } from '../_lib/password-attributes.js';
import { defineCheck } from '../engine/types.js';

const TF = ['terraform', 'terraform-plan'];

const SPECS: PasswordAttributeSpec[] = [
  {
    types: ['azurerm_windows_virtual_machine', 'azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine_scale_set', 'azurerm_linux_virtual_machine_scale_set'],
    paths: ['admin_password'],
    sources: TF,
  },
  { types: ['azurerm_virtual_machine'], paths: ['os_profile[*].admin_password'], sources: TF },
  {
    types: ['azurerm_orchestrated_virtual_machine_scale_set'],
    paths: ['os_profile[*].windows_configuration[*].admin_password', 'os_profile[*].linux_configuration[*].admin_password'],
    sources: TF,
  },
  { types: ['aws_directory_service_directory'], paths: ['password'], sources: TF },
  { types: ['AWS::DirectoryService::MicrosoftAD', 'AWS::DirectoryService::SimpleAD'], paths: ['Password'], sources: ['cloudformation'] },
];

export default defineCheck({
  meta: {
    id: 'TET-PASS-010',
    title: 'Virtual machine or directory administrator password is hard-coded',
    pillar: 'passwords',
    severity: 'high',
    description:
      'The local administrator password of an Azure virtual machine or scale set, or the admin password of an AWS Directory Service directory, is written in the configuration. It is readable in version control and in the Terraform state; one leaked password opens RDP/SSH on every instance of the scale set, or the whole directory. A weak or common password raises the severity to critical.',
    remediation:
      'Generate the password (`random_password`) and keep it in Key Vault / Secrets Manager, or pass a `sensitive` variable without a default. For Linux, prefer SSH keys (`admin_ssh_key`) and `disable_password_authentication = true`. Rotate the exposed password.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/windows_virtual_machine#admin_password',
      'https://learn.microsoft.com/en-us/azure/key-vault/secrets/about-secrets',
      'https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_getting_started_create_directory.html',
    ],
    compliance: { 'nist-800-53': ['IA-5(7)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: [...new Set(SPECS.flatMap((s) => s.types))],
  },
  run(ctx) {
    return hardcodedPasswordFindings(ctx, SPECS, 'high', 'administrator password');
  },
});
