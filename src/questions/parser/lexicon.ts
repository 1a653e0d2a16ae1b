import { ColumnKind } from '../../domain/ledger';
import { Measure } from '../../domain/reading';

/**
 * The Swedish vocabulary of the förbund's papers (ekonomisk information, årsredovisning,
 * uppföljning, delegationsordning) and of how board members ask. Words are normalized:
 * lower case, no diacritics. Longer keywords also match inflections and one typo.
 */
type Phrases = readonly (readonly string[])[];

const words = (text: string): Phrases => text.split('|').map((p) => p.trim().split(' '));

/**
 * Measure cues, most specific first: the first entry with a hit decides the measure.
 * A third element `true` means the words must be typed exactly: "störst" is one letter from
 * "stort", "ekonomi" one from "ekonom".
 */
export const MEASURE_CUES: readonly (readonly [Measure, Phrases, boolean?])[] = [
  [
    'remainingAfterApplications',
    words('efter ansokningar|efter foreslagna|efter nya ansokningar|om alla ansokningar|efter de nya ansokningarna|om ansokningarna beviljas'),
  ],
  ['remaining', words('utgaende ackumulerat overskott|utgaende overskott|utgaende balanserat')],
  [
    'carriedIn',
    words(
      'brought forward|carried forward|carried over|carried in|carry over|carry forward|carry into|foljer med fran|foljer med in|foljer med|foljde med|med sig in|tas med in|fran tidigare ar|tidigare ars|fran tidigare|fr tidigare ar|fr tidigare|med sig fran|med oss fran|ackumulerat|ackumulerade|ingaende|med oss in|med in i|tar med|tar vi med|fors over|overfors|balanserat|balanserade',
    ),
  ],
  ['kassalikviditet', words('kassalikviditet|likviditet|likviditeten|liquidity|quick ratio|current ratio|cash ratio')],
  ['soliditet', words('soliditet|soliditeten|solvency|solidity|equity ratio')],
  ['equity', words('eget kapital|egna kapitalet|egna kapital|egets kapital|kapitalet|equity')],
  ['reserveFund', words('reservfond|reservfonden|reserven|reserv|bundna reserven|reserve fund|buffert|bufferten')],
  // Exact: "oanvänt" is one letter from "använt".
  [
    'unused',
    words(
      'outnyttjade|outnyttjat|outnyttjad|outnyttjades|outnytjade|outnytjat|outnytjad|outnyttjat|outnyttjade medel|oanvanda|oanvant|oforbrukade|oforbrukat|aterforda|aterfordes|aterfort|aterforts|aterfors|aterbetalade|aterbetalat|tillbaka|inte anvandes|inte anvants|inte anvant|anvandes inte|inte rekvirerat|inte rekvirerade|aldrig rekvirerat|aldrig rekvirerades|aldrig anvant|aldrig anvandes|aldrig forbrukat|ej rekvirerat|ej anvant|inte forbrukat|inte utnyttjat|blev over|blev kvar hos|kvar hos oss|unused|returned',
    ),
    true,
  ],
  [
    'utilisation',
    words(
      'forbrukn grad|forbr grad|budgetnyttjande|budgetnyttjandet|nyttjandegrad|nyttjandegraden|forbrukningsgrad|forbrukningsgraden|forbrukningskvot|forbrukningskvoten|forbrukningsgrader|forbrukning|forbrukningen|utnyttjandegrad|utnyttjandegraden|utilisation|utilization|i fas med budget|i procent av budget',
    ),
  ],
  [
    'actual',
    words(
      'betalades ut|betalades faktiskt ut|betalades totalt ut|betalades sammanlagt ut|betalats totalt ut|betalade vi totalt ut|i verkligheten|i verklighet|verkliga kostnaden|verkliga kostnaderna|betalade ut|betalade vi ut|betalade vi faktiskt ut|betalade forbundet ut|har vi faktiskt betalat ut|betalats ut|betalat ut|betalas ut|utbetalt|utbetalat|utbetalats|utbetalades|utbetalningar|utbetalningarna|nyttjades|nyttjat|nyttjade|nyttjats|utfall|utfallet|rekvirerat|rekvirerade|rekvirerats|rekvirerades|rekvisitioner|rekv|rekvirerar|rekvisitionerna|har anvant|anvant|anvants|anvande|forbrukat|forbrukats|forbrukade|gjort av med|gjorde av med|gor av med|gick at|gatt at|dragit hittills|dragits hittills|kostade de faktiskt|kostade den faktiskt|gick de faktiskt pa|gick den faktiskt pa|landade de faktiskt pa|landade den faktiskt pa|spenderat|spenderade|actual|actuals|spent|spend|spends',
    ),
  ],
  [
    'membershipFee',
    words(
      'medlemsavgift|medlemsavgiften|medlemsavgifterna|medlemsavg|medlavg|avgift|avgiften|betalar|betala|betalade|bidrar med|membership fees|membership fee|fees|fee|pay|paid|pays',
    ),
  ],
  // "hur mycket är det av förbundets totala kostnader?" after an insats's figure: its share.
  // "hur mycket av kostnaderna 2027 är Min framtid": a line's part of the total.
  [
    'share',
    words(
      'hur mycket av kostnaderna|hur mycket av de totala kostnaderna|hur mycket av forbundets kostnader|procentandel|procentandelen|utgor|andel|andelen|hur stor del|hur stor procent|del av|procent av|ar det av|ar den av|var det av|share',
    ),
  ],
  [
    'whatIf',
    words(
      'om vi beviljar|om styrelsen beviljar|om vi ger|om vi satsar|om vi lagger|om vi beslutar|om vi skulle bevilja|om vi skulle ge|om vi tar beslut|om styrelsen beslutar|efter att vi beviljat|om vi beviljade|om vi godkanner|if we grant|what if|vi beviljar|beviljar vi|om vi tar|om en ansokan|racker pengarna|racker det|racker|har vi rad|rad med|klarar vi|om vi delar ut|om vi delar|om styrelsen delar ut',
    ),
  ],
  [
    'ranking',
    words(
      'mest|most|least|dyrast|dyraste|dyrasta|storst|storsta|billigast|billigaste|minst|minsta|lagst|lagsta|hogst|hogsta|mest pengar|minst pengar|most expensive|largest|biggest|cheapest|smallest',
    ),
    true,
  ],
  [
    'endingInitiatives',
    words(
      'vilka slutar|vilka insatser slutar|vilka insatser avslutas|vilka insatser tar slut|vilka upphor|vilka insatser upphor|hur manga insatser tar slut|hur manga insatser slutar|hur manga insatser avslutas|hur manga insatser upphor|hur manga projekt tar slut|hur manga projekt slutar|hur manga projekt avslutas|vilka projekt tar slut|vilka projekt slutar|vilka projekt avslutas',
    ),
  ],
  [
    'fundedInitiatives',
    words(
      'vilka insatser finansieras|finansieras|finansierade|finansierar|lista insatser|lista over insatser|lista alla insatser|vilka insatser har pengar|vilka insatser far pengar|vilka insatser har budget|vilka insatser finns|vilka insatser|hur manga insatser|hur manga insater|antal insatser|antalet insatser|insatser hur manga|hur manga projekt|antal projekt|antalet projekt',
    ),
  ],
  // Exact: "vad har Tierp för insatser?" lists them; "budgeten för insatsen …" names one.
  ['fundedInitiatives', words('which initiatives|how many initiatives|funded|for insatser'), true],
  // Exact: "posten" is one letter from "potten".
  ['remaining', words('bevilja|nya insatser|besluta|fordela|delar ut|kan forbundet bevilja|kan vi ge|att ge|pott|potten|pottens|potts'), true],
  [
    'remaining',
    words(
      'beslutsutrymme|beslutsutrymmet|beslutsutrymmen|utrymme|utrymmet|kvar att|har vi kvar|finns kvar|pengar kvar|medel kvar|kan vi bevilja|kan styrelsen bevilja|kan vi besluta|kan styrelsen besluta|kan vi dela|dela ut|att besluta om|att bevilja|att fordela|kvarvarande|fria medel|disponibla|inte ar uppbokade|inte uppbokade|ingen bestamt over|ingen har bestamt over|ingen bestamt om|ingen har bestamt om|ingen har bestamt vad|obundna medel|obundna pengar|spelrum|rora sig med|decision room|room for decisions|room for new decisions|new decisions|left to grant|can we grant|grant|available|remaining|kvar|rora mig med|att rora|nya beslut|left to allocate|allocate|still allocate|aterstar|aterstaende|money left|is left|left|utgaende',
    ),
  ],
  [
    'result',
    words(
      'resultatmassigt|resultat|resultatet|resultaten|overskott|overskottet|underskott|underskottet|vinst|vinsten|forlust|forlusten|minus|plus eller minus|profit|loss|gar vi plus|gar vi minus|gar vi med|gar back|gar vi back|gick back|gatt back|netto|result|surplus|deficit',
    ),
  ],
  [
    'income',
    words(
      'intakter|intakterna|intakt|intaktssidan|inkomster|inkomsterna|inkomst|omsattning|omsattningen|turnover|revenue|income|far forbundet in|far vi in|far in|kommer in|totala intakter|totalintakter',
    ),
  ],
  [
    'costs',
    words(
      'kostnader|kostnaderna|kostnadsminskningen|kostnadsminskning|kostnadsokningen|kostnadsokning|utgifter|utgifterna|totalkostnad|totalkostnaden|totalkostnader|totalkostnaderna|kostnadsmassan|kostnadsmassa|kostnadssidan|totala kostnader|total kostnad|totala kostnaden|sammanlagd kostnad|sammanlagda kostnader|sammanlagda kostnaden|kostar forbundet|kostade forbundet|kostar verksamheten|kostade verksamheten|total costs|costs|expenses|spending',
    ),
  ],
  ['utilisation', words('hur gar det for|hur gar|hur gick det for|hur gick|hur ligger')],
  [
    'endDate',
    words(
      'slutar|slutdatum|avslutas|avslutad|avslutades|tar slut|hur lange|pagar till|loper ut|loper|insatstid|insatstiden|upphor|sista dag|sista dagen|sista datum|sista datumet|finansierad till|finansieras till|finansierad fram till|slut|ends|end|end date|finish|finishes|finished|slutade|slutat|till nar|fram till nar|till vilket datum|hur lange|gar ut|lopa ut|loper ut|pagar',
    ),
  ],
  [
    'startDate',
    words(
      'startade|startar|startdatum|borjade|borjar|kom igang|kommer igang|igang|inleddes|startades|sedan nar|sen nar|fran nar|fran vilket datum|fran vilket|started|start|starts|begin|began',
    ),
  ],
  [
    'line',
    words(
      'avsatt|avsatta|avsatts|ger vi|ger forbundet|lagger vi pa|lagger|kostar|kostnad|kostnaden|far|fick|fatt|pengar till|pengar gar till|gar till|anslag|anslaget|beviljat|beviljats|beviljade|tilldelat|tilldelats|ram|ramen|belopp|beloppet|budget|budgeten|budgeterat|budgeterad|budgeterade|budgetar|prognos|prognosen|prog|bu|prognostiserat|prognostiserad|cost|budgeted|forecast|get|gets|receive|receives|allocated',
    ),
  ],
];

