import { afterEach, describe, expect, it } from 'vitest';
import { eolToday, setEolToday } from '../src/checks/_lib/eol.js';

afterEach(() => {
  delete process.env.TETRAD_TODAY;
  setEolToday();
});

describe('eolToday (kept between calls)', () => {
  it('is the UTC date, follows TETRAD_TODAY as it changes, and ignores an invalid value', () => {
    delete process.env.TETRAD_TODAY;
    expect(eolToday()).toBe(new Date().toISOString().slice(0, 10));
    process.env.TETRAD_TODAY = '2030-01-15';
    expect(eolToday()).toBe('2030-01-15');
    process.env.TETRAD_TODAY = '2031-02-01';
    expect(eolToday()).toBe('2031-02-01');
    process.env.TETRAD_TODAY = 'soon';
    expect(eolToday()).toBe(new Date().toISOString().slice(0, 10));
    setEolToday('2020-05-05');
    expect(eolToday()).toBe('2020-05-05');
  });
});
