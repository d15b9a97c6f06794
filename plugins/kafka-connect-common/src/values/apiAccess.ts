import { z } from 'zod';
import { dnsLabel, labels } from './patterns';

/**
 * Who may call the Connect REST API: pods with these labels, in the cluster's namespace or
 * in `namespace`; or, with `namespace` and no labels, every pod of that namespace.
 */
export const apiAccessSchema = z
  .strictObject({
    name: dnsLabel().meta({ title: 'Name of the client' }),
    // An empty map is pruned to "not given", so {} never means "every pod" by accident.
    podLabels: labels()
      .meta({
        title: 'Pod labels',
        description:
          'At least one label; leave them out only with a namespace, to admit every pod of that namespace.',
      })
      .optional(),
    namespace: dnsLabel()
      .meta({ title: "Namespace of the pods (default the cluster's)" })
      .optional(),
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