/** Words for "how are we doing": with nothing else named, the beslutsutrymme overview answers them. */
export const OVERVIEW_WORDS: ReadonlySet<string> = new Set([
  'ekonomi',
  'ekonomin',
  'ekonomiska',
  'laget',
  'lage',
  'pengar',
  'medel',
  'status',
  'budgetlaget',
  'overview',
]);

/** Names of the förbund itself: never an owner or an insats ("Samordningsförbundet Uppsala län"). */
export const FORBUND_NAMES = words(
  'samordningsforbundet uppsala lan|samordningsforbundet i uppsala lan|samordningsforbundet uppsala|forbundet i uppsala|uppsala lan|uppsala lans',
);

/**
 * Places that are not this förbund's: a question about Skåne's or Gävleborg's förbund is not
 * ours to answer with our figures. The 21 län and the largest towns outside Uppsala län.
 */
export const OTHER_REGIONS: ReadonlySet<string> = new Set(
  (
    'stockholm stockholms sodermanland sodermanlands ostergotland ostergotlands jonkoping jonkopings kronoberg kronobergs kalmar gotland gotlands ' +
    'blekinge skane skanes halland hallands vastra gotaland gotaland vastra gotalands varmland varmlands orebro orebros vastmanland vastmanlands ' +
    'dalarna dalarnas gavleborg gavleborgs vasternorrland vasternorrlands jamtland jamtlands harjedalen vasterbotten vasterbottens norrbotten norrbottens ' +
    'goteborg malmo linkoping norrkoping vasteras helsingborg umea lund gavle sundsvall eskilstuna karlstad vaxjo halmstad lulea ostersund falun ' +
    'sodertalje nacka botkyrka solna huddinge sandviken norrtalje sigtuna'
  ).split(' '),
);
/** The words that name any förbund: a förbund named by a word not of ours is another förbund. */
export const FORBUND_WORDS: ReadonlySet<string> = new Set(['samordningsforbundet', 'samordningsforbund', 'finsam', 'finsamforbundet']);
/** After "hur många": counts the data has (insatser, a share, a sum, a period); anything else (deltagare, invånare) it has not. */
export const COUNTABLE_WORDS: ReadonlySet<string> = new Set(
  'insatser insats insatserna projekt projekten kronor kr tkr miljoner procent procentenheter dagar manader ar veckor'.split(' '),
);

