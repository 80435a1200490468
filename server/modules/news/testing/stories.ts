/** Stories of the fake news site used by API tests, browser tests and the text-pipeline benchmark. */
export interface Story {
  slug: string;
  title: string;
  summary: string;
  /** Hours before "now" it was published. */
  ageHours: number;
  author: string;
  paragraphs: string[];
}

const TRAM_PARAGRAPHS = [
  'After forty years of plans, petitions and three failed referendums, the city council of Eastbrook voted 31 to 9 on Tuesday night to build a 12-kilometre tram line between the central station and the university hospital.',
  'The line will cost 480 million euros, of which the national government has promised to pay 60 percent. Construction is due to start in April 2026, and the first trams should carry passengers in the autumn of 2029.',
  'Mayor Helen Stavros called the vote "the most important transport decision this city has made in a generation". Buses on the route are already full at rush hour, she said, and the hospital expects to add 2,000 jobs by the end of the decade.',
  'The new line will have 18 stops and run every six minutes during the day. City planners expect about 45,000 trips on an ordinary weekday, roughly twice the number of bus journeys on the same corridor today.',
  'Not everyone is convinced. Shop owners on Mill Street, where the tracks will run down the middle of the road, fear two years of building work will drive customers away. "We support public transport, but nobody has told us how we will survive the construction," said Tomas Berg, who runs a bakery near the planned Mill Street stop.',
  'The council has set aside 6 million euros for a compensation fund and promised that at least one lane will stay open to delivery vans at all times. Opposition councillors say the fund is far too small and want a guarantee written into the construction contract.',
  'Cyclists also raised concerns. The Eastbrook Cycling Union says tram rails are a known hazard for bicycle wheels and has asked for separate cycle lanes along the whole route. The transport department says protected lanes are planned for 9 of the 12 kilometres.',
  'The decision ends a debate that began in 1985, when the city tore up its last tram tracks to make room for cars. Since then, the population has grown from 210,000 to almost 340,000, and traffic on the main ring road has doubled.',
  'Transport researcher Dr Amira Haddad of Eastbrook University said the numbers behind the project look solid. "Cities of this size across Europe have seen tram lines pay for themselves in higher property values and fewer car journeys within fifteen years," she said. "The risk is not the idea, it is the budget. Tram projects often cost a third more than planned."',
  'To limit that risk, the council will split the work into three contracts and hire an independent engineer to check the costs every six months. Any overrun above 10 percent must go back to a council vote.',
  'The first contract, for moving water pipes and power cables under Mill Street, will be tendered this summer. The council expects to choose the tram manufacturer by early 2026, and says trams will be built to carry 250 passengers each, including space for prams and wheelchairs.',
  'Residents can see the route, the stops and the timetable for the building work at an exhibition in the town hall from next Monday. The council will also hold six public meetings along the route before the end of June, and an online map will let people leave comments on every stop.',
  'For students like Lena Okafor, who spends 50 minutes on two buses to reach her lectures at the hospital campus, the vote is long overdue. "My parents signed the first petition for this tram," she said. "I am glad I will get to ride it before I graduate — if they keep to the timetable."',
  'Whether they do will depend on the next twelve months. The national government must still sign the funding agreement, and a group of residents has said it will ask the courts to review the environmental assessment. The council says it is confident the plans will stand.',
  'The financing plan rests on three sources. Besides the national grant, the city will borrow 150 million euros over thirty years and expects the remaining 42 million to come from a new charge on large car parks in the city centre. Owners of the car parks have already said they will fight the charge.',
  'Ticket prices will be the same as on the buses, and a single ticket will be valid for 90 minutes on both. The council estimates that fares will cover about 55 percent of the running costs, which is close to the average for tram systems in similar cities.',
  'Environmental groups welcomed the vote but warned that the tram must not become an excuse to widen roads elsewhere. The local branch of Friends of the Earth said it would watch closely whether the council keeps its promise to close two lanes of the ring road to cars once the tram opens.',
  'The hospital itself has been one of the strongest supporters. Its director, Dr Paul Nyberg, said staff working night shifts often wait 40 minutes for a bus, and that many nurses now drive because they feel unsafe at empty stops. The tram stop at the main entrance will be staffed and lit through the night.',
  'Businesses along the rest of the route are more relaxed. The chamber of commerce says a survey of 140 shops found that two in three expect more customers once the tram runs, because people on foot and on trams tend to stop more often than people in cars. It has asked the council to keep the building work short by working in shifts at night where homes are not too close.',
  'Older residents remember the old trams fondly. "My grandfather drove the number 4 until the day it closed," said Ruth Almeida, 81, who came to the council chamber to watch the vote. "They said cars were the future. It took them forty years to change their minds."',
  'If everything goes to plan, the tram will be the first new rail line in the region since 1962. The council says it is already studying a second line to the western suburbs, which could follow in the 2030s if the first one proves its worth.',
];

