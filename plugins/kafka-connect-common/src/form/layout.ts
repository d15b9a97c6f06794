import { z } from 'zod';

/**
 * The form's layout (templates/kafka-connect-cluster/form-layout.yaml): what the values
 * schema cannot say. Pages, the parameters that are not values, the objects whose fields
 * are alternatives, and any `ui:*` option of any field, addressed by its values path.
 *
 * A values path is the field's path in connect-cluster.yaml, with `[]` for an item of a list:
 * `kafka.authentication`, `plugins[].artifacts[]`, `volumes[].secret.secretName`. A path
 * inside a union (kafka.authentication.username) applies to every alternative that has it.
 */
export const formLayoutSchema = z.strictObject({
  pages: z
    .array(
      z.strictObject({
        title: z.string().min(1),
        description: z.string().min(1).optional(),
        fields: z.array(z.string().min(1)).min(1),
        /** `ui:*` options of the page itself (a page-wide field such as a preview layout). */
        ui: z
          .record(
            z.string().regex(/^ui:/, { message: 'must be a ui: option' }),
            z.unknown(),
          )
          .optional(),
      }),
    )
    .min(1),
  /** Parameters of the form that are not values, as JSON Schema (ui:* keys included). */
  formOnly: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  /**
   * Objects of which exactly one of the listed fields is given (a rule in the values
   * schema): the form offers them as a choice and shows the chosen one's fields only.
   */
  choices: z.record(z.string(), z.array(z.string().min(1)).min(2)).default({}),
  /** `ui:*` options per values path: ui:field, ui:widget, ui:options, ui:title, ... */
  ui: z
    .record(
      z.string(),
      z.record(
        z.string().regex(/^ui:/, { message: 'must be a ui: option' }),
        z.unknown(),
      ),
    )
    .default({}),
});

export type FormLayoutInput = z.input<typeof formLayoutSchema>;
export type FormLayout = z.output<typeof formLayoutSchema>;
