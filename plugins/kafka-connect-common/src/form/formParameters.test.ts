import { z } from 'zod';
import { formParameters } from './formParameters';
import { JsonSchema } from './jsonSchema';
import { templateWithParameters } from './templateParameters';

/** A small values schema with each shape the generator treats in its own way. */
const values = z.toJSONSchema(
  z.strictObject({
    name: z
      .string()
      .regex(/^[a-z]+$/)
      .meta({ title: 'Name', examples: ['a'] }),
    count: z.number().int().min(0).default(1),
    auth: z
      .discriminatedUnion('type', [
        z
          .strictObject({ type: z.literal('tls'), cert: z.string() })
          .meta({ title: 'TLS' }),
        z
          .strictObject({ type: z.literal('plain'), user: z.string() })
          .meta({ title: 'Plain' }),
      ])
      .optional(),
    section: z
      .strictObject({
        key: z.string(),
        list: z.array(z.string()).min(1),
        inner: z.strictObject({ id: z.string() }),
      })
      .optional(),
    items: z
      .array(
        z.strictObject({
          id: z.string(),
          kind: z.discriminatedUnion('type', [
            z.strictObject({ type: z.literal('a'), x: z.string() }),
            z.strictObject({ type: z.literal('b'), y: z.string() }),
          ]),
          one: z.string().optional(),
          two: z.number().optional(),
          list: z.array(z.string()).min(1),
        }),
      )
      .default([]),
    size: z.union([z.string(), z.number()]).optional(),
    map: z.record(z.string(), z.string()).default({}),
  }),
  { io: 'input' },
) as JsonSchema;

const LAYOUT = {
  pages: [
    { title: 'One', fields: ['name', 'count', 'auth'] },
    { title: 'Two', fields: ['section', 'items', 'size', 'map', 'where'] },
  ],
  choices: { 'items[]': ['one', 'two'] },
  ui: { name: { 'ui:autofocus': true }, 'items[].kind.x': { 'ui:help': 'X' } },
  formOnly: { where: { type: 'string', enum: ['here', 'there'] } },
};

const pages = formParameters(LAYOUT, values);
const field = (page: number, key: string) =>
  (pages[page].properties as Record<string, JsonSchema>)[key];

