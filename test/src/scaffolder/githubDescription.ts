import Ajv, { ValidateFunction } from 'ajv';
import { readFileSync } from 'fs';
import { JsonSchema } from './templateFile';

/**
 * GitHub's published REST description (the npm package @octokit/openapi, api.github.com):
 * finds the operation of a request by method and path template, checks request and response
 * bodies against the operation's schemas, and hands out the operation's documented examples.
 */

type Parameter = {
  $ref?: string;
  name?: string;
  in?: string;
  'x-multi-segment'?: boolean;
};

type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses: Record<
    string,
    {
      content?: Record<
        string,
        {
          schema?: JsonSchema;
          examples?: Record<string, { $ref?: string; value?: unknown }>;
        }
      >;
    }
  >;
};

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  literalSegments: number;
  operation: Operation;
}

interface Description {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head'];

export class GitHubDescription {
  private readonly routes: Route[];
  private readonly ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
  });
  private readonly validators = new Map<string, ValidateFunction>();

  private constructor(private readonly spec: Description) {
    this.routes = Object.entries(spec.paths).flatMap(([template, item]) =>
      METHODS.filter(m => item[m]).map(method => {
        const segments = template.split('/').filter(Boolean);
        const multiSegment = this.multiSegmentParameters(item[method]);
        // A parameter marked x-multi-segment (a file path, a ref) may hold slashes:
        // GET /repos/{owner}/{repo}/contents/{path} with path a/b/c.yaml.
        const source = segments
          .map(s => {
            if (!s.startsWith('{')) return escape(s);
            return multiSegment.has(s.slice(1, -1)) ? '.+' : '[^/]+';
          })
          .join('/');
        return {
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^/${source}$`),
          literalSegments: segments.filter(s => !s.startsWith('{')).length,
          operation: item[method],
        };
      }),
    );
  }

  /** The operation's path parameters that the description marks x-multi-segment. */
  private multiSegmentParameters(operation: Operation): Set<string> {
    return new Set(
      (operation.parameters ?? [])
        .map(p => (p.$ref ? (this.resolve(p.$ref) as Parameter) : p))
        .filter(p => p.in === 'path' && p['x-multi-segment'])
        .map(p => p.name!),
    );
  }

  static load(): GitHubDescription {
    const file = require.resolve(
      '@octokit/openapi/generated/api.github.com.json',
    );
    return new GitHubDescription(JSON.parse(readFileSync(file, 'utf8')));
  }

  /** The operation a request is, the most specific template first (literal beats {param}). */
  find(
    method: string,
    pathname: string,
  ): { operationId: string; template: string } | undefined {
    const route = this.route(method, pathname);
    return (
      route && {
        operationId: route.operation.operationId,
        template: route.template,
      }
    );
  }

  /** Problems of a request body against the operation's schema; [] when it fits. */
  checkRequest(method: string, pathname: string, body: unknown): string[] {
    const route = this.route(method, pathname);
    const schema =
      route?.operation.requestBody?.content?.['application/json']?.schema;
    if (!route || !schema)
      return body === undefined
        ? []
        : [`${method} ${pathname} takes no JSON body`];
    return this.check(`${route.template} ${method} request`, schema, body);
  }

  /** Problems of a response body against the operation's schema for that status. */
  checkResponse(
    method: string,
    pathname: string,
    status: number,
    body: unknown,
  ): string[] {
    const route = this.route(method, pathname);
    const schema =
      route?.operation.responses[String(status)]?.content?.['application/json']
        ?.schema;
    if (!route || !schema)
      return [`${method} ${pathname} documents no JSON response ${status}`];
    return this.check(`${route.template} ${method} ${status}`, schema, body);
  }

  /** The first documented example of the operation's response with that status. */
  example<T = Record<string, any>>(
    method: string,
    pathname: string,
    status: number,
  ): T {
    const route = this.route(method, pathname);
    const examples =
      route?.operation.responses[String(status)]?.content?.['application/json']
        ?.examples ?? {};
    const first = Object.values(examples)[0];
    const value = first?.$ref
      ? (this.resolve(first.$ref) as { value: unknown }).value
      : first?.value;
    if (value === undefined)
      throw new Error(`no example for ${method} ${pathname} ${status}`);
    return structuredClone(value) as T;
  }

  private route(method: string, pathname: string): Route | undefined {
    return this.routes
      .filter(r => r.method === method && r.pattern.test(pathname))
      .sort((a, b) => b.literalSegments - a.literalSegments)[0];
  }

  private check(key: string, schema: JsonSchema, body: unknown): string[] {
    let validate = this.validators.get(key);
    if (!validate) {
      // The schema with the components it refers to, so that its "#/components/..." refs resolve.
      validate = this.ajv.compile(
        fromOpenApi({
          allOf: [schema],
          components: this.componentsFor(schema),
        }) as JsonSchema,
      );
      this.validators.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      e => `${key}: ${e.instancePath || '(body)'} ${e.message}`,
    );
  }

  private componentsFor(
    schema: unknown,
  ): Record<string, Record<string, unknown>> {
    const picked: Record<string, Record<string, unknown>> = {};
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') {
            const [, , section, name] = value.split('/');
            if (!picked[section]?.[name]) {
              (picked[section] ??= {})[name] = this.resolve(value);
              visit(picked[section][name]);
            }
          } else visit(value);
        }
      }
    };
    visit(schema);
    return picked;
  }

  private resolve(ref: string): unknown {
    const [, , section, name] = ref.split('/');
    const target = this.spec.components[section]?.[name];
    if (target === undefined) throw new Error(`unresolvable ${ref}`);
    return target;
  }
}

/** OpenAPI 3.0's `nullable: true` in JSON Schema terms: the schema, or null. */
function fromOpenApi(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fromOpenApi);
  if (!node || typeof node !== 'object') return node;
  const nullable = (node as JsonSchema).nullable === true;
  const converted = Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !(nullable && key === 'nullable'))
      .map(([key, value]) => [key, fromOpenApi(value)]),
  );
  return nullable ? { anyOf: [converted, { type: 'null' }] } : converted;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