const OCTOPUS_PARAGRAPHS = [
  'Octopuses appear to pass through two distinct stages of sleep, much like humans, according to a study of 30 animals published this week in the journal Marine Cognition.',
  'During "active sleep", which lasts about a minute and returns roughly every hour, the animals flash rapid waves of colour across their skin and twitch their eyes and arms. Researchers believe these episodes may be something like dreaming.',
  'The team, led by marine biologist Dr Sofia Reyes at the Lisbon Ocean Institute, filmed common octopuses in tanks for 14 nights. They found that animals woken during active sleep reacted more slowly than those woken during quiet sleep.',
  '"We cannot ask an octopus what it dreams about," Reyes said. "But the skin patterns it shows during active sleep look very much like the ones it uses when hunting or hiding while awake."',
  'The finding suggests that complex sleep evolved separately in animals with very different brains. Octopuses last shared an ancestor with humans more than 500 million years ago.',
];

const LIBRARY_PARAGRAPHS = [
  'The central library on Harbour Square reopened on Saturday after an 18-month renovation that added a rooftop reading room, a music studio and 400 new seats.',
  'More than 3,000 visitors came through the doors on the first day. The library now opens until 10 pm on weekdays, three hours later than before.',
  'Head librarian Jonas Weber said the building had been designed for quiet reading and had struggled to serve students who wanted to work together. The new ground floor has twelve group rooms that can be booked online.',
];

const MINUTES_PARAGRAPHS = [
  'The minutes of the planning committee meeting of 4 March are now available on the council website.',
  'The documents can also be read at the town hall reception during normal opening hours.',
];

const RUSSIAN_PARAGRAPHS = [
  'В Новосибирске открылся первый в городе крытый велопарк площадью 6 тысяч квадратных метров. Он работает круглый год и рассчитан на 300 посетителей одновременно.',
  'Строительство обошлось в 420 миллионов рублей, половину суммы выделил областной бюджет. Для школьников вход по будням бесплатный до 16 часов.',
  'Директор парка Ирина Соколова рассказала, что зимой велосипедистам в Сибири просто негде тренироваться. «Теперь сезон длится двенадцать месяцев, а не четыре», — сказала она.',
];

export const STORIES: Story[] = [
  {
    slug: 'eastbrook-tram-line',
    title: 'Eastbrook approves a 12 km tram line after 40 years of debate',
    summary: 'The city council voted 31 to 9 for a 480 million euro line between the station and the hospital; trams should run from 2029.',
    ageHours: 3,
    author: 'Marta Kowalska',
    paragraphs: TRAM_PARAGRAPHS,
  },
  {
    slug: 'octopus-sleep',
    title: 'Do octopuses dream? Scientists record two stages of sleep in 30 animals',
    summary: 'Flashing skin patterns during "active sleep" look like the colours octopuses show while hunting, researchers say.',
    ageHours: 30,
    author: 'Daniel Osei',
    paragraphs: OCTOPUS_PARAGRAPHS,
  },
  {
    slug: 'library-reopens',
    title: 'Central library reopens after renovation',
    summary: 'The building on Harbour Square has new opening hours.',
    ageHours: 24 * 9,
    author: 'Press office',
    paragraphs: LIBRARY_PARAGRAPHS,
  },
  {
    slug: 'committee-minutes',
    title: 'Planning committee minutes published',
    summary: 'The minutes are available on the website.',
    ageHours: 24 * 20,
    author: 'Council office',
    paragraphs: MINUTES_PARAGRAPHS,
  },
  {
    slug: 'novosibirsk-velopark',
    title: 'В Новосибирске открылся круглогодичный крытый велопарк',
    summary: 'Парк площадью 6 тысяч квадратных метров рассчитан на 300 посетителей; школьникам по будням вход бесплатный.',
    ageHours: 6,
    author: 'Анна Петрова',
    paragraphs: RUSSIAN_PARAGRAPHS,
  },
];

/** The tram story as plain text (about 1,000 words), for benchmarks. */
export const LONG_ARTICLE_TEXT = TRAM_PARAGRAPHS.join('\n\n');
