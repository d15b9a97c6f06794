import { plainErrors } from './plainErrors';

// The validator's errors for a Kafka page with the port left out and an artifact whose
// checksum was cut short (the artifact is a oneOf of the jar/zip/tgz/maven/other forms).
const errors = [
  {
    name: 'pattern',
    property: '.kafka.bootstrapServers',
    message:
      'must match pattern "^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?:[0-9]{1,5}$"',
    params: { pattern: '^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?:[0-9]{1,5}$' },
    schemaPath: '#/properties/kafka/properties/bootstrapServers/pattern',
    stack: '.kafka.bootstrapServers must match pattern "^[A-Za-z0-9]..."',
  },
  {
    name: 'pattern',
    property: '.plugins.0.artifacts.0.sha512sum',
    message: 'must match pattern "^[0-9a-f]{128}$"',
    params: { pattern: '^[0-9a-f]{128}$' },
    schemaPath:
      '#/properties/plugins/items/properties/artifacts/items/oneOf/0/properties/sha512sum/pattern',
    stack:
      '.plugins.0.artifacts.0.sha512sum must match pattern "^[0-9a-f]{128}$"',
  },
  {
    name: 'const',
    property: '.plugins.0.artifacts.0.type',
    message: 'must be equal to constant',
    params: { allowedValue: 'maven' },
    schemaPath:
      '#/properties/plugins/items/properties/artifacts/items/oneOf/3/properties/type/const',
    stack: '.plugins.0.artifacts.0.type must be equal to constant',
  },
  {
    name: 'oneOf',
    property: '.plugins.0.artifacts.0',
    message: 'must match exactly one schema in oneOf',
    params: { passingSchemas: null },
    schemaPath: '#/properties/plugins/items/properties/artifacts/items/oneOf',
    stack: '.plugins.0.artifacts.0 must match exactly one schema in oneOf',
  },
  {
    name: 'required',
    property: '.namespace',
    message: "must have required property 'namespace'",
    params: { missingProperty: 'namespace' },
    schemaPath: '#/required',
    stack: "must have required property 'namespace'",
  },
  {
    name: 'maxLength',
    property: '.description',
    message: 'must NOT have more than 1024 characters',
    params: { limit: 1024 },
    schemaPath: '#/properties/description/maxLength',
    stack: '.description must NOT have more than 1024 characters',
  },
];

describe('plainErrors', () => {
  const plain = plainErrors(errors);

  it('keeps one error per failing field: the oneOf itself, not its branches', () => {
    expect(plain.map(e => e.property)).toEqual([
      '.kafka.bootstrapServers',
      '.plugins.0.artifacts.0',
      '.namespace',
      '.description',
    ]);
  });

  it('says each in plain words, without schema keywords or patterns', () => {
    expect(plain.map(e => e.message)).toEqual([
      'is not written in the expected form',
      'does not match any of the accepted forms',
      'is required',
      'must be at most 1024 characters long',
    ]);
    for (const e of plain) {
      expect(`${e.message} ${e.stack}`).not.toMatch(
        /pattern|oneOf|schema|constant|property '|\^/,
      );
    }
  });

  it('still refuses whenever the validator refused', () => {
    expect(plainErrors([errors[1], errors[2], errors[3]])).toHaveLength(1);
  });
});