/** Words that say what follows is not asked: "Förvaltning, inte ISA", "förutom Bryggan". */
export const NEGATIONS: ReadonlySet<string> = new Set(['inte', 'ej', 'utom', 'exklusive', 'exkl', 'utan', 'forutom', 'utover']);

/** Comparatives: "dyrare än Växtkraft" compares two things, "lägre än 2026" two years. */
export const COMPARATIVES = /^(dyrare|billigare|mer|mindre|hogre|lagre|storre|battre|samre|fler|farre|more|less|higher|lower|bigger|larger|cheaper)$/;

/** Cues that name a column of the ekonomisk information. */
export const COLUMN_CUES: readonly (readonly [ColumnKind, Phrases])[] = [
  [
    'budget',
    words(
      'budgetsiffran|budgetsiffra|budgetbeloppet|budget|budgeten|budgeterat|budgeterad|budgeterade|budgetar|budgeted|faststalld budget|faststalld|bu|budg|budgetkolumnen|budgetkolumn',
    ),
  ],
  [
    'forecast',
    words(
      'prognossiffran|prognosbeloppet|prognos|prognosen|prognostiserat|prognostiserad|prognoser|forecast|senaste prognosen|prog|prognoskolumnen|prognoskolumn',
    ),
  ],
  ['preliminary', words('preliminar|preliminara|preliminart|prel|preliminary')],
];

