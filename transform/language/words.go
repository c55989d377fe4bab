package language

import "strings"

// functionWords lists, for languages that share a script with others,
// very frequent function words (articles, pronouns, prepositions,
// conjunctions, auxiliaries), lower-case, space-separated. A word may appear under several
// languages; only words that one language uses and its rival does not
// tell them apart, so close relatives carry their distinguishing forms.
// Elisions ("l'", "d'", "qu'") are split at the apostrophe, hence the
// one-letter entries.
var functionWords = []struct {
	lang   string
	script script
	words  string
}{
	// English.
	{"en", scriptLatin, "the of and to a in is that for it was on with as are be by at this from have not or but an " +
		"they which his her their has had were been will would who its also more than can there said " +
		"after about into when what we you he she them our one all new so if out"},
	// German: der/die/das family, dass/daß, und, nicht.
	{"de", scriptLatin, "der die das und ist nicht ein eine einer eines einem einen zu den dem des mit sich auf für " +
		"von im in auch es sie er wir ich wird werden wurde wurden hat haben sind war bei aus nach noch " +
		"wie aber oder nur als dass daß über um so wenn man kann schon durch vor zum zur diese dieser " +
		"dieses sein seine ihre mehr an"},
	// French, with the elided l' d' qu' n' c' j'.
	{"fr", scriptLatin, "le la les de des du et un une est que qui dans pour pas sur au aux il elle ils ne se ce " +
		"cette par plus avec son sa ses sont été être a ont mais ou comme tout nous vous leur leurs aussi " +
		"où même entre après très fait peut d l qu n c j"},
	// Spanish: y, los/las, del, está, muy; rivals Portuguese and Catalan.
	{"es", scriptLatin, "el la los las de del y a en que es un una por con para no se su sus al lo como más pero este " +
		"esta está están son fue ha han muy sin sobre entre también hasta desde cuando donde porque ya " +
		"o le les nos ser hay todo todos otro otros dos años"},
	// Portuguese: não, são, em, um/uma, do/da, ao, à; rivals Spanish.
	{"pt", scriptLatin, "o a os as de do da dos das e em no na nos nas um uma que é para com por não se mais como " +
		"mas ao aos à pelo pela foi são ser está seu sua seus suas também muito já entre quando sobre " +
		"ou isso este esta ele ela eles há tem até depois onde"},
	// Italian: il, della, che, è, non, sono, anche.
	{"it", scriptLatin, "il lo la i gli le di a del della dei delle degli da dal dalla in nel nella con per su sul " +
		"sulla un una uno e è che non si sono ha anche come più ma ci questo questa essere stato stata " +
		"tra fra dopo ancora molto al alla alle ai anni loro l d"},
	// Dutch: het, een, niet, zijn, wordt; rivals Afrikaans and German.
	{"nl", scriptLatin, "de het een en van in is op te dat die niet met voor zijn er aan als ook maar bij door om of " +
		"naar dan uit wordt worden werd was heeft hebben zal nog over ze we ik hij zij wat geen deze " +
		"dit al kan meer tot"},
	// Afrikaans: nie, vir, hulle, sal, ek; rivals Dutch.
	{"af", scriptLatin, "die en van is in het nie te sy hy ook om vir met dat op aan as by was na deur of hulle maar " +
		"sal kan ek jy uit tot al baie dit dan"},
	// Swedish: och, att, är, inte, för, från; rivals Danish and Norwegian.
	{"sv", scriptLatin, "och i att det som en ett på är av för med till den har de inte om var sig men också efter " +
		"så kan vid han hon från eller under när mot skulle vara detta sina sin hade bara nu vi jag " +
		"mycket andra alla blir blev"},
	// Danish: af, efter, sig, meget, bliver, hvad, mellem; rivals Norwegian.
	{"da", scriptLatin, "og i at det som en et på er af for med til den har de ikke om var sig men også efter så kan " +
		"ved han hun fra eller under når mod skulle være dette sine sin havde kun nu vi jeg meget andre " +
		"alle blev bliver hvor hvad mellem nogle noget"},
	// Norwegian Bokmål: av, etter, seg, mye, ble, hva, mellom; rivals Danish.
	{"nb", scriptLatin, "og i at det som en et på er av for med til den har de ikke om var seg men også etter så kan " +
		"ved han hun fra eller under når mot skulle være dette sine sin hadde bare nå vi jeg mye andre " +
		"alle ble blir hvor hva mellom noen noe"},
	// Finnish: ja, on, ei, että, oli; rivals Estonian.
	{"fi", scriptLatin, "ja on ei se että oli ovat olla hän kun mutta myös tai sen joka jotka kanssa vuonna mukaan " +
		"sekä niin kuin jo nyt vain tämä tämän siitä sitä hänen ole olisi voi mitä kaikki ennen " +
		"jälkeen yli noin jos vielä koska eli"},
	// Estonian: ja, see, et, ning, kõik; rivals Finnish.
	{"et", scriptLatin, "ja on ei see et oli ka kui mis ta oma nii aga ning või seda selle pole veel kõik pärast üle " +
		"mille kes olid olnud siis juba nagu vaid tuleb saab peab koos kuid mida sest ma me nad tema"},
	// Polish: się, nie, że, jest, przez.
	{"pl", scriptLatin, "i w na z się nie do to że jest o jak ale od po co a za przez dla tak jego jej są był była " +
		"było być już lub oraz ich tylko może jednak także który która które przy bardzo ten ta tym " +
		"też jeszcze będzie gdy więc roku"},
	// Czech: se, jsou, být, které, podle, když; rivals Slovak.
	{"cs", scriptLatin, "a v se na je že to s z do o k jako pro by ale jsou jeho byl byla bylo být které který " +
		"která podle také jen už když mezi při nebo tak již jejich není bude až jsem či však má před " +
		"než více tím tento této"},
	// Slovak: sa, sú, byť, ktoré, podľa, keď, aj; rivals Czech.
	{"sk", scriptLatin, "a v sa na je že to s z do o k ako pre by ale sú jeho bol bola bolo byť ktoré ktorý ktorá " +
		"podľa tiež len už keď medzi pri alebo tak ich nie bude až som či však má pred než viac tým " +
		"tento tejto aj sme"},
	// Hungarian: a/az, és, hogy, nem, van.
	{"hu", scriptLatin, "a az és hogy nem is egy van volt meg csak de már el ki mint még ez azt ezt sem vagy lesz " +
		"lehet fel után kell között minden szerint pedig mert így majd nagyon amely aki amit akkor " +
		"most évben le"},
	// Romanian, with both comma-below and legacy cedilla ș/ț spellings.
	{"ro", scriptLatin, "și şi de la în a cu pe nu că o un care din este sunt să se au mai al ale pentru fost sau " +
		"dar ca prin după între ce lui fi va fără foarte acest această aceasta acum când iar despre " +
		"doar ei el ea"},
	// Turkish: ve, bir, bu, için, ile.
	{"tr", scriptLatin, "ve bir bu da de için ile olarak çok daha olan gibi en ama ne kadar sonra var yok o ise göre " +
		"her şey kendi değil ancak veya ki mi olduğu oldu diye tüm iki yılında ayrıca başka sadece hem"},
	// Indonesian: tidak, bahwa, karena, bisa, uang; rivals Malay.
	{"id", scriptLatin, "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke adalah oleh tersebut " +
		"bisa karena bahwa ada saat sudah telah kami mereka tetapi hanya seperti lebih harus belum " +
		"kepada atau namun agar setelah yaitu saja uang pemerintah mau tapi"},
	// Malay: kerana, bahawa, boleh, iaitu, selepas; rivals Indonesian.
	{"ms", scriptLatin, "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke adalah oleh boleh " +
		"kerana bahawa ada ketika sudah telah kami mereka tetapi hanya seperti lebih mesti belum " +
		"kepada atau namun supaya selepas iaitu sahaja wang kerajaan mahu ialah daripada"},
	// Catalan: els, amb, és, però, aquest, també; rivals Spanish.
	{"ca", scriptLatin, "el la els les de del i a en que és un una per amb no es va al als com més però aquest " +
		"aquesta també hi ha fins quan on perquè ja o li ser tot molt seu seva seus d l dels pel " +
		"sobre entre"},
	// Croatian (ijekavian): što, tijekom, vrlo, uvijek, gdje; rivals Serbian.
	{"hr", scriptLatin, "je i u na da se su za od s koji koja koje što kako ali ili će bi biti nije sve samo bio " +
		"bila kao po iz o to još godine prema nakon više tijekom vrlo uvijek tisuća gdje ovdje " +
		"poslije kada jer te već ima"},
	// Serbian in Latin letters (ekavian): šta, tokom, veoma, uvek, gde.
	{"sr", scriptLatin, "je i u na da se su za od s koji koja koje šta kako ali ili će bi biti nije sve samo bio " +
		"bila kao po iz o to još godine prema nakon više tokom veoma uvek hiljada gde ovde posle " +
		"kada jer te već ima"},
	// Slovenian: in, ki, tudi, pa, zelo, kjer; rivals Croatian.
	{"sl", scriptLatin, "je in v na da se so za od s z ki ko kot pa ali tudi bi biti ni vse samo bil bila po iz o " +
		"to še leta pri več zelo kjer ker že ima lahko med ter sem smo bo bodo tega"},
	// Latvian: un, ir, arī, kas, bija.
	{"lv", scriptLatin, "un ir ar par no uz kas ka tas bet arī vai lai to tā bija būs kā pēc līdz tikai jau vēl " +
		"nav var starp šajā šis šī viņš viņa viņi tika tiek kad gan"},
	// Lithuanian: ir, yra, kad, iš, į, buvo.
	{"lt", scriptLatin, "ir yra kad su iš į kaip bet tai jo jos ar nuo per apie dėl buvo bus tik jau dar kur kas ne " +
		"taip pat po prie labai arba savo juos šis ši tačiau kuris kuri metų"},
	// Vietnamese, precomposed: và, của, là, không, được, những.
	{"vi", scriptLatin, "và của là có không được trong cho những người một các đã với này khi để đến ra cũng như " +
		"từ về thì tại sẽ theo nhiều nhưng vào năm đó bị hơn làm nên nói lại"},
	// Esperanto: kaj, estas, ankaŭ, ĉu, tiu; its Romance roots pull it
	// toward Spanish and Italian otherwise.
	{"eo", scriptLatin, "la kaj de en estas al ne por ke kun ĉu sed pli tiu tio tiuj unu li ŝi ili mi vi ni " +
		"ankaŭ estis estos povas post antaŭ inter el da sur pri ĉi oni nur jam ĉiuj iu"},
	// Russian: что, это, был, только, который; rivals Ukrainian, Belarusian.
	{"ru", scriptCyrillic, "и в не на что с по это как он она они к но из у за от о же так все его ее её был " +
		"была было были быть для уже или бы только мы вы я когда если до при также может есть чтобы " +
		"этого этом который которые которая году после более очень"},
	// Ukrainian: і, що, він, від, був, який, дуже; rivals Russian.
	{"uk", scriptCyrillic, "і й в у не на що з по це як він вона вони до але із від о за так все його її був " +
		"була було були бути для вже або б тільки ми ви я коли якщо при також може є щоб цього який " +
		"які яка році після більш дуже та"},
	// Belarusian: ў, гэта, ён, быў, вельмі; rivals Russian and Ukrainian.
	{"be", scriptCyrillic, "і ў не на што з па гэта як ён яна яны да але ад аб за так усе яго яе быў была " +
		"было былі для ужо або толькі мы вы я калі пры таксама можа ёсць каб гэтага які якія якая " +
		"годзе пасля больш вельмі"},
	// Bulgarian: че, това, като, беше, ще, във; rivals Macedonian.
	{"bg", scriptCyrillic, "и в не на че с по това като той тя те към но от за о така всички го беше бяха " +
		"са е се да ще или само ние вие аз когато ако при също може има който които която година " +
		"след повече много във със"},
	// Macedonian: дека, во, ова, ќе, многу; rivals Bulgarian and Serbian.
	{"mk", scriptCyrillic, "и во не на дека со по ова како тој таа тие кон но од за така сите го беше беа " +
		"се е да ќе или само ние вие јас кога ако при исто може има кој кои која година повеќе многу"},
	// Serbian in Cyrillic letters: који, шта, није, јер, још.
	{"sr", scriptCyrillic, "и у не на да се су за од с који која које шта како али или ће би бити није све " +
		"само био била као по из о то још године према након више током веома увек где овде после " +
		"када јер те већ има"},
	// Arabic: في, من, على, إلى, الذي, with و- prefixed forms.
	{"ar", scriptArabic, "في من على إلى أن عن مع هذا هذه التي الذي الذين كان كانت قد لا ما هو هي بين بعد " +
		"كل ذلك عند حيث لم لن إن أو ثم حتى منذ وقد وفي ومن وعلى أيضا غير خلال"},
	// Persian: و, در, به, از, که, را, است (with Persian ی and ک).
	{"fa", scriptArabic, "و در به از که این را با است آن برای یک می ها شده بود هم تا شد کرد کند خود نیز " +
		"او ما اما اگر پس بر یا هر چه باید دیگر وی آنها"},
	// Urdu: کے, میں, کی, ہے, اور (with Urdu ہ and ے).
	{"ur", scriptArabic, "کے میں کی ہے اور کا سے کو نے پر یہ وہ ہیں تھا تھی تھے بھی کہ ایک جو کیا ہو " +
		"گیا لیے ساتھ اس ان نہیں کر جب تک یا"},
	// Hindi: के, है, में, की, और, नहीं.
	{"hi", scriptDevanagari, "के है में की और से को का एक यह पर भी नहीं तो था थी थे हैं कि जो कर लिए ने " +
		"हो गया इस उस साथ वह रहा किया बाद तक अपने"},
	// Marathi: आणि, आहे, या, नाही, मध्ये.
	{"mr", scriptDevanagari, "आणि आहे या व की हे ते त्या म्हणून होते होता होती आहेत नाही तर पण एक काही मी " +
		"आम्ही तुम्ही त्यांनी केले करून असे हा ही तो ती साठी मध्ये"},
	// Nepali: छ, को, मा, ले, पनि, गरेको.
	{"ne", scriptDevanagari, "र छ को मा ले हो पनि यो त्यो गरेको भएको गर्न लागि थियो छन् भने तर एक यस उनी " +
		"हामी तपाईं गरी भन्ने रहेको सबै अब"},
	// Hebrew: של, את, על, זה, לא.
	{"he", scriptHebrew, "של את על זה לא הוא היא עם כי גם אבל או מה יש אין כל היה היו הם אני אם רק עוד " +
		"לפני אחרי בין כמו"},
	// Yiddish: דער, דאָס, און, איז, ניט, פֿון.
	{"yi", scriptHebrew, "דער די דאָס דאס און איז ניט נישט אַ א אין פֿון פון מיט צו אויף ער זי מען האָט " +
		"זיין ווי אָבער אויך ביי"},
}

// langSet is a set of indexes into functionWords.
type langSet uint64

// wordLangs maps each function word to the languages that use it.
var wordLangs = func() map[string]langSet {
	if len(functionWords) > 64 {
		panic("transform: langSet holds 64 languages")
	}
	m := make(map[string]langSet, 1200)
	for i, fw := range functionWords {
		for _, w := range strings.Fields(fw.words) {
			m[w] |= 1 << i
		}
	}
	return m
}()

// voteIndex finds a language written in s among functionWords, or -1.
func voteIndex(lang string, s script) int {
	for i, fw := range functionWords {
		if fw.lang == lang && fw.script == s {
			return i
		}
	}
	return -1
}

// voted tells the scripts that have function-word lists.
var voted = func() (v [numScripts]bool) {
	for _, fw := range functionWords {
		v[fw.script] = true
	}
	return v
}()
