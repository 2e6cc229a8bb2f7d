// Transitional: the errors live in domain/errors.ts; import them from there.
export * from '../domain/errors.ts';