/** "hur räknas det?": show the calculation behind the last answer. */
export const EXPLAIN_CUES = words(
  'kommer man fram|kom man fram|raknades fram|raknas fram|raknades ut|man fram till|utraknat|utrakningen|utrakning|raknat ut|kommer ni fram|kommer du fram|kom ni fram|kommer den siffran|kommer siffran|kommer det ifran|kommer den ifran|var kommer|varifran|visa berakningen|berakning|raknat fram|raknade fram|har ni raknat|har du raknat|hur raknas|hur raknade|hur raknar|hur beraknas|hur beraknades|hur kom du fram|hur far du fram|hur fick du|varifran kommer|varifran far du|vad bygger|berakningen|rakna ut|forklara|visa berakning|visa hur|how is it calculated|where does|explain|hamtar du|hamtar ni|hamtas|kallan|kallorna|source|sources|kommit fram|har du kommit|har ni kommit|fatt fram den siffran|fatt fram siffran|fick fram siffran|fick ni fram|fick du fram|har ni fatt fram|har du fatt fram',
);

/** The first word(s) of a follow-up that changes one part of the last question. */
export const FOLLOW_UP_OPENERS = words('och|o|men|nej|samma|jamfort|jamfor|jamfort med|mot|an|vs|versus|skillnaden|skillnad|dar|da|and|what about');

