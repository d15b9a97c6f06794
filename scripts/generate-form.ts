// Writes the `parameters` of the software template from the values schema and the form
// layout: `npm run generate:form`. test/src/scaffolder/formGenerated.test.ts fails while
// the committed template.yaml differs from what this writes.
import { generatedTemplate } from '@connect-skeleton/plugin-kafka-connect-common';
import { readFileSync, writeFileSync } from 'fs';
import { resolve } from 'path';

const folder = resolve(__dirname, '../templates/kafka-connect-cluster');
const templatePath = resolve(folder, 'template.yaml');
const before = readFileSync(templatePath, 'utf8');
const after = generatedTemplate(
  before,
  readFileSync(resolve(folder, 'form-layout.yaml'), 'utf8'),
);
if (after === before) {
  process.stdout.write('template.yaml: parameters already up to date\n');
} else {
  writeFileSync(templatePath, after);
  process.stdout.write('template.yaml: parameters written\n');
}
