/**
 * Strings that try to break out of the place a value lands in: a shell line, a YAML
 * document, a Helm template, the Backstage template engine, a Kafka config reference.
 * `marker` is a path in a fresh temporary folder: a payload that ran would create it.
 */
export interface HostileString {
  family: string;
  value: string;
}

export function hostileStrings(marker: string): HostileString[] {
  return [
    { family: 'newline', value: 'first line\nsecond: line' },
    { family: 'carriage return', value: 'a\r\nkind: Secret' },
    { family: 'command substitution', value: `$(touch ${marker})` },
    { family: 'shell redirect', value: `x; : >${marker}; #` },
    { family: 'backticks', value: `\`touch ${marker}\`` },
    { family: 'single quote', value: "it's 'quoted'" },
    { family: 'double quote', value: 'say "hi" \\" end' },
    { family: 'document separator', value: '---' },
    { family: 'embedded document', value: 'a\n---\nkind: Secret\n...' },
    { family: 'comment', value: '# not a comment' },
    { family: 'trailing comment', value: 'value #comment' },
    { family: 'helm', value: '{{ .Values.x }}' },
    { family: 'backstage template', value: '${{ parameters.x }}' },
    { family: 'kafka config reference', value: '${env:X}' },
    { family: 'yaml boolean', value: 'yes' },
    { family: 'yaml null', value: '~' },
    { family: 'yaml flow and anchors', value: '[a, *b, &c !!binary d]: {e}' },
    { family: 'very long', value: 'x'.repeat(10_000) },
    { family: 'non-ASCII', value: 'grüße 日本語' },
    { family: 'right-to-left', value: 'שלום \u202Eevil\u202C عربى' },
    { family: 'NUL', value: 'a\u0000b' },
    { family: 'emoji', value: '🚀🔥👩‍👩‍👧' },
  ];
}