export const DIFFERENCE_CUES = words(
  'skillnaden|skillnad|forbattrades|forbattrats|forbattring|forbattringen|forsamrades|forsamrats|forsamring|forsamringen|mer eller mindre|mindre eller mer|hogre eller lagre|lagre eller hogre|diff|differens|differensen|okade|minskade|sjonk|vaxte|forandrades|forandringen|forandring|okar|minskar|okning|minskning|difference|andrats|forandrats|okat|minskat|vuxit|skiljer|skiljer sig|andrar sig|andrat sig|krymper|krympt|krympa|sjunker|sjunkit|stiger|stigit|vaxer|gar ner|gar upp|forandras|tappar|tappade|tappat|tappa|increase|decrease|drop|drops|rise|rises|grow|grows|go down|go up',
);

export const HELP_CUES = words('hjalp|help|vad kan du|vad kan jag fraga|exempel|kommandon');

export const MINE_CUES = words('min insats|mina insatser|var insats|vara insatser|mitt projekt|vart projekt|min|mina|mitt|var|vart|vara|vi|oss|we|our|my');

/** Relative years, by offset from the current year. */
export const RELATIVE_YEARS: readonly (readonly [number, readonly string[]])[] = [
  [0, ['i', 'ar']],
  [0, ['iar']],
  [0, ['detta', 'ar']],
  [0, ['innevarande', 'ar']],
  [0, ['i', 'aret']],
  [0, ['this', 'year']],
  // "hur ligger vi till i förbrukningsgrad just nu?": this year.
  [0, ['just', 'nu']],
  [1, ['nasta', 'ar']],
  [1, ['nasta', 'ars']],
  [1, ['kommande', 'ars']],
  [0, ['innevarande', 'ars']],
  [0, ['detta', 'ars']],
  [0, ['i', 'ars']],
  [-1, ['forra', 'ars']],
  [1, ['nastkommande', 'ar']],
  [1, ['kommande', 'ar']],
  [1, ['kommande', 'aret']],
  [1, ['nasta', 'aret']],
  [1, ['next', 'year']],
  [2, ['aret', 'efter', 'nasta']],
  [2, ['ar', 'efter', 'nasta']],
  [2, ['in', 'two', 'years']],
  [2, ['ar', 'tre']],
  [-1, ['forra', 'aret']],
  [-1, ['forra', 'ar']],
  [-1, ['forra', 'arets']],
  [-1, ['i', 'fjol']],
  [-1, ['ifjol']],
  [-1, ['fjolaret']],
  [-1, ['fjolarets']],
  [-1, ['last', 'year']],
  [-2, ['forrforra', 'aret']],
  [-2, ['forfjol']],
  [-2, ['i', 'forfjol']],
  [2, ['nastnasta', 'ar']],
  [2, ['nastnasta', 'aret']],
  [2, ['nastnasta', 'ars']],
  [0, ['kommande', 'arsskifte']],
  [0, ['kommande', 'arsskiftet']],
  [0, ['nasta', 'arsskifte']],
  [-1, ['forra', 'arsskiftet']],
  [-1, ['forra', 'arsskifte']],
  [-1, ['senaste', 'arsskiftet']],
  [-1, ['senaste', 'bokslutsaret']],
  [-1, ['senaste', 'bokslutet']],
  [-1, ['senaste', 'arsredovisningen']],
  [-1, ['senaste', 'avslutade', 'aret']],
  [-1, ['senast', 'avslutade', 'aret']],
  [-1, ['senaste', 'rakenskapsaret']],
  [-2, ['forrforra', 'ar']],
  [-2, ['forrforra', 'arets']],
];

