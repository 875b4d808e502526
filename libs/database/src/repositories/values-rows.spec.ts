import { valuesRows } from './values-rows.js';

describe('valuesRows', () => {
  it('numbers the parameters row by row, with each column cast', () => {
    expect(valuesRows(2, ['uuid', '', 'bytea'])).toBe('($1::uuid, $2, $3::bytea), ($4::uuid, $5, $6::bytea)');
    expect(valuesRows(1, [''])).toBe('($1)');
  });
});
