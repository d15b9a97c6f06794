export { formParameters } from './formParameters';
export {
  generatedTemplate,
  templateWithParameters,
  GENERATED_NOTE,
} from './templateParameters';
export { formLayoutSchema } from './layout';
export type { FormLayout, FormLayoutInput } from './layout';
export { valuesJsonSchema, isSchema } from './jsonSchema';
export type { JsonSchema } from './jsonSchema';