describe('formParameters', () => {
  it('lays the fields out on the pages, with the values required ones required', () => {
    expect(
      pages.map(p => [p.title, Object.keys(p.properties as object)]),
    ).toEqual([
      ['One', ['name', 'count', 'auth']],
      ['Two', ['section', 'items', 'size', 'map', 'where']],
    ]);
    expect(pages[0].required).toEqual(['name']);
    expect(pages[1].required).toBeUndefined();
    // The first page refuses names no page asks for.
    expect(pages[0].propertyNames).toEqual({
      enum: [
        'name',
        'count',
        'auth',
        'section',
        'items',
        'size',
        'map',
        'where',
      ],
    });
    expect(field(1, 'where')).toEqual(LAYOUT.formOnly.where);
  });

  it('keeps the constraints, titles, examples and scalar defaults; drops integer sentinels and object defaults', () => {
    expect(field(0, 'name')).toEqual({
      title: 'Name',
      type: 'string',
      pattern: '^[a-z]+$',
      examples: ['a'],
      'ui:autofocus': true,
    });
    expect(field(0, 'count')).toEqual({
      type: 'integer',
      minimum: 0,
      default: 1,
    });
    expect(field(1, 'map')).not.toHaveProperty('default');
    expect(field(1, 'items')).not.toHaveProperty('default');
  });

  it('offers an optional union as a choice that starts on None, with the discriminator hidden and filled in', () => {
    const auth = field(0, 'auth');
    expect(auth.type).toBe('object');
    expect(auth.propertyNames).toEqual({ enum: ['type', 'cert', 'user'] });
    const [none, tls, plain] = auth.oneOf as JsonSchema[];
    expect(none).toEqual({
      title: 'None',
      type: 'object',
      not: { required: ['type'] },
    });
    expect(tls).toEqual({
      title: 'TLS',
      type: 'object',
      required: ['type', 'cert'],
      properties: {
        // enum and default, not const: RJSF then writes the new value on a switch.
        type: {
          type: 'string',
          enum: ['tls'],
          default: 'tls',
          'ui:widget': 'hidden',
        },
        cert: { type: 'string' },
      },
    });
    // No option refuses unknown fields: a switch leaves the old option's fields undefined.
    expect(plain).not.toHaveProperty('additionalProperties');
    expect(plain.title).toBe('Plain');
  });

  it('asks nothing of an optional section: no required field, no minimum of items', () => {
    const section = field(1, 'section');
    expect(section).not.toHaveProperty('required');
    expect(section.additionalProperties).toBe(false);
    const properties = section.properties as Record<string, JsonSchema>;
    expect(properties.list).not.toHaveProperty('minItems');
    expect(properties.inner).not.toHaveProperty('required');
  });

  it('keeps what an item of a list requires, and turns a layout choice into options of one field each', () => {
    const item = field(1, 'items').items as JsonSchema;
    expect(item.required).toEqual(['id', 'kind', 'list']);
    const properties = item.properties as Record<string, JsonSchema>;
    expect(Object.keys(properties)).toEqual(['id', 'kind', 'list']);
    expect(properties.list.minItems).toBe(1);
    // A required union: no None option.
    expect((properties.kind.oneOf as JsonSchema[]).map(o => o.title)).toEqual([
      'a',
      'b',
    ]);
    expect(
      ((properties.kind.oneOf as JsonSchema[])[0].properties as JsonSchema).x,
    ).toEqual({ type: 'string', 'ui:help': 'X' });
    expect(item.propertyNames).toEqual({
      enum: ['id', 'kind', 'one', 'two', 'list'],
    });
    expect(item.oneOf).toEqual([
      {
        title: 'one',
        required: ['one'],
        properties: { one: { type: 'string' } },
      },
      {
        title: 'two',
        required: ['two'],
        properties: { two: { type: 'number' } },
      },
    ]);
  });

  it('titles the alternatives of a scalar union by their type', () => {
    expect(field(1, 'size')).toEqual({
      anyOf: [
        { title: 'Text', type: 'string' },
        { title: 'Number', type: 'number' },
      ],
    });
  });

  it('refuses a layout that disagrees with the schema, naming every problem', () => {
    expect(() =>
      formParameters(
        {
          ...LAYOUT,
          pages: [
            { title: 'One', fields: ['name', 'name', 'nope'] },
            { title: 'Two', fields: ['section'] },
          ],
          ui: { 'items[].nope': { 'ui:widget': 'hidden' } },
        },
        values,
      ),
    ).toThrow(
      [
        'form layout:',
        'name is on more than one page',
        'nope is on a page but neither a values field nor in formOnly',
        'count is on no page',
        'auth is on no page',
        'items is on no page',
        'size is on no page',
        'map is on no page',
        'where is on no page',
        'ui.items[].nope names no field of the values schema',
        'choices.items[] names no field of the values schema',
      ].join('\n'),
    );
    expect(() =>
      formParameters({ ...LAYOUT, ui: { name: { widget: 'x' } } }, values),
    ).toThrow('form layout: ui.name.widget');
  });

  it('is deterministic: the same schema and layout give the same pages', () => {
    expect(JSON.stringify(formParameters(LAYOUT, values))).toBe(
      JSON.stringify(pages),
    );
  });
});

describe('templateWithParameters', () => {
  const template = [
    '# head',
    'spec:',
    '  owner: me',
    '',
    '  parameters:',
    '    - title: old',
    '',
    '  steps:',
    '    # a comment that stays',
    '    - id: x',
    '',
  ].join('\n');

  it('rewrites the parameters and leaves every other line as it is', () => {
    const written = templateWithParameters(template, [
      { title: 'New', properties: { a: { type: 'string' } } },
    ]);
    expect(written).toContain('  owner: me\n\n  parameters:\n    # Generated');
    expect(written).toContain(
      '    - title: New\n      properties:\n        a: {type: string}\n\n  steps:\n    # a comment that stays\n    - id: x\n',
    );
    expect(written).not.toContain('old');
    expect(written.startsWith('# head\nspec:\n')).toBe(true);
    // Writing again changes nothing.
    expect(
      templateWithParameters(written, [
        { title: 'New', properties: { a: { type: 'string' } } },
      ]),
    ).toBe(written);
  });
});
