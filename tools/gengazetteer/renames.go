package main

// rename gives a country its common English name where the ISO catalogue
// name is a formal or inverted one, with the forms texts actually use.
type rename struct {
	name    string
	aliases []string
	typ     string // overrides "country" when set
}

// renames is keyed by ISO alpha-2 code. Each entry says what it fixes.
var renames = map[string]rename{
	"AQ": {name: "Antarctica", typ: "place"},                                                                    // a continent, not a state
	"AX": {name: "Åland Islands", aliases: []string{"Aland Islands"}},                                           // restore the diacritic
	"BL": {name: "Saint Barthélemy", aliases: []string{"Saint Barthelemy", "St. Barts"}},                        // diacritic; common short form
	"BN": {name: "Brunei", aliases: []string{"Brunei Darussalam"}},                                              // formal name
	"BQ": {name: "Bonaire, Sint Eustatius and Saba", aliases: []string{"Caribbean Netherlands"}},                // capitalization
	"CD": {name: "Democratic Republic of the Congo", aliases: []string{"DR Congo", "Congo-Kinshasa"}},           // short forms; bare "Congo" stays ambiguous
	"CG": {name: "Republic of the Congo", aliases: []string{"Congo-Brazzaville"}},                               // bare "Congo" is ambiguous
	"CI": {name: "Côte d'Ivoire", aliases: []string{"Cote d'Ivoire", "Ivory Coast"}},                            // diacritic; English name
	"CV": {name: "Cape Verde", aliases: []string{"Cabo Verde"}},                                                 // official name since 2013
	"CW": {name: "Curaçao", aliases: []string{"Curacao"}},                                                       // diacritic
	"CZ": {name: "Czech Republic", aliases: []string{"Czechia"}},                                                // the form most texts use
	"FK": {name: "Falkland Islands", aliases: []string{"Falklands", "Malvinas"}},                                // catalogue parentheses
	"FM": {name: "Micronesia", aliases: []string{"Federated States of Micronesia"}},                             // inverted catalogue name
	"GB": {name: "United Kingdom", aliases: []string{"United Kingdom of Great Britain and Northern Ireland"}},   // official name
	"GS": {name: "South Georgia and the South Sandwich Islands"},                                                // capitalization
	"HK": {name: "Hong Kong"},                                                                                   // catalogue parentheses
	"IM": {name: "Isle of Man"},                                                                                 // capitalization
	"IR": {name: "Iran", aliases: []string{"Islamic Republic of Iran"}},                                         // inverted catalogue name
	"KP": {name: "North Korea", aliases: []string{"Democratic People's Republic of Korea"}},                     // the name texts use
	"KR": {name: "South Korea", aliases: []string{"Republic of Korea"}},                                         // the name texts use
	"LA": {name: "Laos", aliases: []string{"Lao People's Democratic Republic"}},                                 // formal name
	"LY": {name: "Libya", aliases: []string{"Libyan Arab Jamahiriya"}},                                          // pre-2011 formal name
	"MD": {name: "Moldova", aliases: []string{"Republic of Moldova"}},                                           // inverted catalogue name
	"MF": {name: "Saint Martin", aliases: []string{"Collectivity of Saint Martin"}},                             // "French" suffix is catalogue-only
	"MK": {name: "North Macedonia", aliases: []string{"Republic of North Macedonia"}},                           // catalogue parentheses
	"MO": {name: "Macau", aliases: []string{"Macao"}},                                                           // catalogue parentheses
	"PN": {name: "Pitcairn Islands", aliases: []string{"Pitcairn"}},                                             // the name texts use
	"PS": {name: "Palestine", aliases: []string{"State of Palestine", "Palestinian Territories"}},               // catalogue parentheses
	"RE": {name: "Réunion", aliases: []string{"Reunion"}},                                                       // diacritic
	"RU": {name: "Russia", aliases: []string{"Russian Federation"}},                                             // the name texts use
	"SJ": {name: "Svalbard and Jan Mayen"},                                                                      // "Islands" is catalogue-only
	"ST": {name: "São Tomé and Príncipe", aliases: []string{"Sao Tome and Principe"}},                           // diacritics
	"SX": {name: "Sint Maarten"},                                                                                // "Dutch" suffix is catalogue-only
	"SY": {name: "Syria", aliases: []string{"Syrian Arab Republic"}},                                            // formal name
	"SZ": {name: "Eswatini", aliases: []string{"Swaziland"}},                                                    // renamed in 2018
	"TL": {name: "Timor-Leste", aliases: []string{"East Timor"}},                                                // catalogue parentheses
	"TR": {name: "Turkey", aliases: []string{"Türkiye"}},                                                        // official name since 2022
	"TW": {name: "Taiwan"},                                                                                      // catalogue parentheses
	"TZ": {name: "Tanzania", aliases: []string{"United Republic of Tanzania"}},                                  // inverted catalogue name
	"US": {name: "United States", aliases: []string{"United States of America"}},                                // official name
	"VA": {name: "Vatican City", aliases: []string{"Holy See", "Vatican City State"}},                           // catalogue parentheses
	"VG": {name: "British Virgin Islands"},                                                                      // inverted catalogue name
	"VI": {name: "United States Virgin Islands", aliases: []string{"U.S. Virgin Islands", "US Virgin Islands"}}, // inverted catalogue name
	"VN": {name: "Vietnam", aliases: []string{"Viet Nam"}},                                                      // UN spelling
	"WF": {name: "Wallis and Futuna", aliases: []string{"Wallis and Futuna Islands"}},                           // the name texts use
}
