import fc from 'fast-check';
import { containsPersonalData, findPersonalData } from './personal-data.js';

describe('findPersonalData', () => {
  it.each<[string, string]>([
    ['call me on +49 30 12345678', 'phone'],
    ['ring +1 555 0199', 'phone'],
    ['mail jane.doe@example.org', 'email'],
    ['IBAN DE00 0000 0000 0000 0000 00', 'iban'],
    ['from 192.0.2.7', 'ip_address'],
    ['SSN 000-00-0000', 'id_number'],
    ['passport X1234567', 'id_number'],
    ['she lives at 21 Sample Street', 'address'],
    ['Beispielstraße 4, Musterstadt', 'address'],
  ])('%s → %s', (text, kind) => {
    expect(findPersonalData(text).map((found) => found.kind)).toContain(kind);
    expect(containsPersonalData(text)).toBe(true);
  });

  it('finds nothing in a plain sentence with a year and a price', () => {
    expect(findPersonalData('In 2021 the ticket cost 45 euros.')).toEqual([]);
    expect(containsPersonalData('In 2021 the ticket cost 45 euros.')).toBe(false);
  });

  it('containsPersonalData answers exactly whether findPersonalData finds anything', () => {
    // Fragments of every kind and of near misses, joined in any order.
    const fragment = fc.constantFrom(
      ' ', 'the ', 'Lane', ' street ', 'Hauptstraße', 'weg ', ' 12', '4b', '2021', '+', '+1 ', '555', '0199', '030 1234567', '(0)',
      '@', 'jane', '.org', 'x@y', 'DE00', ' 0000', '192.0.2.', '7', '000-00-', '0000', 'X1234567', 'ул. Ленина, д. ', 'شارع النيل ',
      '路', '号', 'मकान नं ', 'गली', '\n', '-', 'A', 'é',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 14 }), fc.constantFrom(undefined, 'en', 'de', 'ru', 'ar', 'zh', 'hi'), (parts, language) => {
        const text = parts.join('');
        expect(containsPersonalData(text, language)).toBe(findPersonalData(text, language).length > 0);
      }),
      { numRuns: 3000 },
    );
  });
});
