/** Short articles for the CLI tests, one per language. */
export const ENGLISH_ARTICLE = `Copenhagen heats homes with the sea

The Danish capital has switched on one of the largest seawater heat pumps in Europe. The plant draws water from the harbour and feeds its warmth into the city's heating network.

Engineers say the pump can supply heat to 25,000 households and will cut emissions by 40,000 tonnes a year.
`;

export const RUSSIAN_ARTICLE = `Копенгаген отапливает дома морской водой

Столица Дании запустила один из крупнейших в Европе тепловых насосов на морской воде. Станция забирает воду из гавани и передаёт тепло в городскую сеть отопления.

По словам инженеров, насос обеспечит теплом 25 тысяч квартир и сократит выбросы на 40 тысяч тонн в год.
`;