/** Words that carry no meaning for the reading: question words, verbs of asking, fillers, units. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'vad nar in vilken vilket vilka hur mycket ar blir blev bli var har hade vi for om pa i och till av med det den de en ett som kan ' +
    'du jag ska skulle kommer finns fanns fran sin sitt sina nu da totalt total summa hela under efter innan mot enligt visa ge ' +
    'lite tack hej snalla vet nagon nagot nagra aret arets ars kronor krona tkr kr mkr procent sek tusen miljoner miljon ' +
    'just egentligen ungefar cirka ca runt typ alltsa liksom ju val nog bara aven ocksa dessutom sammanlagt sammantaget ' +
    'landar hamnar ligger ser ut se titta kolla berata beratta berattar saga sag fraga fragar undrar undra veta vill ville ' +
    'gar gick far fa fatt ha haft gora gor gjorde gjort ta tar tog tagit blir varit vara ar aro e ' +
    'senaste aktuell aktuella aktuellt nuvarande nuvarde enl pga per inom utifran baserat beraknat beraknade beraknad berakna ' +
    'storlek stort stor stora liten lilla sma hog lag hogt lagt belopp beloppet siffran siffra siffror siffrorna summan ' +
    'forbundet forbundets samordningsforbundet samordningsforbundets forbund finsam uppsala lan lans ' +
    'styrelsen styrelsens vi oss vara vart var er ni dom dem man the of for what is how much in to and a an this that ' +
    'kvar pengar medel ekonomi ekonomin ekonomiska ekonomisk information laget lage status fram ' +
    'insats insatsen insatser insatserna insatsens projekt projektet projekten initiative initiatives project projects ' +
    'egen egna eget mig mej min mina mitt dess deras hans hennes vars ' +
    'tro tror tycker tycks verkar forvantas beraknas planeras planerat planerad tankt ' +
    'dar dit hit har hur sa sadan sadana sant sann galler galla angaende kring rorande om ' +
    'lanet kommunen kommun kommuns region regionen ' +
    'kvartal manad manader ' +
    'ja nej okej ok inte ej utan ' +
    // ("Jag arbetar i Uppsala kommun": the verb, not "Samordnat stöd för arbete och studier".)
    'forsta jobbar jobbade jobba arbetar arbetade ledamot ledamoten ersattare ersattaren nyvald nyvalda representant ' +
    'sedan sen igen annu redan fortfarande alls ' +
    'the please thanks ny nya nytt verksamheten verksamhet totala arsskiftet arsskifte vid slutet borjan ' +
    'star stod kom kommit funderar fundera tanker tankte overvager planerar resultatmassigt ekonomiskt insatsagare insatsagaren insatsagarna agare agaren driver drivs hos ' +
    'arsredovisning arsredovisningen bokslut bokslutet delarsrapport delarsrapporten verksamhetsplan verksamhetsplanen ' +
    'kallelse kallelsen protokoll protokollet styrelsemote styrelsemotet motet underlag underlaget tabell tabellen ' +
    'rapport rapporten uppgift uppgifter uppgiften svar svaret fraga fragan hallo tjena morsning ' +
    'stammer stamde korrekt ratt riktigt hoppas snabb snabbfraga forsiktigt forhand morgon god bra allt mvh halsningar halsning infor inklusive del delen mkt mycke forlat ursakta framsteg framstegen eller ' +
    // English function words, and the English for the owners' kind: board members who write English.
    'does did do s at are our we us be will was were has have been it its by on with from there municipality municipality s county pay pays paid'
  ).split(' '),
);

/** Owners of insatser as the board's table names them, with the words people use for them. */
export const OWNER_WORDS: readonly (readonly [string, Phrases])[] = [
  ['Region Uppsala', words('region uppsala|regionen|regionens|region uppsalas|regionala')],
  ['Enköping', words('enkoping|enkopings')],
  ['Heby', words('heby|hebys')],
  ['Håbo', words('habo|habos')],
  ['Knivsta', words('knivsta|knivstas')],
  ['Tierp', words('tierp|tierps')],
  ['Uppsala', words('uppsala kommun|uppsala kommuns|uppsala|uppsalas')],
  ['Älvkarleby', words('alvkarleby|alvkarlebys|alvkarlby|alvkarlbys')],
  ['Östhammar', words('osthammar|osthammars')],
];

