import { ValidateIf } from 'class-validator';

/**
 * Checks a field whenever it is sent, `null` included. `@IsOptional()` skips the checks for null
 * as well as for an absent field, so a `null` sent for a field that cannot be null would reach
 * the database instead of answering 400 naming it.
 */
export const IfPresent = (): PropertyDecorator => ValidateIf((_dto: object, value: unknown) => value !== undefined);
