import { describe, expect, it } from 'vitest';
import { checkAgainstDeclared, decodePirt, samePirtNumber } from '#shared/scoring/pirt.ts';

describe('decodePirt', () => {
  it('decodes a number written with prefix, hyphen and spaces', () => {
    expect(decodePirt('P-IRT 2063507010123-29')).toEqual({
      valid: true,
      digits: '206350701012329',
      packagingCode: 2,
      packagingMaterial: 'plastic',
      foodTypeCode: '06',
      regionCode: '3507',
      productNumber: '01',
      irtpNumber: '0123',
      expiresYear: 2029,
      problems: [],
    });
  });

  it('accepts the usual ways of writing it', () => {
    for (const written of ['P-IRT No. 2063507010123-29', 'PIRT: 206350701012329', 'No. P-IRT 206 3507 01 0123 29', '2063507010123 29', 'p-irt no 2063507010123-29']) {
      expect(decodePirt(written).digits).toBe('206350701012329');
    }
  });

  it('maps packaging codes to materials', () => {
    const material = (code: number) => decodePirt(`${code}063507010123-29`).packagingMaterial;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(material)).toEqual(['glass', 'plastic', 'paper', 'metal', 'metal', 'other', 'composite', null]);
  });

  it('reports problems', () => {
    expect(decodePirt('').problems).toEqual(['empty']);
    expect(decodePirt('P-IRT').problems).toEqual(['empty']);
    expect(decodePirt('MD 235602169254').problems).toEqual(['not-digits']);
    expect(decodePirt('P-IRT 2063507010123').problems).toEqual(['wrong-length']);
    const unknown = decodePirt('9063507010123-29');
    expect(unknown.valid).toBe(false);
    expect(unknown.problems).toEqual(['unknown-packaging-code']);
    expect(decodePirt('2000507010123-29').problems).toEqual(['unknown-food-type', 'unknown-province']);
    const expired = decodePirt('2063507010123-24', { currentYear: 2026 });
    expect(expired.problems).toEqual(['expired']);
    expect(expired.valid).toBe(true);
  });
});

describe('checkAgainstDeclared', () => {
  it('flags a declared material that differs from the P-IRT code', () => {
    expect(checkAgainstDeclared(decodePirt('2063507010123-29'), 'plastic')).toEqual({ status: 'match', mismatch: false });
    expect(checkAgainstDeclared(decodePirt('1063507010123-29'), 'plastic')).toEqual({ status: 'mismatch', mismatch: true });
    expect(checkAgainstDeclared(decodePirt('5063507010123-29'), 'composite').status).toBe('match');
  });

  it('says unknown when it cannot tell', () => {
    expect(checkAgainstDeclared(decodePirt('2063507010123-29'), null).status).toBe('unknown');
    expect(checkAgainstDeclared(decodePirt('8063507010123-29'), 'paper').status).toBe('unknown');
    expect(checkAgainstDeclared(decodePirt('abc'), 'paper').status).toBe('unknown');
  });
});

describe('samePirtNumber', () => {
  it('compares digits, not formatting', () => {
    expect(samePirtNumber('P-IRT No. 2063507010123-29', '206350701012329')).toBe(true);
    expect(samePirtNumber('P-IRT No. 2063507010123-29', '2063507010123-30')).toBe(false);
    expect(samePirtNumber('', '')).toBe(false);
  });
});
