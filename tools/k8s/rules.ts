import { autoscalingRules } from './autoscaling-rules';
import { deployableRules } from './deployable-rules';
import { deploymentRules } from './deployment-rules';
import { migrationJobRules } from './migration-job-rules';
import { networkRules } from './network-rules';
import { referenceRules } from './reference-rules';
import type { Rule } from './rule';
import { matchesSchema, noUnknownFields } from './schema-rules';
import { workloadRules } from './workload-rules';

/** Every rule applied to each rendered object, in the order failures are reported. */
export const objectRules: Rule[] = [
  matchesSchema,
  noUnknownFields,
  ...workloadRules,
  ...deploymentRules,
  ...deployableRules,
  ...referenceRules,
  ...networkRules,
  ...migrationJobRules,
  ...autoscalingRules,
];
