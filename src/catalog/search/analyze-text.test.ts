import { describe, expect, it } from 'vitest';
import { analyzeWords, documentTerms } from './analyze-text.js';

const keys = (text: string) => analyzeWords(text).map((word) => word.key);

describe('analyzeWords', () => {
  it('lowercases, folds accents and full-width forms, and drops apostrophes', () => {
    expect(keys("Crème BRÛLÉE Women's ＴＥＡ")).toEqual(['creme', 'brulee', 'women', 'tea']);
  });

  it('folds plurals but keeps words that only look plural', () => {
    expect(keys('jackets boxes berries shoes glass cactus')).toEqual([
      'jacket',
      'box',
      'berry',
      'shoe',
      'glass',
      'cactus',
    ]);
  });

  it('joins a hyphenated word and keeps its parts', () => {
    const [word] = analyzeWords('Gore-Tex');
    expect(word).toMatchObject({ key: 'goretex', parts: ['gore', 'tex'] });
  });

  it('reads a number with a unit or measure word as the number', () => {
    expect(keys('26號 26 號 500ml 2 公升 3.5mm')).toEqual(['26', '26', '500', '2', '3.5']);
    expect(analyzeWords('500ml')[0]?.variants).toEqual(['500ml']);
  });

  it('keeps a size letter after a number as a word of its own', () => {
    expect(keys('30 L')).toEqual(['30', 'l']);
  });

  it('segments Traditional Chinese into words and splits it from Latin text', () => {
    expect(keys('防水外套')).toEqual(['防水', '外套']);
    expect(keys('XL外套')).toEqual(['xl', '外套']);
  });
});

describe('documentTerms', () => {
  it('adds bigrams and characters of Chinese text', () => {
    const terms = documentTerms('登山健行鞋');
    expect(terms).toEqual(expect.arrayContaining(['登山', '山健', '健行', '行鞋', '鞋']));
  });

  it('joins neighbouring letter words only when asked', () => {
    const joined: string[] = [];
    expect(documentTerms('Gore Tex Jacket A123', joined)).not.toContain('goretex');
    expect(joined).toEqual(['goretex', 'texjacket']);
    expect(documentTerms('Gore Tex')).toEqual(['gore', 'tex']);
  });
});
