/** kubectl checkErr for Invalid errors (pkg/cmd/util/helpers.go: statusCausesToAggrError + MultilineError). */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/cluster/errors.js';
import { formatApiError } from '../../../src/kubectl/errors.js';

const cause = (field: string, message: string) => ({ field, message, reason: 'FieldValueInvalid' }) as never;

describe('Invalid errors as kubectl prints them', () => {
  it('one cause on the line of the prefix', () => {
    const e = new ApiError('Invalid', 422, 'x', { kind: 'Deployment', name: 'web', causes: [cause('spec.replicas', 'Invalid value: -1: must be greater than or equal to 0')] });
    expect(formatApiError(e)).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });
  it('two or more: the prefix keeps its space, then one `* ` line each, repeats dropped', () => {
    const e = new ApiError('Invalid', 422, 'x', { kind: 'Deployment', name: 'web', causes: [cause('spec.selector', 'Required value'), cause('spec.selector', 'Required value'), cause('spec.template.spec.containers', 'Required value')] });
    expect(formatApiError(e)).toBe('The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template.spec.containers: Required value');
  });
  it('no causes', () => {
    expect(formatApiError(new ApiError('Invalid', 422, 'x', { kind: 'Deployment', name: 'web', causes: [] }))).toBe('The Deployment "web" is invalid');
  });
});
