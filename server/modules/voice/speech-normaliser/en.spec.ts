import { describe, expect, it } from 'vitest';
import { toSpeech } from './index.ts';

const CASES: Array<[string, string]> = [
  // numbers
  ['7 people', 'seven people'],
  ['13 cats', 'thirteen cats'],
  ['42 days', 'forty-two days'],
  ['100 runs', 'one hundred runs'],
  ['3,000 people', 'three thousand people'],
  ['1,234,567 votes', 'one million two hundred thirty-four thousand five hundred sixty-seven votes'],
  ['8.4 pounds', 'eight point four pounds'],
  ['-5 degrees', 'minus five degrees'],
  ['0 goals', 'zero goals'],
  // ordinals
  ['the 1st time', 'the first time'],
  ['her 22nd birthday', 'her twenty-second birthday'],
  ['the 3rd floor', 'the third floor'],
  ['the 100th day', 'the one hundredth day'],
  ['the 12th man', 'the twelfth man'],
  // years and decades
  ['In 2019, it rained.', 'In twenty nineteen, it rained.'],
  ['since 2005', 'since two thousand five'],
  ['in 1900', 'in nineteen hundred'],
  ['in 1066', 'in ten sixty-six'],
  ['in 1908', 'in nineteen oh eight'],
  ['the 1990s', 'the nineteen nineties'],
  ['the 80s', 'the eighties'],
  ['1,999 people', 'one thousand nine hundred ninety-nine people'],
  // dates
  ['on March 5', 'on March fifth'],
  ['on 5 March', 'on the fifth of March'],
  ['on Jan. 5, 2024', 'on January fifth, twenty twenty-four'],
  ['on 2/26/2015', 'on February twenty-sixth, twenty fifteen'],
  // times
  ['at 10:30', 'at ten thirty'],
  ['at 10:05', 'at ten oh five'],
  ['at 9:00', "at nine o'clock"],
  ['at 5pm', 'at five p m'],
  ['at 7:15 a.m. today', 'at seven fifteen a m today'],
  // money
  ['$5', 'five dollars'],
  ['$1', 'one dollar'],
  ['$9.99', 'nine dollars and ninety-nine cents'],
  ['$5 million', 'five million dollars'],
  ['$4.8 billion', 'four point eight billion dollars'],
  ['$150K', 'one hundred fifty thousand dollars'],
  ['£20', 'twenty pounds'],
  ['€3.50', 'three euros and fifty cents'],
  ['100 USD', 'one hundred dollars'],
  // percentages and ranges
  ['12%', 'twelve percent'],
  ['4.5%', 'four point five percent'],
  ['5-7%', 'five to seven percent'],
  ['5-7 days', 'five to seven days'],
  ['2019–2021', 'twenty nineteen to twenty twenty-one'],
  ['between 2019–2021', 'between twenty nineteen and twenty twenty-one'],
  // fractions and 9/11
  ['the 9/11 attacks', 'the nine eleven attacks'],
  ['after 9/11, everything changed', 'after nine eleven, everything changed'],
  ['1/2 cup', 'one half cup'],
  ['3/4 mile', 'three quarters mile'],
  ['2/3 of voters', 'two thirds of voters'],
  ['open 24/7', 'open twenty-four seven'],
  // units
  ['5 km', 'five kilometres'],
  ['1 km', 'one kilometre'],
  ['60 mph', 'sixty miles per hour'],
  ['21°C', 'twenty-one degrees Celsius'],
  ['12GB of RAM', 'twelve gigabytes of Ram'],
  ['2.3Ghz', 'two point three gigahertz'],
  // abbreviations and initialisms
  ['the U.S. army', 'the U S army'],
  ['in the U.K.', 'in the U K.'],
  ['Dr. Smith', 'Doctor Smith'],
  ['Mr. Mugabe', 'Mister Mugabe'],
  ['cats, dogs, etc. are pets', 'cats, dogs, et cetera are pets'],
  ['fruit, e.g. apples', 'fruit, for example apples'],
  ['the FBI said', 'the F B I said'],
  ['NASA launched', 'Nasa launched'],
  ['NATO members', 'Nato members'],
  ['the CEO said', 'the C E O said'],
  ['two CEOs', "two C E O's"],
  ['it was STOLEN', 'it was STOLEN'],
  ['Downing St. today', 'Downing Street today'],
  ['St. Louis', 'Saint Louis'],
  // Roman numerals
  ['World War II', 'World War two'],
  ['World War I ended', 'World War one ended'],
  ['Henry VIII', 'Henry the eighth'],
  ['Queen Elizabeth II', 'Queen Elizabeth the second'],
  ['Chapter IV', 'Chapter four'],
  ['I think so', 'I think so'],
  // symbols, URLs, compounds
  ['salt & pepper', 'salt and pepper'],
  ['H&M', 'H and M'],
  ['visit example.com today', 'visit example dot com today'],
  ['see https://www.mozilla.org/about', 'see mozilla dot org slash about'],
  ['a 30-minute drive', 'a thirty-minute drive'],
  ['a 22-year-old student', 'a twenty-two-year-old student'],
  ['COVID-19 cases', 'Covid nineteen cases'],
  ['No. 10', 'number ten'],
  ['#1 hit', 'number one hit'],
];

describe('English speech normalisation', () => {
  it('has at least 60 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(60));
  it.each(CASES)('%s → %s', (written, spoken) => {
    expect(toSpeech(written, 'en').spoken).toBe(spoken);
  });
});
