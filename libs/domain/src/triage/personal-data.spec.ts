import { findPersonalData } from './personal-data.js';

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
  });

  it('finds nothing in a plain sentence with a year and a price', () => {
    expect(findPersonalData('In 2021 the ticket cost 45 euros.')).toEqual([]);
  });
});
