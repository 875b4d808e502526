import { registerDecorator, type ValidationOptions } from 'class-validator';
import { canonicalLocale, isTimeZone } from '@casework/domain';

/** A BCP 47 language tag such as "en" or "pt-BR" (the DTO's transform canonicalises it). */
export function IsLocaleTag(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocaleTag',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a BCP 47 language tag such as "en" or "pt-BR"', ...options },
      validator: { validate: (value: unknown) => canonicalLocale(value) !== null },
    });
}

export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone such as "Europe/Berlin"', ...options },
      validator: { validate: (value: unknown) => isTimeZone(value) },
    });
}