/** Ledger lines by label (as the board's table spells them), with the words people use. */
export const LINE_ALIASES: Readonly<Record<string, Phrases>> = {
  Förvaltning: words(
    'forvaltning|forvaltningen|forvaltningens|forvaltningsraden|forvaltningsrad|forvaltningskostnad|forvaltningskostnader|forvaltningskostnaderna|kansliet|kansli|kansliets|kanslikostnader|kanslikostnaderna|administration|administrationen|administrativa|overhead',
  ),
  'Förvaltning ISA': words('forvaltning isa|isa forvaltning|isa'),
  Förtroendevalda: words(
    'fortroendevalda|fortroendevaldas|arvoden|arvodena|arvode|politikerna|politiker|styrelsearvoden|ledamoterna|styrelsens kostnader|kostar styrelsen|och styrelsen',
  ),
  Medlemsavgifter: words('medlemsavgifter|medlemsavgifterna|medlemsintakter|avgifterna fran medlemmarna'),
  'Försäljning av tjänster': words('forsaljning av tjanster|forsaljning'),
  'ESF medel ISA': words('esf medel isa|esf medlen isa|esf isa|esf medel|esf medlen|esf|isa'),
  'Ekonom projektstöd': words('ekonom projektstod|projektstod|projektstodet|ekonomstod'),
  Verksamhetsutvecklare: words('verksamhetsutvecklare|verksamhetsutvecklaren|verksamhetsutveckling'),
  'Kompetenshöjande insatser': words('kompetenshojande|kompetenshojande insatser|kompetensutveckling|utbildningsinsatser'),
};

/** Sums of lines that the table prints as their own rows. */
export const AGGREGATE_LINES: readonly {
  readonly id: string;
  readonly name: string;
  readonly group: 'initiative' | 'other_initiative';
  readonly phrases: Phrases;
}[] = [
  {
    id: 'ovriga-samverkansinsatser',
    name: 'Övriga samverkansinsatser',
    group: 'other_initiative',
    phrases: words('ovriga samverkansinsatser|ovriga samverkansinsatserna|ovriga insatser|s a ovr samverkansinsatser|ovr samverkansinsatser|ovr insatser'),
  },
  {
    id: 'samverkansinsatser',
    name: 'S:a samverkansinsatser',
    group: 'initiative',
    phrases: words(
      's a samverkansinsatser|summa samverkansinsatser|samverkansinsatser|samtliga insatser|samtliga insatserna|insatser tillsammans|insatser totalt|insatser sammanlagt|samverkansinsatserna|samverkansinsatsernas|alla insatser totalt|alla insatser tillsammans|alla insatser|insatserna totalt|insatserna totalt|insatserna sammanlagt|insatserna tillsammans|alla insatserna|insatserna',
    ),
  },
];

export const MONTHS: ReadonlySet<string> = new Set([
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
]);
