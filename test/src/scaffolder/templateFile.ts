import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parse } from 'yaml';

/** The real template the portal serves, read from templates/ as the catalog would. */

// eslint-disable-next-line no-restricted-syntax -- tests run from source, never from a build
export const REPO_ROOT = resolve(__dirname, '../../..');

export const TEMPLATE_PATH = resolve(
  REPO_ROOT,
  'templates/kafka-connect-cluster/template.yaml',
);

/** The template.yaml of templates/<name> (kafka-connect-change, kafka-connect-adopt, ...). */
export function templatePath(name: string): string {
  return resolve(REPO_ROOT, `templates/${name}/template.yaml`);
}

/** Parameters of the form that are not values of docs/values.md. */
export const FORM_ONLY_PARAMETERS = ['destination', 'layout'];

export type JsonSchema = { [key: string]: unknown };

export interface TemplateStep {
  id: string;
  name?: string;
  action: string;
  if?: string;
  input?: Record<string, unknown>;
}

export interface TemplateEntity {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    title?: string;
    tags?: string[];
    [key: string]: unknown;
  };
  spec: {
    owner: string;
    type: string;
    parameters: JsonSchema[];
    steps: TemplateStep[];
    output: Record<string, unknown>;
  };
}

/** A fresh copy each call: the YAML aliases become plain, independent objects. */
export function loadTemplate(path: string = TEMPLATE_PATH): TemplateEntity {
  const text = readFileSync(path, 'utf8');
  return JSON.parse(JSON.stringify(parse(text))) as TemplateEntity;
}

export function stepById(template: TemplateEntity, id: string): TemplateStep {
  const step = template.spec.steps.find(s => s.id === id);
  if (!step) throw new Error(`template.yaml has no step "${id}"`);
  return step;
}
