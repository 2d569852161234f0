/** The explain helpers on hand-made schemas: go-wordwrap's edge cases, typeGuess, enums and cycles. */
import { describe, expect, test } from 'vitest';
import { explainBody, typeGuess, type SchemaDocument } from '../../../src/kubectl/explain/render.js';
import { wrapString } from '../../../src/kubectl/explain/wrap.js';

describe('wrapString (go-wordwrap v1.0.1)', () => {
  test.each([
    ['foo bar baz', 3, 'foo\nbar\nbaz'],
    ['foo bar baz', 7, 'foo bar\nbaz'],
    ['a verylongword b', 4, 'a\nverylongword\nb'],
    ['keep\n\nparagraphs apart', 10, 'keep\n\nparagraphs\napart'],
    ['trailing   ', 8, 'trailing'],
  ])('%j at %i', (text, limit, want) => {
    expect(wrapString(text, limit)).toBe(want);
  });
});

const DOC: SchemaDocument = {
  Root: { description: 'Root.', type: 'object', properties: { self: { allOf: [{ $ref: '#/components/schemas/Root' }] }, mode: { type: 'string', enum: ['', 'A', 'B', 'C', 'D', 'E'] }, tags: { type: 'object', additionalProperties: { type: 'string' } }, when: { allOf: [{ $ref: '#/components/schemas/Time' }], description: 'When.' } }, required: ['mode'] },
  Time: { type: 'string', description: 'Time is a string.' },
};

describe('render', () => {
  test('types: refs to objects by name, refs to strings by type, maps', () => {
    expect(typeGuess(DOC.Root.properties!.self, DOC)).toBe('Root');
    expect(typeGuess(DOC.Root.properties!.when, DOC)).toBe('string');
    expect(typeGuess(DOC.Root.properties!.tags, DOC)).toBe('map[string]string');
  });
  test('short enum list cut after four, `""` for the empty value, -required-', () => {
    expect(explainBody(DOC.Root, [], false, DOC)).toContain('  mode\t<string> -required-\n  enum: "", A, B, C, ....\n');
  });
  test('long enum view and recursion stops at a cycle', () => {
    expect(explainBody(DOC.Root, ['mode'], false, DOC)).toBe('FIELD: mode <string>\nENUM:\n    ""\n    A\n    B\n    C\n    D\n    E\n\nDESCRIPTION:\n    <empty>\n\n');
    expect(explainBody(DOC.Root, [], true, DOC).match(/self/g)).toHaveLength(2);
  });
  test('a missing field names the last path element', () => {
    expect(() => explainBody(DOC.Root, ['nope', 'deeper'], false, DOC)).toThrow('error: field "deeper" does not exist');
  });
});
