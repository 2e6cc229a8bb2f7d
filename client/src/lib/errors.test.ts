import { describe, expect, it } from 'vitest';
import { errorOf, fieldKey, formErrors } from './errors.ts';

describe('fieldKey', () => {
  it('drops the input prefix and list indexes', () => {
    expect(fieldKey(['input', 'name'])).toBe('name');
    expect(fieldKey(['input', 'tagSlugs', '2'])).toBe('tagSlugs');
    expect(fieldKey(['email'])).toBe('email');
    expect(fieldKey(['input', 'address', 'city'])).toBe('address.city');
  });
});

describe('formErrors', () => {
  it('puts each field error beside its field', () => {
    const r = formErrors(
      {
        __typename: 'ValidationError',
        message: 'Invalid input',
        fieldErrors: [
          { path: ['input', 'name'], message: 'Too short.' },
          { path: ['input', 'prompt'], message: 'Required.' },
        ],
      },
      ['name', 'prompt'],
    );
    expect(r).toEqual({ fields: { name: 'Too short.', prompt: 'Required.' } });
  });

  it('keeps errors about fields the form does not show as a general message', () => {
    const r = formErrors(
      { message: 'Invalid input', fieldErrors: [{ path: ['input', 'projectId'], message: 'Unknown project.' }] },
      ['name'],
    );
    expect(r).toEqual({ fields: {}, general: 'Unknown project.' });
  });

  it('joins two errors on one field', () => {
    const r = formErrors(
      {
        message: 'x',
        fieldErrors: [
          { path: ['input', 'password'], message: 'Too short.' },
          { path: ['input', 'password'], message: 'Too common.' },
        ],
      },
      ['password'],
    );
    expect(r.fields.password).toBe('Too short. Too common.');
  });

  it(`uses a ConflictError path, and the message of errors without fields (any Error, e.g. \
GenerationLimitError)`, () => {
    expect(
      formErrors({ __typename: 'ConflictError', message: 'Email taken.', path: ['input', 'email'] }, ['email']),
    ).toEqual({
      fields: { email: 'Email taken.' },
    });
    expect(formErrors({ __typename: 'GenerationLimitError', message: 'Daily limit reached.' }, ['name'])).toEqual({
      fields: {},
      general: 'Daily limit reached.',
    });
  });

  it('is empty for nothing', () => {
    expect(formErrors(undefined, ['name'])).toEqual({ fields: {} });
  });
});

describe('errorOf', () => {
  it('tells a success from an error result', () => {
    expect(errorOf({ data: { id: '1' } })).toBeUndefined();
    expect(errorOf({ message: 'Not found', id: 'x' })).toEqual({ message: 'Not found', id: 'x' });
    expect(errorOf(null)).toBeUndefined();
  });
});
