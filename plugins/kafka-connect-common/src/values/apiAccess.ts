import { z } from 'zod';
import { dnsLabel, labels } from './patterns';

/**
 * Who may call the Connect REST API: pods with these labels, in the cluster's namespace or
 * in `namespace`; or, with `namespace` and no labels, every pod of that namespace.
 */
export const apiAccessSchema = z
  .strictObject({
    name: dnsLabel(),
    // An empty map is pruned to "not given", so {} never means "every pod" by accident.
    podLabels: labels().optional(),
    namespace: dnsLabel().optional(),
  })
  .superRefine((access, ctx) => {
    if (access.podLabels === undefined && access.namespace === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['podLabels'],
        message:
          "is required without namespace: at least one label of the pods that may call the REST API (an empty selector would admit every pod of the cluster's namespace); to admit a whole namespace, give namespace instead",
      });
    }
  });
