package lexicon

// given holds common given names across the languages rinse meets most,
// lower-case. Keep the list to unambiguous first names: words that are
// also common capitalized nouns ("Will", "Mark", "Grace", "Rose", "May",
// "Victoria", "Georgia", "Jordan") are left out.
var given = set(
	// English
	"james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
	"christopher", "daniel", "matthew", "anthony", "donald", "steven", "paul", "andrew", "joshua", "kenneth",
	"kevin", "brian", "george", "edward", "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob",
	"gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
	"samuel", "gregory", "alexander", "patrick", "jack", "dennis", "jerry", "tyler", "aaron", "henry",
	"peter", "harold", "douglas", "arthur", "neil", "barack", "bill", "hillary", "joe", "boris", "tony",
	"steve", "mike", "tom", "jim", "bob", "sam", "dan", "nick", "chris", "matt", "alex", "ben", "jeff", "greg",
	"margaret", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
	"karen", "nancy", "lisa", "betty", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
	"dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia",
	"maria", "anne", "kate", "lucy", "sara", "julie", "rachel", "hannah", "nicole", "heather",
	"kathleen", "amy", "angela", "anna", "emma", "olivia", "sophia", "isabella", "charlotte", "amelia",
	"jane", "alice", "helen", "catherine", "katherine", "julia", "diana", "kamala", "theresa", "angela",
	// German, Dutch, Scandinavian
	"hans", "klaus", "jürgen", "wolfgang", "helmut", "gerhard", "dieter", "stefan", "andreas", "markus",
	"matthias", "sebastian", "lukas", "tobias", "friedrich", "ludwig", "johann", "wilhelm", "heinrich", "karl",
	"ursula", "angelika", "sabine", "petra", "monika", "claudia", "susanne", "katrin", "annalena", "olaf",
	"jan", "pieter", "willem", "hendrik", "joost", "marieke", "sanne", "femke", "lars", "sven", "erik",
	"ingrid", "astrid", "henrik", "mette", "jens", "magnus", "nils",
	"rainer", "reiner", "uwe", "jörg", "jochen", "günter", "günther", "horst", "manfred", "werner",
	"bernd", "thorsten", "torsten", "volker", "ralf", "holger", "dirk", "detlef", "norbert", "herbert",
	"rolf", "gerd", "axel", "carsten", "lutz", "heiko", "björn", "florian", "philipp", "moritz",
	"jonas", "niklas", "maximilian", "christian", "christoph", "martin", "timo", "benedikt", "johannes",
	"jakob", "fabian", "julian", "dominik", "marcel", "sascha", "oliver", "kerstin", "birgit", "anja",
	"andrea", "heike", "silke", "stefanie", "christine", "christina", "martina", "gabriele", "renate",
	"gisela", "brigitte", "elke", "karin", "cornelia", "dagmar", "jutta", "ute", "bettina", "daniela",
	"nadine", "jana", "katharina", "franziska", "johanna", "lena", "leonie", "miriam", "carolin",
	"caroline", "nina", "tanja", "simone", "antje", "marion", "regina", "verena", "judith", "doris",
	"annette", "anke", "svenja", "swantje", "friederike", "alina", "clara", "klara", "marlene", "greta",
	// French, Italian, Spanish, Portuguese
	"jean", "pierre", "jacques", "françois", "emmanuel", "nicolas", "philippe", "michel", "louis", "marie",
	"sophie", "isabelle", "camille", "juliette", "giuseppe", "giovanni", "marco", "luca", "matteo", "alessandro",
	"giulia", "francesca", "chiara", "sergio", "silvio", "mario", "carlos", "juan", "josé", "luis",
	"miguel", "javier", "pedro", "pablo", "antonio", "manuel", "fernando", "alejandro", "lucía", "carmen",
	"isabel", "sofía", "joão", "luiz", "inácio", "ana", "beatriz", "gabriel", "rafael", "diego",
	// Slavic, Greek, Turkish, Arabic, Persian, Indian
	"vladimir", "sergei", "sergey", "dmitry", "mikhail", "nikita", "leonid", "ivan", "alexei", "volodymyr",
	"olga", "natalia", "tatiana", "svetlana", "irina", "yulia", "lech", "andrzej", "václav", "milan",
	"nikos", "giorgos", "recep", "mustafa", "ahmed", "mohammed", "muhammad", "ali", "hassan", "omar",
	"fatima", "aisha", "ayatollah", "hosni", "anwar", "gamal", "yasser", "narendra", "rahul", "indira",
	"jawaharlal", "mahatma", "priya", "amit", "sanjay",
	// East Asian and African names as written in English texts
	"xi", "hu", "deng", "mao", "zhou", "kim", "shinzo", "fumio", "yoshihide", "junichiro",
	"nelson", "kofi", "kwame", "jomo", "julius", "thabo", "jacob", "cyril", "ellen", "wangari",
)

// IsGiven reports whether w, lower-case, is a common given name.
func IsGiven(w string) bool { return given[w] }

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
