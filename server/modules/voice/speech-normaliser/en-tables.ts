/** English reading tables: abbreviations, initialisms, currencies, units. */

/** Abbreviations with their period, as said. */
export const ABBREVIATIONS: Record<string, string> = {
  'Mr.': 'Mister', 'Mrs.': 'Missus', 'Ms.': 'Miz', 'Dr.': 'Doctor', 'Prof.': 'Professor', 'St.': 'Saint', 'Mt.': 'Mount', 'Jr.': 'Junior', 'Sr.': 'Senior',
  'Gov.': 'Governor', 'Sen.': 'Senator', 'Rep.': 'Representative', 'Gen.': 'General', 'Lt.': 'Lieutenant', 'Col.': 'Colonel', 'Sgt.': 'Sergeant', 'Capt.': 'Captain', 'Pres.': 'President',
  'vs.': 'versus', 'v.': 'versus', 'etc.': 'et cetera', 'e.g.': 'for example', 'i.e.': 'that is', 'approx.': 'approximately', 'est.': 'estimated', 'dept.': 'department',
  'Inc.': 'Incorporated', 'Ltd.': 'Limited', 'Corp.': 'Corporation', 'Co.': 'Company', 'Ave.': 'Avenue', 'Blvd.': 'Boulevard', 'Rd.': 'Road',
  'Jan.': 'January', 'Feb.': 'February', 'Mar.': 'March', 'Apr.': 'April', 'Aug.': 'August', 'Sept.': 'September', 'Sep.': 'September', 'Oct.': 'October', 'Nov.': 'November', 'Dec.': 'December',
  'a.m.': 'a m', 'p.m.': 'p m', 'No.': 'number',
};

/** Initialisms that are read as words. */
export const ACRONYM_WORDS = new Set(['NASA', 'NATO', 'UNESCO', 'UNICEF', 'OPEC', 'FIFA', 'NAFTA', 'COVID', 'AIDS', 'SCOTUS', 'ASEAN', 'LASER', 'RADAR', 'SWAT', 'OSHA', 'FEMA', 'ISIS', 'DARPA', 'NORAD', 'MERS', 'SARS', 'GIF', 'JPEG', 'ASAP', 'POTUS', 'FLOTUS', 'WASP', 'INTERPOL', 'EUROPOL', 'FRONTEX', 'UEFA', 'PIN', 'NIMBY', 'RAM', 'ROM']);

/** Capitalised words that are shouted, not initialisms: left as they are. */
export const SHOUTED_WORDS = /^(?:[A-Z]{4,})$/;

export const CURRENCY: Record<string, [string, string]> = {
  $: ['dollar', 'dollars'], US$: ['dollar', 'dollars'], '£': ['pound', 'pounds'], '€': ['euro', 'euros'], '¥': ['yen', 'yen'], '₽': ['ruble', 'rubles'], '₹': ['rupee', 'rupees'],
};
export const CURRENCY_CODES: Record<string, [string, string]> = { USD: ['dollar', 'dollars'], EUR: ['euro', 'euros'], GBP: ['pound', 'pounds'], RUB: ['ruble', 'rubles'], JPY: ['yen', 'yen'] };
export const CENTS: Record<string, [string, string]> = { $: ['cent', 'cents'], '€': ['cent', 'cents'], '£': ['penny', 'pence'] };

export const SCALE_WORDS: Record<string, string> = { k: 'thousand', K: 'thousand', m: 'million', M: 'million', mn: 'million', bn: 'billion', b: 'billion', B: 'billion', tn: 'trillion', million: 'million', billion: 'billion', trillion: 'trillion', thousand: 'thousand' };

export const UNITS: Record<string, [string, string]> = {
  km: ['kilometre', 'kilometres'], m: ['metre', 'metres'], cm: ['centimetre', 'centimetres'], mm: ['millimetre', 'millimetres'], mi: ['mile', 'miles'], ft: ['foot', 'feet'], in: ['inch', 'inches'],
  kg: ['kilogram', 'kilograms'], g: ['gram', 'grams'], mg: ['milligram', 'milligrams'], lb: ['pound', 'pounds'], lbs: ['pound', 'pounds'], oz: ['ounce', 'ounces'], t: ['tonne', 'tonnes'],
  l: ['litre', 'litres'], ml: ['millilitre', 'millilitres'], mph: ['mile per hour', 'miles per hour'], 'km/h': ['kilometre per hour', 'kilometres per hour'], kph: ['kilometre per hour', 'kilometres per hour'],
  'm/s': ['metre per second', 'metres per second'], h: ['hour', 'hours'], hr: ['hour', 'hours'], hrs: ['hours', 'hours'], min: ['minute', 'minutes'], s: ['second', 'seconds'], sec: ['second', 'seconds'], ms: ['millisecond', 'milliseconds'],
  GB: ['gigabyte', 'gigabytes'], MB: ['megabyte', 'megabytes'], TB: ['terabyte', 'terabytes'], KB: ['kilobyte', 'kilobytes'], GHz: ['gigahertz', 'gigahertz'], Ghz: ['gigahertz', 'gigahertz'], MHz: ['megahertz', 'megahertz'],
  kWh: ['kilowatt hour', 'kilowatt hours'], kW: ['kilowatt', 'kilowatts'], MW: ['megawatt', 'megawatts'], GW: ['gigawatt', 'gigawatts'], W: ['watt', 'watts'], V: ['volt', 'volts'],
  '°C': ['degree Celsius', 'degrees Celsius'], '°F': ['degree Fahrenheit', 'degrees Fahrenheit'], '°': ['degree', 'degrees'], 'km²': ['square kilometre', 'square kilometres'], 'm²': ['square metre', 'square metres'], ha: ['hectare', 'hectares'],
  fps: ['frame per second', 'frames per second'], FPS: ['frame per second', 'frames per second'],
};

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Words before a 4-digit number that make it a year. */
export const YEAR_CUES = new Set(['in', 'since', 'by', 'of', 'from', 'until', 'till', 'to', 'before', 'after', 'during', 'around', 'circa', 'early', 'late', 'mid', 'year', 'spring', 'summer', 'autumn', 'fall', 'winter', 'through', 'between', 'and', ...MONTHS]);

/** Words before a Roman numeral that make it a cardinal ("World War II" → "two"). */
export const ROMAN_CARDINAL_CUES = new Set(['war', 'part', 'chapter', 'volume', 'vol', 'phase', 'type', 'act', 'level', 'class', 'category', 'stage', 'book', 'title', 'article', 'bowl', 'apollo', 'mark', 'grade', 'season', 'episode', 'section', 'schedule', 'appendix', 'star']);

/** Words near "9/11" that mean the 2001 attacks rather than a fraction or a date. */
export const NINE_ELEVEN_CUES = /^(attacks?|terror\w*|since|after|post|pre|before|memorial|anniversary|commission|hijack\w*|victims?|responders?|families|towers?|twin|al-qaeda|qaeda|museum|era)$/;

export const SYMBOLS: Record<string, string> = { '&': 'and', '+': 'plus', '=': 'equals', '×': 'times', '@': 'at', '#': 'number', '~': 'about', '≈': 'about', '<': 'less than', '>': 'more than', '→': 'to', '/': 'or' };
