import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** The body of every 400: the offending fields named, nested ones dotted. */
export interface ValidationErrorBody {
  statusCode: 400;
  error: 'Bad Request';
  message: string;
  fields: Record<string, string[]>;
}

export function validationErrorBody(fields: Record<string, string[]>): ValidationErrorBody {
  return { statusCode: 400, error: 'Bad Request', message: `Validation failed: ${Object.keys(fields).join(', ')}`, fields };
}

/** class-validator's error tree flattened to `{ "a.b": [problems] }`. */
export function collectFields(errors: ValidationError[], parent = '', into: Record<string, string[]> = {}): Record<string, string[]> {
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const problems = Object.values(error.constraints ?? {});
    if (problems.length > 0) (into[path] ??= []).push(...problems);
    if (error.children?.length) collectFields(error.children, path, into);
  }
  return into;
}

export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  const fields = collectFields(errors);
  if (Object.keys(fields).length === 0) fields.body = ['is invalid'];
  return new BadRequestException(validationErrorBody(fields));
}

/** Unknown properties are refused, not silently dropped, so a typo never goes unnoticed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: validationExceptionFactory,
  });
}
