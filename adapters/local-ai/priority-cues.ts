/**
 * A small compositional reading of priority, beside the phrase tables in
 * priority.ts. Instead of whole phrases it looks for kinds of words in five
 * languages and how they combine:
 *
 * - **scope** (a quantifier or a collective noun: everyone, nobody, whole,
 *   ganze, toute, ningún, the team, die Niederlassung, production) near a
 *   **severity** word (down, offline, stopped, kaputt, en panne, caído) or a
 *   negated ability ("can't connect", "kommt nicht an", "no conecta"): many
 *   people blocked;
 * - **security events**: an action (clicked, opened, typed, gave, approved,
 *   plugged in) on an object (link, attachment, password, code, push, USB
 *   stick) next to something suspicious or regretted; a sign-in disowned
 *   ("not me", "never been there"); encrypted files or a ransom note; a stolen
 *   device; data sent to the wrong or an outside person; data left public; a
 *   cursor moving on its own; a found USB stick plugged in;
 * - what lowers them: negations and "if" just before the action, a single
 *   person ("colleagues are fine", "nobody else"), and a context that is no
 *   incident (training, a simulation, planned maintenance, thanks, a false
 *   alarm, a wish for something new).
 *
 * Words are matched by stem (`encrypt*`, `niederlassung*`), and a long word
 * also by the stem it contains, so German compounds (`Lohnbuchhaltung`,
 * `Stromausfall`) and inflections count without listing them.
 */

/** Word classes, one bit each. */
const C = {
  quant: 1, nobody: 2, group: 4, severity: 8, neg: 16, able: 32, service: 64, action: 128, object: 256, suspicion: 512,
  signin: 1024, disown: 2048, ransom: 4096, theft: 8192, device: 16384, send: 32768, mistake: 65536, sensitive: 131072,
  expose: 262144, outside: 524288, found: 1048576, plug: 2097152, training: 4194304, planned: 8388608, wish: 16777216, fine: 33554432,
  people: 67108864, cond: 134217728, cosmetic: 268435456, self: 536870912, weird: 2 ** 30, from: 2 ** 31,
} as const;
type Cls = keyof typeof C;

/** Exact words (`word`), stems (`stem*`, matched at the start of a word) and, for long words, inner stems (`*stem*`). */
const LEXICON: Readonly<Record<Cls, string>> = {
  quant: 'half all alle allen aller every entire whole ganz* gesamt* samtlich* jede* tous toutes tout toute ensemble todos todas todo toda inteir* entera entero several multiple many mehrere viele plusieurs varios varias vari* anybody anyone tutti tutte iedereen',
  nobody: 'nobody none noone no1 niemand keiner keine kein einziger personne aucun aucune nadie ningun ninguno ninguna ninguem nenhum nenhuma nessuno nessuna',
  group: 'club clube clubs gym clinic clinica clinics jobs caisses cajas kassen tills counters kiosks guichets balcoes mostradores depot depots wing library libraries shift shifts *schicht* turno turnos scanner* *scanner* *terminals everyone everybody anybody anyone jedermann iedereen tutti monde mundo pcs computers terminals headsets phones telephones printers screens monitors laptops monitore bildschirme ecrans pantallas telas ufficio leitstelle ordinateurs ordenadores computadoras computadores telefones telefonos rechner imprimantes impresoras impressoras callcenter* reception recepcion recepcao empfang accueil switchboard team* department* office* site sites floor* branch* building* staff users colleagues employees people customers clients workers agents stores shops warehouse* plant factory company production prod guests remote abteilung* buro* standort* niederlassung* filiale* gebaude* etage* stockwerk* mitarbeiter* kollegen* kunden* nutzer* benutzer* anwender* firma unternehmen* produktion* lager* *buchhaltung* vertrieb* equipe* service services bureau* agence* batiment* collaborateur* collegues utilisateurs employes salaries entreprise* magasin* entrepot* usine* compta* equipo* oficina* departamento* sede* sucursal* planta* edificio* tienda* almacen* emplead* usuarios companeros trabajador* empresa* produccion contabilidad ventas escritorio* setor* filiais andar* predio* loja* armazem* funcionario* colaborador* producao contabilidade vendas sales accounting finance management leadership geschaftsleitung direction direccion diretoria',
  severity: 'rejected rejecting bounc* abgelehnt rejete rejetes rejetee rechazad* rejeitad* losing weg timeout timeouts lost drop* unstable instabil* instable inestable instavel disconnect* down offline outage* unreachable unavailable inaccessible stopped halted broken dead fail* failure* crash* freez* frozen locked blocked idle standstill slow *ausfall* ausgefallen gestort kaputt tot gesperrt black schwarz noir noirs negro negros preto pretos bsod bluescreen* denied verweigert denegado negado muet muets muette mute muted stumm parou pararam arrete* gestoppt blockiert steht stehen langsam absturz* abgesturzt panne* bloque* coupe* indisponible plante erreur* lent caid* cayo bloquead* parad* inaccesible lento falla* fallo* caiu travad* indisponivel inacessivel lenta falh* error errors guasto guasta',
  neg: 'not no t cannot cant arent isnt dont doesnt wont didnt wasnt werent havent couldnt unable impossible nicht nichts ne n pas plus sans sin nao sem without imposible impossivel non niet',
  able: 'launch* show shows work* connect* access* log login logon sign print* send* receiv* open* load* start* respond* get enter* reach* use funktion* geht gehen kommt kommen kann konnen druck* erreich* anmeld* verbind* offn* arbeit* fonctionne* marche peut peuvent acces connexion imprim* envoy* recevoir ouvr* demarr* travaill* funciona* conecta* puede* acced* acceso entra* cobrar abr* trabaj* consegu* acess* registrar trabalh* pode podem getting ring ringing funziona* werkt werken riesce riescono collegar* connett* accedere lavorare stampare join* beitreten rejoindre unirme arranc* startet boot* enciend* allum* liga ligam chegar arriv* ankommen',
  service: 'tone dialtone audio sound telefon* telephon* network* wifi internet connection* power email mail phone* vpn netz* strom verbindung* zugang* reseau* courant red conexion luz rede conexao energia',
  action: 'introduz* confirm* scann* logged pase pasado pinch* click* clique* cliquei clica* clicou geklickt open* opened geoffnet ouvert abri abrio type* typed tape eingegeben enter* entered inser* saisi introduj* puse coloquei digitei gave give* given gegeben verraten weitergegeben donne communique* transmis di dei passei informei share* shared partage* compart* approv* accept* bestatigt akzeptiert valide accepte aprobe acepte aceitei aprovei aprobar aceptar aprovar approuver genehmigen plug* eingesteckt angeschlossen branche* enchufe* conecte conectei pluguei ran install* download* heruntergeladen telecharge* descargu* baixei enabl* aktiviert active reply* replied respondi repondu read',
  object: 'passe link* attach* anhang* lien* enlace* adjunto* anexo* password* pasw* passwort* kennwort* pwd mot identifiant* contrasena* clave senha* credential* zugangsdaten anmeldedaten login code* codigo* pin otp mfa 2fa push prompt* macro* makro* content document* usb stick qr card digits cvv cvc karte carte tarjeta cartao',
  weird: 'suspicious weird strange odd seltsam* komisch* etrange* bizarre* extran* raro rara estranh*',
  suspicion: 'accidentally accident unintentionally mistakenly fake gefalscht* faux fausse fausses phish* scam* spoof* antivirus virus* trojan* malware messed dumb stupid oops regret* realis* realiz* noticed turned pretend* supposed* claimed claiming angeblich* verdacht* bemerkt gemerkt soi disant suspect* regrette arnaque* sospech* supuest* falso falsa cuenta suspeit* suposto* percebi golpe fraud* betrug* looked seemed parecia ressemblait',
  signin: 'signin signed sign login logged logon logins anmeldung* angemeldet connexion* connecte sesion inicio acceso acesso acessos entrou',
  disown: 'unknown unrecogni* foreign abroad ausland* etranger extranjero unbekannt* fremd* inconnu* desconoc* desconhec*',
  from: 'from desde depuis aus de da do alert* notification* aviso* warnung* alerte* alerta* notificac* ip country land pays pais location',
  ransom: 'ransom* rancon* rescate* resgate* losegeld* bitcoin*',
  theft: 'stolen stole theft thief pickpocket* mugged snatched nicked gestolen gestohlen geklaut klau* diebstahl* vole volee voles volé robad* robo robaron roub* furt*',
  device: 'laptop* *laptop* notebook* phone* handy* diensthandy* firmenhandy* telefon* smartphone* iphone ipad tablet* portatil* movil* celular* ordinateur* pc computer* rechner* bag tasche sac bolso mochila telemovel',
  send: 'envoi attached sent send* transfer* reenvi* emailed mailed forward* posted upload* geschickt gesendet verschickt weitergeleitet envoy* transmis mand* envi* encaminh*',
  mistake: 'oops oups recall unsend querer wrong falsch* mauvais* equivoc* errad* incorrect* instead statt anstatt lieu lugar vez accidentally mistakenly versehentlich versehen erreur engano error',
  outside: 'outside external extern* externe externo externa private privat* privee privado privada gmail hotmail yahoo',
  sensitive: 'disciplinary discipline investigations enquetes grievance grievances bonus diagnoses diagnosis diagnosticos diagnostics medication medicamentos medikamente patients pacientes patienten contactos contatos contacts telefones telefonos participantes participants counterparties pasaport* passaport* reisepass* nacimiento nascimento geburtsdatum birth dob cpf ssn curriculos curriculums cvs resumes lebenslauf* grades noten margins margens margenes marges passport* salar* payroll gehalt* gehalter lohn* paie nomina folha bank* iban credit kredit* card personal* personnel* confidential* vertraulich* confidentiel* confidencial* health medical scans datos donnees daten dados data kundendaten* bancar* bancair* bankdaten* bankverbindung*',
  expose: 'leak* exposed expose* vazad* filtrad* publicly',
  found: 'found gefunden trouve* encontr* achei',
  plug: 'plug* plugged eingesteckt angeschlossen steckte branche* conecte conectei enchufe* pluguei inserted insert* insere connected',
  training: 'simulation* simulat* simulad* training* schulung* formation* formacion capacitacion treinamento* awareness sensibilisation drill exercise ubung* uebung* webinar kurs kurse kursen curso cursos quiz elearning',
  planned: 'planned scheduled geplant* planifie* prevu* programad* planejad* agendad*',
  wish: 'want* wish* love mocht* wunsch* voudr* souhait* aimerai* quier* quisier* gustari* quer querem gostari* bestell* commander pedir pedimos pedido encomend* new neue neuen neues nouveau* nouvelle* nuev* novo* novos nova novas',
  fine: 'fine ok okay normal normally unaffected problemlos funktioniert souci normalement normalmente problem problems problema problemas probleme issue issues',
  people: 'colleagues others kollegen andere anderen collegues autres companeros demas otros colegas outros',
  cond: 'if falls si caso',
  cosmetic: 'optisch* kosmetisch* cosmetic* cosmetique* estetic* visuel* visual*',
  self: 'i ich je j yo eu puedo consigo posso peux',
};

const exact = new Map<string, number>();
const stems = new Map<string, number>();
const inner = new Map<string, number>();
for (const [cls, list] of Object.entries(LEXICON) as [Cls, string][]) {
  for (const raw of list.split(' ')) {
    const table = raw.startsWith('*') ? inner : raw.endsWith('*') ? stems : exact;
    const key = raw.replace(/\*/g, '');
    table.set(key, (table.get(key) ?? 0) | C[cls]);
  }
}
const STEM_LENGTHS = [...new Set([...stems.keys(), ...inner.keys()].map((s) => s.length))].sort((a, b) => a - b);
/** Below this length a word is matched only from its start: short words are no compounds. */
const COMPOUND = 9;

/** The classes of one word, cached (bounded): ordinary words come back in every ticket. */
const cache = new Map<string, number>();
function classes(word: string): number {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let mask = exact.get(word) ?? 0;
  for (const n of STEM_LENGTHS) {
    if (n > word.length) break;
    mask |= stems.get(word.slice(0, n)) ?? 0;
    mask |= inner.get(word.slice(0, n)) ?? 0;
    if (word.length >= COMPOUND) for (let at = 1; at + n <= word.length; at++) mask |= inner.get(word.slice(at, at + n)) ?? 0;
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(word, mask);
  return mask;
}

/**
 * Scope words typed with one letter wrong ("evryone", "bulding", "departmnet") are read as the word; only these,
 * whose one-edit neighbours are no ordinary words (a "looked" is no "locked").
 */
const SPELLED: readonly string[] = [
  'everyone', 'everybody', 'anyone', 'anybody', 'nobody', 'building', 'buildings', 'department', 'company', 'colleagues', 'employees', 'customers', 'entire', 'office', 'offices',
  'warehouse', 'production',
];
const SPELLINGS = new Map<string, string>();
for (const w of SPELLED) for (const d of [w, ...deletions(w)]) if (!SPELLINGS.has(d)) SPELLINGS.set(d, w);
const spellCache = new Map<string, string>();
function spelled(word: string): string {
  if (word.length < 5 || word.length > 12) return word;
  const hit = spellCache.get(word);
  if (hit !== undefined) return hit;
  if (exact.has(word)) {
    spellCache.set(word, word);
    return word;
  }
  let out = SPELLINGS.get(word);
  for (const d of out ? [] : deletions(word)) {
    out = SPELLINGS.get(d);
    if (out) break;
  }
  // A real word of the lexicon (a stem's word form) stays itself.
  const result = out && classes(word) === 0 ? out : word;
  if (spellCache.size > 50_000) spellCache.clear();
  spellCache.set(word, result);
  return result;
}
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Words between what moves and "on its own" ("the cursor keeps moving around on its own"; "se mueve solo el ratón"). */
const AUTONOMOUS_WINDOW = 6;
/** What someone else at the keyboard moves: "the cursor moves on its own". */
const INPUT: ReadonlySet<string> = new Set(['cursor', 'mouse', 'maus', 'mauszeiger', 'souris', 'curseur', 'raton', 'typing', 'tippt', 'schreibt', 'ecrit', 'escribe', 'digitando', 'digita', 'windows', 'fenster', 'fenetres', 'ventanas', 'janelas']);

/** What an account taken over does by itself. */
const SENDS_ON_ITS_OWN: ReadonlySet<string> = new Set(['messaging', 'sending', 'posting', 'emailing', 'texting', 'sendet', 'schickt', 'verschickt', 'envoie', 'envia', 'manda']);
/** Whom it messages. */
const RECIPIENTS: ReadonlySet<string> = new Set(['people', 'colleagues', 'contacts', 'everyone', 'friends', 'customers', 'clients', 'kollegen', 'kontakte', 'kunden', 'leute', 'collegues', 'gens', 'colegas', 'contactos', 'contatos', 'clientes', 'gente', 'pessoas']);
/** What goes with a device but is none: "left my laptop charger at the hotel". */
const DEVICE_PARTS: ReadonlySet<string> = new Set(['charger', 'cable', 'adapter', 'adaptor', 'stand', 'mouse', 'power', 'ladegerat', 'netzteil', 'chargeur', 'cargador', 'carregador']);
/** Put somewhere others see it. */
const POSTED: ReadonlySet<string> = new Set(['pasted', 'posted', 'shared', 'sent', 'uploaded', 'geteilt', 'gepostet', 'eingefugt', 'partage', 'publie', 'colle', 'compartido', 'publicado', 'pegue', 'compartilhei', 'postei', 'colei']);
/** What is planned when a ticket announces work, not an incident: "planned maintenance", "coupure prévue" (not "the audits planned for today"). */
const PLANNED_WORK: ReadonlySet<string> = new Set([
  'maintenance', 'works', 'work', 'outage', 'downtime', 'update', 'updates', 'upgrade', 'migration', 'shutdown', 'change', 'restart', 'reboot', 'wartung', 'wartungsarbeiten', 'arbeiten',
  'abschaltung', 'umstellung', 'coupure', 'interruption', 'intervention', 'travaux', 'mise', 'mantenimiento', 'corte', 'actualizacion', 'manutencao', 'obras', 'atualizacao', 'paragem',
]);
/** Maintenance, and what announces it for later. */
const MAINTENANCE: ReadonlySet<string> = new Set(['maintenance', 'wartung', 'wartungsarbeiten', 'mantenimiento', 'manutencao']);
const FUTURE: ReadonlySet<string> = new Set(['will', 'going', 'wird', 'werden', 'sera', 'seront', 'va', 'vai', 'estara', 'estarao', 'tomorrow', 'morgen', 'demain', 'manana', 'amanha', 'tonight', 'weekend', 'planned', 'scheduled', 'upcoming', 'next']);

/** Words of wanting: a request. */
const WANTS: ReadonlySet<string> = new Set(['want', 'wants', 'love', 'mochte', 'mochten', 'wunschen', 'voudrait', 'voudraient', 'souhaite', 'souhaitent', 'quiere', 'quieren', 'quisiera', 'queria', 'queriamos', 'quer', 'querem', 'gostaria', 'gostariam']);

/** Having signed in or typed a password (see LURES and DOUBT). */
const SIGNED_IN: ReadonlySet<string> = new Set(['logged', 'signed', 'typed', 'entered', 'eingeloggt', 'angemeldet', 'eingegeben', 'connecte', 'saisi', 'inicie', 'ingrese', 'introduje', 'loguei', 'entrei', 'digitei']);
/** What a phishing attempt has the person press or scan. */
const LURES: ReadonlySet<string> = new Set(['link', 'button', 'qr', 'flyer', 'poster', 'knopf', 'schaltflache', 'lien', 'bouton', 'enlace', 'boton', 'botao', 'email', 'mail', 'sms', 'text', 'message', 'docusign', 'nachricht', 'correo', 'mensaje', 'mensagem']);

/** Doubt afterwards. */
const DOUBT: ReadonlySet<string> = new Set(['warnings', 'alerts', 'warnungen', 'alertes', 'alertas', 'avisos', 'worried', 'worry', 'unsure', 'legit', 'legitimate', 'genuine', 'random', 'unfamiliar', 'besorgt', 'inquiet', 'inquiete', 'preocupado', 'preocupada', 'seriös', 'serios', 'fiable', 'confiavel', 'real', 'echt', 'vrai', 'vraie', 'verdadero', 'verdadeiro', 'unusual', 'unexpected', 'ungewohnlich', 'ungewohnliche', 'unerwartet', 'inhabituel', 'inhabituelle', 'inattendu', 'inusual', 'inesperado', 'inesperada', 'incomum']);

/** "eingegeben", "geklickt", "gegeben": a German participle, whose object comes before it. */
const GERMAN_PARTICIPLE = /^(ge|ein|an|auf|weiter)\w*(t|en)$/;

/** Words of needing something. */
const NEEDS: ReadonlySet<string> = new Set(['need', 'needs', 'brauche', 'braucht', 'benotige', 'benotigt', 'besoin', 'necesito', 'necesita', 'necesitamos', 'preciso', 'precisa', 'precisamos']);

/** "so I don't get locked out", "damit ich nicht", "pour ne pas": what the requester wants to avoid, not a block. */
const PURPOSE: ReadonlySet<string> = new Set(['so', 'that', 'damit', 'dass', 'afin', 'pour', 'para', 'que', 'if', 'falls', 'wenn', 'si', 'se']);

/** Possessives: "all my files", "none of the ports on my desktop" are one person's. */
export const POSSESSIVE: ReadonlySet<string> = new Set(['my', 'mein', 'meine', 'meinem', 'meinen', 'meiner', 'mon', 'ma', 'mes', 'mi', 'mis', 'meu', 'minha', 'meus', 'minhas']);
/** What gets encrypted in an attack. */
const FILES: ReadonlySet<string> = new Set(['files', 'file', 'dateien', 'daten', 'fichiers', 'archivos', 'arquivos', 'ficheiros', 'documents', 'documentos', 'drive', 'laufwerk', 'data', 'dados', 'datos', 'donnees', 'folders', 'ordner', 'dossiers', 'carpetas', 'pastas', 'server']);
const ENCRYPT_STEMS = ['encrypt', 'verschlussel', 'chiffr', 'cifrad', 'criptografad', 'encriptad'];
const ENCRYPT_FIRST: ReadonlySet<number> = new Set(ENCRYPT_STEMS.map((s) => s.charCodeAt(0)));
const DONE_ENDINGS = ['ed', 't', 'e', 'es', 'ee', 'ees', 'o', 'os', 'a', 'as'];
/** "encrypted", "verschlüsselt", "chiffrés", "cifrados": something was encrypted (not "encryption", a topic). */
function encrypted(word: string): boolean {
  return ENCRYPT_STEMS.some((s) => word.startsWith(s) && DONE_ENDINGS.some((e) => word.length <= s.length + 3 && word.endsWith(e)));
}

/**
 * A nuisance that still lets the person work: "really annoying", "sometimes", "ab und zu". Low unless something
 * is broken or someone is blocked. (Plain sets: the word classes above use every bit of a 32-bit mask.)
 */
const MINOR: ReadonlySet<string> = new Set([
  'annoying', 'annoyed', 'irritating', 'nervig', 'nervt', 'lastig', 'agacant', 'enervant', 'penible', 'molesto', 'molesta', 'fastidioso', 'irritante', 'chato', 'incomodo',
  'sometimes', 'occasionally', 'manchmal', 'gelegentlich', 'parfois',
]);
/** A ransom note: "README_DECRYPT.txt", "how to decrypt your files", "Entschlüsselung". */
const DECRYPT_STEMS = ['decrypt', 'entschlussel', 'dechiffr', 'descifr', 'descriptograf', 'decifr'];
const DECRYPT_FIRST: ReadonlySet<number> = new Set(DECRYPT_STEMS.map((s) => s.charCodeAt(0)));
const NOTE_WORDS: ReadonlySet<string> = new Set(['readme', 'txt', 'note', 'notes', 'instructions', 'pay', 'payment', 'nachricht', 'hinweis', 'zahlen', 'payez', 'pagar', 'pague', 'pagamento', 'wallet']);
/** A file's extension changed: "every file has a weird extension now". */
const EXTENSIONS: ReadonlySet<string> = new Set(['extension', 'extensions', 'endung', 'dateiendung', 'dateiendungen', 'extensao', 'extensoes', 'extensiones']);
const CHANGED: ReadonlySet<string> = new Set(['weird', 'strange', 'odd', 'unknown', 'new', 'changed', 'renamed', 'seltsame', 'seltsamen', 'komische', 'neue', 'geandert', 'etrange', 'bizarre', 'nouvelle', 'rara', 'extrana', 'nueva', 'estranha', 'nova']);
/** Sent, in the past: what the requester did, not what a message asked for ("asking me to send"). */
const SENT_PAST: ReadonlySet<string> = new Set([
  'mandou', 'enviou', 'encaminhou', 'mandaram', 'enviaram', 'mandaron', 'enviaron', 'envoi', 'envio', 'selectionne', 'seleccione', 'selecionei', 'ausgewahlt', 'attached', 'sent', 'emailed', 'mailed', 'forwarded', 'replied', 'uploaded', 'gesendet', 'geschickt', 'verschickt', 'weitergeleitet', 'envoye', 'envoyes', 'envoyees', 'transmis', 'repondu',
  'mande', 'mandado', 'envie', 'enviado', 'respondi', 'mandei', 'enviei', 'encaminhei', 'passei', 'shared', 'posted', 'partage', 'partagee', 'comparti', 'compartido', 'compartilhei',
  'geteilt', 'freigegeben', 'transfere', 'transferred', 'transferi', 'transferido', 'reenvie', 'reenviei',
]);

const MISTAKE_BY: ReadonlySet<string> = new Set(['by', 'in', 'por', 'par', 'per']);
/** What a booking goes to: "posted to the wrong office", "auf die falsche Kostenstelle". */
const BOOKINGS: ReadonlySet<string> = new Set([
  'project', 'projects', 'office', 'account', 'accounts', 'cost', 'code', 'codes', 'ledger', 'period', 'entity', 'job', 'budget', 'line', 'month', 'year', 'kostenstelle', 'konto', 'projekt',
  'periode', 'compte', 'projet', 'cuenta', 'proyecto', 'periodo', 'conta', 'projeto',
]);
/** "instead of", "statt", "au lieu de", "en lugar de", "em vez de". */
const INSTEAD: ReadonlySet<string> = new Set(['instead', 'statt', 'anstatt', 'lieu', 'lugar', 'vez']);

/** What asks for an approval at sign-in (narrower than PUSHES: a leave request approved twice is no attack). */
const SIGN_IN_PROMPTS: ReadonlySet<string> = new Set(['mfa', '2fa', 'push', 'pushes', 'prompt', 'prompts', 'authenticator', 'verify', 'duo', 'okta', 'sign', 'signin', 'login', 'logon', 'anmeldung', 'anmeldeanfrage', 'connexion', 'inicio']);
/** A prompt at an hour nobody signs in: "a login request at 2am", "half asleep", "mitten in der Nacht". */
const NIGHT: ReadonlySet<string> = new Set(['1am', '2am', '3am', '4am', '5am', 'midnight', 'asleep', 'nachts', 'nacht', 'nuit', 'madrugada', 'medianoche']);
/** Approved, as something done: "tapped Yes", "approved it", "hab bestätigt". */
const APPROVED: ReadonlySet<string> = new Set(['approved', 'accepted', 'confirmed', 'yes', 'bestatigt', 'akzeptiert', 'genehmigt', 'approuve', 'accepte', 'valide', 'aprobe', 'acepte', 'confirme', 'aprovei', 'aceitei', 'confirmei']);
/** A move that renames files on purpose. */
const MIGRATION: ReadonlySet<string> = new Set(['migration', 'migrated', 'migrating', 'migrate', 'moved', 'upgrade', 'upgraded', 'sync', 'synced', 'umzug', 'migriert', 'migracion', 'migracao', 'deplacement']);
/** Running a file. */
const RAN: ReadonlySet<string> = new Set(['ran', 'opened', 'clicked', 'executed', 'launched', 'activated', 'enabled', 'started', 'ausgefuhrt', 'geoffnet', 'gestartet', 'aktiviert', 'execute', 'ouvert', 'lance', 'active', 'ejecute', 'abri', 'executei', 'ativei']);
/** What a file that runs code is called. */
const RISKY: ReadonlySet<string> = new Set(['exe', 'scr', 'js', 'vbs', 'hta', 'lnk', 'iso', 'img', 'bat', 'cmd', 'ps1', 'msi', 'jar', 'zip', 'rar', '7z', 'docm', 'xlsm', 'macro', 'macros', 'makro', 'makros', 'attachment', 'anhang', 'adjunto', 'anexo']);
/** A defaced page speaks another language: "a text in Russian". */
const FOREIGN: ReadonlySet<string> = new Set(['russian', 'chinese', 'arabic', 'korean', 'cyrillic', 'russisch', 'chinesisch', 'arabisch', 'russe', 'chinois', 'arabe', 'ruso', 'chino', 'russo', 'chines', 'hacked', 'hackers', 'hacker']);
/** A public page. */
const WEBSITE: ReadonlySet<string> = new Set(['website', 'homepage', 'webshop', 'site', 'page', 'pagina', 'seite', 'startseite', 'webseite', 'tienda', 'loja', 'boutique']);
/** Remote-control tools a fake support caller has people install. */
const REMOTE_TOOLS: ReadonlySet<string> = new Set(['anydesk', 'teamviewer', 'quickassist', 'supremo', 'ultraviewer', 'screenconnect', 'logmein', 'rustdesk', 'splashtop']);
const CALLED: ReadonlySet<string> = new Set(['called', 'phoned', 'rang', 'rief', 'angerufen', 'appele', 'llamo', 'llamado', 'ligou', 'ligaram']);
/** "put it in my notebook": put, into a computer (not "on the reception desk"). */
const PUT: ReadonlySet<string> = new Set(['put', 'stuck', 'steckte', 'gesteckt', 'mis', 'meti', 'puse', 'coloquei']);
function putIn(words: readonly string[], from: number, to: number, near: (i: number, bits: number, before: number, after: number) => number): boolean {
  for (let j = from; j < to && j < words.length; j++) if (PUT.has(words[j]!) && near(j, C.device, 0, 4) >= 0) return true;
  return false;
}
const RULES: ReadonlySet<string> = new Set(['rule', 'rules', 'regel', 'regle', 'regla', 'regra']);
const FORWARDING: ReadonlySet<string> = new Set(['moves', 'moving', 'deplace', 'mueve', 'move', 'verschiebt', 'deletes', 'loscht', 'supprime', 'borra', 'apaga', 'forwarding', 'forwards', 'forward', 'weiterleitung', 'weiterleiten', 'transfert', 'reenvio', 'reenviar', 'encaminhamento', 'encaminhar']);
const OUTSIDE_MAIL: ReadonlySet<string> = new Set(['gmail', 'hotmail', 'yahoo', 'outlook', 'gmx', 'external', 'extern', 'externe', 'externo', 'externa', 'private', 'privat']);
const AUTOCOMPLETE: ReadonlySet<string> = new Set(['autocomplete', 'autocompleted', 'autocompletou', 'autocompleto', 'autovervollstandigung', 'autocompletion', 'saisie']);
/** Where credentials are typed. */
const PAGES: ReadonlySet<string> = new Set(['page', 'site', 'website', 'portal', 'seite', 'webseite', 'pagina', 'sitio', 'formulaire', 'form', 'formular', 'formulario']);
/** "an encrypted USB drive", "a verschlüsselte Mail": encryption as protection, not an attack. */
const PROTECTED_MEDIA: ReadonlySet<string> = new Set(['usb', 'drive', 'stick', 'disk', 'laptop', 'email', 'mail', 'connection', 'zip', 'file', 'archive', 'container', 'message', 'festplatte', 'cle', 'disque', 'unidad', 'pendrive', 'memoria', 'disco']);
const BANK_DETAILS: ReadonlySet<string> = new Set(['iban', 'rib', 'bankverbindung', 'bankdaten', 'kontonummer', 'nib']);
/** What a message turned out to be: "it was fake", "a scam", "phishing". */
const FAKE: ReadonlySet<string> = new Set([
  'fake', 'scam', 'phishing', 'phish', 'spoofed', 'fraud', 'fraudulent', 'gefalscht', 'gefalschte', 'betrug', 'faux', 'fausse', 'arnaque', 'hameconnage', 'falso', 'falsa', 'estafa', 'golpe', 'fraude',
]);
/** Finding out afterwards: "then I realised", "it turned out", "apparently". */
const AFTERWARDS: ReadonlySet<string> = new Set(['realised', 'realized', 'turned', 'pretending', 'pretended', 'impersonating', 'supposedly', 'allegedly', 'angeblich', 'gemerkt', 'bemerkt', 'soi', 'supuestamente', 'supostamente', 'percebi']);
/** How far from the payment the boss who ordered it is named. */
const BOSS_WINDOW = 15;
const LOOKED: ReadonlySet<string> = new Set(['looked', 'seemed']);
const HEDGES: ReadonlySet<string> = new Set(['if', 'maybe', 'perhaps', 'probably', 'might', 'could', 'falls', 'vielleicht', 'wahrscheinlich', 'si', 'peut', 'quizas', 'quiza', 'tal', 'se', 'talvez', 'caso']);
const MOVES_DOWN: ReadonlySet<string> = new Set(['scroll', 'scrolling', 'scrolls', 'drop', 'page', 'pull', 'sit', 'write', 'jot', 'calm', 'slow', 'count']);
const LOOKED_AT: ReadonlySet<string> = new Set(['at', 'into', 'for', 'after', 'over', 'to']);
/** What follows a virus word in a routine check: "virus scan", "antivirus definitions". */
const ROUTINE_CHECKS: ReadonlySet<string> = new Set(['scan', 'scans', 'scanned', 'check', 'checks', 'definitions', 'protection', 'scanner', 'software', 'update', 'updates', 'pruefung', 'prufung', 'scanne', 'analyse', 'analisis', 'analise', 'verificacao']);
/** Who orders a payment in a fraud. */
const BOSSES: ReadonlySet<string> = new Set(['ceo', 'cfo', 'boss', 'director', 'directeur', 'dg', 'pdg', 'chef', 'geschaftsfuhrer', 'geschaftsfuhrerin', 'vorstand', 'jefe', 'jefa', 'directora', 'diretor', 'diretora', 'presidente', 'president']);
/** Where a ransom note is left. */
const FILES_OR_FOLDERS: ReadonlySet<string> = new Set(['folder', 'folders', 'ordner', 'dossier', 'dossiers', 'carpeta', 'carpetas', 'pasta', 'pastas', 'files', 'file', 'dateien', 'fichiers', 'archivos', 'arquivos', 'ficheiros', 'share', 'drive', 'laufwerk']);
/** A prompt to approve, and the messages that ask for one. */
const PROMPT_WORDS: ReadonlySet<string> = new Set(['prompt', 'prompts', 'push', 'mfa', '2fa', 'authenticator', 'anfrage', 'demande', 'solicitud', 'solicitacao']);
const MESSAGES: ReadonlySet<string> = new Set(['text', 'sms', 'mail', 'email', 'message', 'whatsapp', 'teams', 'call', 'nachricht', 'courriel', 'mensaje', 'correo', 'mensagem']);
/** Ransomware families, named by their file endings and notes (not those that are ordinary words: stop, hive, maze, conti, medusa). */
const RANSOMWARE: ReadonlySet<string> = new Set(['lockbit', '8base', 'blackcat', 'alphv', 'ryuk', 'revil', 'sodinokibi', 'akira', 'clop', 'cl0p', 'blackbasta', 'rhysida', 'phobos', 'djvu', 'wannacry', 'babuk']);
/** A note left in every folder: "README_RESTORE.txt", "how_to_restore_files.html". */
const RESTORE: ReadonlySet<string> = new Set(['restore', 'recover', 'recovery', 'decrypt', 'unlock', 'wiederherstellen', 'wiederherstellung', 'restaurer', 'recuperer', 'restaurar', 'recuperar']);
const NOTE_FILES: ReadonlySet<string> = new Set(['txt', 'html', 'htm', 'hta', 'readme', 'note']);
/** Money moved: "j'ai passé le virement", "I made the transfer". */
const TRANSFER: ReadonlySet<string> = new Set(['transfer', 'transferred', 'wire', 'wired', 'paid', 'payment', 'virement', 'vire', 'uberweisung', 'uberwiesen', 'uberweisen', 'transferencia', 'transferi', 'transferido', 'pague', 'pago', 'pagamento', 'paguei']);
/** Since or after: "since the maintenance last night" is an outage after it, not work announced. */
const SINCE: ReadonlySet<string> = new Set(['since', 'after', 'seit', 'nach', 'depuis', 'apres', 'desde', 'despues', 'tras', 'apos']);
/** "20 times", "zehnmal": how often a prompt came. */
const TIMES_WORDS: ReadonlySet<string> = new Set(['times', 'mal', 'fois', 'veces', 'vezes']);
/** Security products by name or kind, which report what they found. */
const SECURITY_PRODUCTS: ReadonlySet<string> = new Set(['edr', 'xdr', 'antivirus', 'antivirenprogramm', 'virenscanner', 'defender', 'crowdstrike', 'falcon', 'sentinelone', 'sophos', 'mcafee', 'norton', 'kaspersky', 'eset', 'bitdefender', 'malwarebytes', 'trendmicro', 'cortex', 'carbonblack', 'antimalware']);
/** What such a product does with a threat. */
const DETECTED: ReadonlySet<string> = new Set(['flagged', 'flags', 'detected', 'detection', 'detections', 'alerted', 'warned', 'quarantined', 'erkannt', 'gemeldet', 'meldet', 'detecte', 'detectee', 'signale', 'detectado', 'detecto', 'detectou']);
/** Every file scrambled: "every file has turned into random names", "alle Dateien unlesbar". */
const SCRAMBLED: ReadonlySet<string> = new Set(['renamed', 'random', 'unreadable', 'scrambled', 'gibberish', 'unlesbar', 'umbenannt', 'illisibles', 'illisible', 'renommes', 'ilegibles', 'ilegiveis', 'renombrados', 'renomeados']);

const CLICKED: ReadonlySet<string> = new Set(['clicked', 'tapped', 'followed', 'geklickt', 'angeklickt', 'clique', 'clicou', 'cliquei', 'clicaram', 'clicado', 'clico', 'pulse', 'pulsado', 'pinchado', 'pinche', 'pincho']);
const CLICK_TARGETS: ReadonlySet<string> = new Set(['it', 'link', 'links', 'lien', 'enlace', 'button', 'bouton', 'boton', 'botao', 'knopf']);
/** Typed in: "put in his username and password", "entered the code", "eingegeben". */
const TYPED_IN: ReadonlySet<string> = new Set([
  'typed', 'entered', 'eingegeben', 'eingetippt', 'angemeldet', 'eingeloggt', 'saisi', 'tape', 'introduje', 'introducido', 'escribi', 'puse', 'metido', 'puesto', 'digitei', 'digitado', 'digitaram',
  'coloquei', 'colocado', 'inseri', 'inserido',
]);
const SECRETS_TYPED: ReadonlySet<string> = new Set(['password', 'passwords', 'username', 'code', 'pin', 'credentials', 'details', 'login', 'passwort', 'kennwort', 'zugangsdaten', 'passe', 'identifiants', 'contrasena', 'clave', 'codigo', 'senha', 'credenciais', 'dados']);
/** A password chosen in a reset flow is no password given away. */
const RESETTING: ReadonlySet<string> = new Set(['reset', 'new', 'zurucksetzen', 'neues', 'reinitialiser', 'nouveau', 'restablecer', 'nueva', 'redefinir', 'nova']);
function credentialsTyped(words: readonly string[], from: number, to: number): boolean {
  for (let j = from; j < to && j < words.length; j++) {
    const typed = TYPED_IN.has(words[j]!) || (words[j] === 'put' && words[j + 1] === 'in');
    if (!typed) continue;
    for (let k = Math.max(from, j - 5); k <= j + 6 && k < words.length; k++) {
      if (RESETTING.has(words[k]!)) return false;
      if (SECRETS_TYPED.has(words[k]!)) return true;
    }
  }
  return false;
}

/** The number a word of digits says ("12"), else 0. */
function countOf(word: string | undefined): number {
  return word !== undefined && /^\d+$/.test(word) ? Number(word) : 0;
}

/** True when a word of `words[from..to)` is in `set` (a loop, not a slice and a closure: this runs for many words). */
export function within(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let j = Math.max(0, from); j < to && j < words.length; j++) if (set.has(words[j]!)) return true;
  return false;
}

/** Phrases that are one cue; looked up in the space-joined words. */
const PHRASES = {
  autonomous: ['on its own', 'by itself', 'sin que nadie lo toque', 'sin que nadie', 'se abren solas', 'se abren solos', 'abrem sozinhas', 'ohne dass jemand', 's ouvrent toutes seules', 'offnen sich von selbst', 'moves alone', 'move alone', 'moving alone', 'moved alone', 'se mueve solo', 'se mueve sola', 'bouge seul', 'bouge seule', 'mexe sozinho', 'bewegt sich allein', 'von selbst', 'von allein', 'tout seul', 'toute seule', 'por si solo', 'por si sola', 'sozinho', 'sozinha', 'solo se mueve'],
  disown: ['never been there', 'never been to', 'never been in', 'never been near', 'never made', 'never did', 'i was asleep', 'not me', 'wasn t me', 'was not me', 'no fui yo', 'nao fui eu', 'pas moi', 'nicht ich', 'war nicht ich', 'war ich nicht', 'ce n etait pas moi', 'didn t change it', 'i didn t change', 'i did not change', 'didn t make', 'did not make',
    'didn t do that', 'did not do that', 'didn t do this', 'didn t do it', 'not trying to', 'wasn t trying', 'never asked', 'didn t ask', 'did not ask', 'never requested', 'didn t request',
    'did not request', 'didn t start', 'didn t initiate', 'didn t trigger', 'nicht angefordert', 'nicht ausgelost', 'nicht beantragt', 'nie angefordert', 'pas demande', 'jamais demande',
    'no pedi', 'no solicite', 'nunca pedi', 'nao pedi', 'nao solicitei', 'eu nao fiz',
    'never wrote', 'didn t write', 'did not write', 'didn t send', 'did not send', 'didn t set that up', 'didn t set it up', 'did not set', 'never set up', 'nicht geschrieben',
    'nicht gesendet', 'nicht eingerichtet', 'nicht gemacht', 'pas envoye', 'pas ecrit', 'pas fait', 'pas cree', 'que no hice', 'no lo hice', 'no las hice', 'no escribi', 'no envie', 'no cree',
    'nao escrevi', 'nao enviei', 'nao criei', 'que nao fiz', 'haven t tried', 'have not tried', 'hadn t tried', 'never tried', 'wasn t logging in', 'not logging in', 'wasn t signing in', 'not signing in', 'wasn t trying to sign in', 'wasn t trying to log in', 'i wasn t logged in',
    'nicht versucht', 'pas essaye', 'no he intentado', 'nao tentei', 'haven t sent', 'have not sent', 'hadn t sent', 'i never sent', 'no los he enviado', 'no las he enviado', 'no lo he enviado', 'no he enviado', 'yo no envie', 'no los envie',
    'none of us posted', 'nobody here posted', 'we didn t post', 'we did not post', 'none of us wrote', 'none of us sent', 'nobody here sent', 'we didn t send', 'we did not send', 'niemand von uns hat', 'personne n a envoye', 'nadie de nosotros envio', 'ninguem de nos enviou', 'don t own', 'do not own', 'isn t mine', 'not mine', 'gehort mir nicht', 'nicht meins', 'pas a moi', 'no es mio', 'nao e meu', 'not sure i made', 'i didn t create', 'i did not create', 'i never created', 'didn t set this up', 'nicht angelegt', 'pas cree', 'no la cree', 'nao criei',
    'nao mexi em nada', 'eu nao mexi', 'didn t touch anything', 'did not touch anything', 'i didn t change anything', 'i did not change anything', 'no toque nada', 'yo no cambie nada',
    'je n ai rien touche', 'je n ai rien change', 'ich habe nichts geandert', 'nichts angefasst', 'nao alterei nada', 'nao alterei',
    'no he creado', 'que no he creado', 'no hemos creado', 'pas creee', 'pas creees', 'pas crees', 'jamais envoye', 'jamais envoyes', 'nunca envie', 'nunca enviei', 'nunca he enviado', 'never created',
    'nicht verschickt', 'nicht geschickt', 'nie geschickt', 'nie gesendet', 'ne les ai pas envoyes', 'n ai pas envoye', 'n ai rien envoye', 'nao os enviei', 'nao mandei', 'eu nao enviei'],
  /** Something run that showed nothing: the mark of malware. */
  nothingOpened: ['nothing opened', 'nothing happened', 'nothing came up', 'nichts passiert', 'passiert nichts', 'nichts geoffnet', 'rien ne s est passe', 'rien ne s est ouvert', 'no paso nada', 'no se abrio nada', 'nao aconteceu nada', 'nada abriu', 'nada aconteceu'],
  /** What a page shows that its owners did not put there. */
  notOurs: ['not ours', 'isn t ours', 'is not ours', 'wasn t ours', 'was not ours', 'nicht unser', 'nicht unsere', 'n etait pas le notre', 'no era nuestro', 'no era nuestra', 'nao era nosso', 'nao era nossa', 'not our own', 'que no es nuestra', 'que no es nuestro', 'nicht von uns', 'pas la notre', 'pas le notre', 'nao e nossa', 'nao e nosso', 'hacked by'],
  /** A page that was not the real one. */
  wrongPage: ['wrong page', 'wrong site', 'wrong website', 'falschen seite', 'falscher seite', 'mauvaise page', 'mauvais site', 'pagina equivocada', 'pagina errada', 'site errado'],
  /** Public places a link was posted in. */
  publicPlace: ['whatsapp group', 'parents whatsapp', 'grupo de whatsapp', 'groupe whatsapp', 'whatsapp gruppe', 'facebook group', 'public channel', 'public community', 'public slack', 'public group', 'public forum', 'offentlichen kanal', 'canal public', 'canal publico', 'grupo publico'],
  /** A caller posing as IT or a vendor's support. */
  poser: ['said he is from', 'said he was from', 'said she is from', 'said she was from', 'said they were from', 'claimed to be from', 'claiming to be from', 'pretending to be from', 'from microsoft support',
    'microsoft support called', 'from the it of', 'called me from it', 'er sei von', 'angeblich von', 'se disant de', 'qui disait etre', 'dijo que era de', 'diciendo que era de', 'disse que era da', 'disse que era do'],
  /** Done without meaning to: "hit approve without thinking", "por error". */
  slip: ['sin querer', 'sem querer', 'sans le vouloir', 'sans faire expres', 'ohne es zu wollen', 'unabsichtlich', 'without meaning to', 'by mistake', 'by accident', 'without thinking', 'out of habit', 'on autopilot', 'aus versehen', 'ohne nachzudenken', 'par erreur', 'sans reflechir', 'por error', 'sin pensar', 'por engano', 'sem pensar'],
  /** Someone posing as the boss: "the real CEO knows nothing about it". */
  realBoss: ['the real ceo', 'the real cfo', 'the actual ceo', 'our real ceo', 'au vrai dg', 'le vrai dg', 'le vrai directeur', 'le vrai pdg', 'der echte chef', 'der echte geschaftsfuhrer', 'el verdadero director', 'el director real', 'o verdadeiro diretor', 'o diretor de verdade'],
  /** One after the other, while people watch: something spreading. */
  spreading: ['one by one', 'nacheinander', 'un par un', 'une par une', 'uno por uno', 'uno a uno', 'um a um', 'um por um', 'while we watch', 'as we watch', 'while i watch', 'into the other folders', 'one after another', 'one after the other', 'one folder after the other', 'one folder after another', 'einer nach dem anderen', 'eine nach der anderen', 'les uns apres les autres', 'l un apres l autre', 'uno tras otro', 'una tras otra', 'um apos o outro', 'uma apos a outra'],
  /** Prompts that kept coming until one was approved: MFA fatigue. */
  repeated: ['in a row', 'over and over', 'again and again', 'kept coming', 'kept popping', 'kept asking', 'so it would stop', 'make it stop', 'make them stop', 'make the prompts stop', 'immer wieder', 'sans arret', 'sin parar', 'sem parar', 'una y otra vez', 'vezes seguidas'],
  /** A security product reporting something. */
  securityTool: ['security agent', 'security software', 'security tool', 'endpoint protection', 'windows defender', 'microsoft defender', 'windows security', 'security alert', 'sicherheitswarnung', 'alerte de securite', 'alerta de seguridad', 'alerta de seguranca'],
  /** Paying to get files back: a ransom note in other words. */
  payBack: ['pay to get', 'pay to restore', 'pay to recover', 'pay to unlock', 'pay for the key', 'pay to decrypt', 'to get the data back', 'to get our files back', 'to get the files back', 'zahlen um', 'payer pour recuperer', 'pagar para recuperar', 'pagar para recuperar os'],
  falseAlarm: ['false alarm', 'it was me', 'it was just me', 'fehlalarm', 'war ich selbst', 'c etait moi', 'fausse alerte', 'falsa alarma', 'era yo', 'fui yo mismo', 'alarme falso', 'era eu', 'false positive', 'false positives', 'faux positif', 'faux positifs', 'falso positivo', 'falsos positivos', 'close the ticket', 'ticket schliessen', 'fermer le ticket', 'cerrar el ticket', 'fechar o chamado', 'all good now', 'please ignore'],
  thanks: ['thanks for', 'thank you for', 'danke fur', 'vielen dank fur', 'merci pour', 'merci d avoir', 'gracias por', 'obrigado por', 'obrigada por'],
  singular: ['only me', 'only mine', 'only my', 'nobody else', 'no one else', 'noone else', 'everyone else', 'niemand sonst', 'nur bei mir', 'nur ich', 'nur mein', 'personne d autre', 'que moi', 'seulement moi', 'seulement mon', 'chez moi seulement', 'nadie mas', 'solo a mi', 'solo yo', 'solo mi', 'ninguem mais', 'so comigo', 'so eu', 'so o meu', 'so a minha'],
  exposed: ['ouvert a tout le personnel', 'ouvert a tous', 'accessible a tous', 'open to all staff', 'open to everyone', 'accessible to everyone', 'abierto a todos', 'accesible para todos', 'aberto a todos', 'fur alle zuganglich', 'offen fur alle', 'esta publica', 'esta publico', 'sem iniciar sessao', 'without logging in', 'without signing in', 'without a login', 'sin iniciar sesion', 'sans se connecter', 'ohne anmeldung', 'ohne sich anzumelden', 'became public', 'is now public', 'ficou publico', 'ficou publica', 'est devenu public', 'se hizo publico', 'quedo publico', 'ist offentlich', 'made public', 'public link', 'publicly accessible', 'anyone with the link', 'open to anyone', 'visible to everyone', 'jeder mit dem link', 'toute personne disposant du lien', 'cualquiera con el enlace', 'qualquer pessoa com o link'],
  minor: ['now and then', 'ab und zu', 'de temps en temps', 'a veces', 'de vez en cuando', 'as vezes', 'de vez em quando', 'every now and again'],
  /** A page or caller asking for the password (then signed in: phishing in two steps). */
  askedFor: [
    'asked for my', 'asked me for my', 'asked me to log in', 'asked me to sign in', 'asked me to enter', 'prompted me for my', 'wanted my password', 'nach meinem passwort', 'verlangte mein',
    'demandait mon', 'demande mon mot', 'pedia mi', 'me pidio mi', 'pedia minha', 'pediu minha', 'pediu a minha',
  ],
  doubt: ['never asks', 'never ask', 'doesn t usually', 'does not usually', 'usually doesn t', 'fragt nie', 'ne demande jamais', 'nunca pide', 'nunca pede', 'wasn t you', 'was it you', 'was that real', 'was this real', 'is this real', 'is that real', 'is it real', 'was it real', 'wart ihr das', 'c etait vous', 'eran ustedes', 'eram voces'],
  canWait: ['stort nicht', 'stoert nicht', 'ne gene pas', 'no molesta', 'nao atrapalha', 'doesn t bother', 'nur optisch', 'purely visual'],
} as const;
type PhraseKind = keyof typeof PHRASES;
/** The phrases by their first word: one pass over the ticket finds them all. */
const PHRASE_STARTS = new Map<string, { kind: PhraseKind; parts: string[] }[]>();
for (const [kind, list] of Object.entries(PHRASES) as [PhraseKind, readonly string[]][]) {
  for (const phrase of list) {
    const parts = phrase.split(' ');
    PHRASE_STARTS.set(parts[0]!, [...(PHRASE_STARTS.get(parts[0]!) ?? []), { kind, parts }]);
  }
}

/** What the compositional reading found; each field is the reason text, or undefined. */
export interface PriorityCues {
  /** A security event (an action on a secret or link next to suspicion, a disowned sign-in, ransom, theft, data sent out or left public, remote control, a found USB stick plugged in). */
  readonly security?: string | undefined;
  /** Scope and severity close together: many people or a whole place or service blocked. */
  readonly scopedImpact?: string | undefined;
  /** A scope word anywhere (everyone, the whole team, ningún empleado). */
  readonly scope?: boolean | undefined;
  /** A severity word or a negated ability anywhere. */
  readonly severity?: boolean | undefined;
  /** The requester says it is only them ("colleagues are fine", "nobody else"). */
  readonly singular?: boolean | undefined;
  /** A context that is no incident: training, a simulation, planned work, thanks, a false alarm. */
  readonly nonIncident?: string | undefined;
  /** A wish for something (new): "the whole team wants new monitors". */
  readonly wish?: boolean | undefined;
  /** A plain wish (want, would love, möchte, quiere), a request even without a question. */
  readonly wants?: boolean | undefined;
  /** The requester themselves cannot log in, connect or work. */
  readonly selfBlocked?: boolean | undefined;
  /** A cosmetic issue or "doesn't bother me". */
  readonly cosmetic?: boolean | undefined;
  /** Something needed ("needs a licence and a laptop", "brauche", "preciso"): a request unless something is broken. */
  readonly needs?: boolean | undefined;
  /** A nuisance ("annoying", "sometimes") with nothing broken or blocked. */
  readonly minor?: boolean | undefined;
}

/** Words that are many people or the business on their own. */
const SELF_SCOPED: ReadonlySet<string> = new Set(['everyone', 'everybody', 'anybody', 'production', 'prod', 'produktion', 'produccion', 'producao', 'customers', 'kunden', 'clientes']);
/** What a business runs on, counted: "fails for every order", "all tills", "todas las cajas". */
const COUNTED: ReadonlySet<string> = new Set([
  'order', 'orders', 'payment', 'payments', 'transaction', 'transactions', 'checkout', 'checkouts', 'till', 'tills', 'register', 'registers', 'scanners', 'bestellung', 'bestellungen',
  'zahlungen', 'kassen', 'kasse', 'commande', 'commandes', 'paiements', 'caisses', 'pedido', 'pedidos', 'pagos', 'cajas', 'pagamentos', 'caixas', 'vendas', 'ventas',
]);
/** Sites of a business: two or more of them counted ("in 4 branches", "três lojas") are a scope of their own. */
const SITES: ReadonlySet<string> = new Set([
  'sites', 'branches', 'stores', 'shops', 'offices', 'depots', 'clinics', 'plants', 'warehouses', 'locations', 'hotels', 'restaurants', 'schools', 'surgeries', 'practices',
  'standorte', 'filialen', 'niederlassungen', 'geschafte', 'laden', 'werke', 'praxen', 'kliniken', 'agences', 'magasins', 'boutiques', 'bureaux', 'usines', 'entrepots', 'cliniques',
  'sucursales', 'tiendas', 'oficinas', 'sedes', 'almacenes', 'plantas', 'clinicas', 'filiais', 'lojas', 'escritorios', 'unidades', 'armazens', 'fabricas', 'agencias',
]);
const BLUE_SCREEN_NOUNS: ReadonlySet<string> = new Set(['ecran', 'ecrans', 'ecra', 'ecras', 'pantalla', 'pantallas', 'tela', 'telas']);
const SEVERAL: ReadonlySet<string> = new Set([
  'two', 'three', 'four', 'five', 'several', 'multiple', 'zwei', 'drei', 'vier', 'funf', 'mehrere', 'deux', 'trois', 'quatre', 'cinq', 'plusieurs',
  'dos', 'tres', 'cuatro', 'cinco', 'varias', 'varios', 'duas', 'dois', 'quatro', 'diversas', 'diversos',
]);
/** "kein Mitarbeiter", "no one", "ningún empleado": a determiner of nobody before people. */
const NO_DETERMINERS: ReadonlySet<string> = new Set(['no', 'kein', 'keine']);
/** "Schulungsraum", "training room": a room's name, no training. */
const ROOM_WORDS: ReadonlySet<string> = new Set(['room', 'rooms', 'centre', 'center', 'raum', 'salle', 'sala']);
function trainingWord(mask: number, word: string, next: string): boolean {
  return (mask & C.training) !== 0 && !ROOM_WORDS.has(next) && !word.endsWith('raum') && !word.endsWith('raume');
}
/** Someone else signed in: "someone logged into my account", "quelqu'un s'est connecté", "jemand hat sich angemeldet". */
const SOMEONE: ReadonlySet<string> = new Set(['someone', 'somebody', 'quelqu', 'jemand', 'alguien', 'alguem', 'qualcuno', 'iemand']);
const SIGNED_IN_PAST: ReadonlySet<string> = new Set(['logged', 'signed', 'accessed', 'connecte', 'connectee', 'angemeldet', 'eingeloggt', 'zugegriffen', 'accedio', 'entro', 'entrou', 'acessou', 'conecto', 'conectou']);
/** A device left behind or not found: "left on the train", "can't find my laptop". */
const LEFT: ReadonlySet<string> = new Set(['left', 'forgot', 'vergessen', 'liegen', 'oublie', 'oubliee', 'olvide', 'deje', 'esqueci', 'deixei']);
const PUBLIC_PLACES: ReadonlySet<string> = new Set(['coach', 'ice', 'zug', 'bahn', 'gepackablage', 'tren', 'comboio', 'autocarro', 'avion', 'flugzeug', 'tram', 'tramway', 'strassenbahn', 'subway', 'underground', 'ferry', 'cab', 'coffee', 'hotel', 'gym', 'bar', 'pub', 'library', 'conference', 'train', 'bus', 'taxi', 'uber', 'plane', 'flight', 'airport', 'cafe', 'restaurant', 'station', 'tube', 'flughafen', 'aeroport', 'gare', 'metro', 'autobus', 'aeropuerto', 'trem', 'onibus', 'aviao', 'aeroporto']);
/** Files locked with a demand to pay: a ransom note in other words. */
const LOCKED: ReadonlySet<string> = new Set(['locked', 'encrypted', 'gesperrt', 'blockiert', 'verrouilles', 'bloques', 'bloqueados', 'bloqueadas']);
const PAY: ReadonlySet<string> = new Set(['pay', 'payment', 'zahlen', 'bezahlen', 'payer', 'payez', 'pagar', 'pague', 'pagamento', 'paiement', 'pago']);
/** An approval an attacker waits for: a push or prompt. */
const PUSHES: ReadonlySet<string> = new Set(['mfa', '2fa', 'push', 'pushes', 'prompt', 'prompts', 'authenticator', 'notification', 'notifications', 'requests', 'request', 'anfragen', 'demandes', 'solicitudes', 'solicitacoes', 'notificacoes', 'notificaciones']);
const APPROVALS: ReadonlySet<string> = new Set(['aprobar', 'aceptar', 'aprovar', 'approuver', 'bestatigen', 'genehmigen', 'approve', 'approved', 'accept', 'accepted', 'confirm', 'confirmed', 'yes', 'bestatigt', 'akzeptiert', 'genehmigt', 'approuve', 'accepte', 'valide', 'aprobe', 'acepte', 'confirme', 'aprovei', 'aceitei', 'confirmei']);

const TIME_WORDS: ReadonlySet<string> = new Set(['time', 'day', 'morning', 'afternoon', 'week', 'night', 'tag', 'morgen', 'woche', 'nacht', 'temps', 'jour', 'journee', 'matin', 'semaine', 'tiempo', 'dia', 'manana', 'tarde', 'semana', 'noche', 'manha', 'noite']);
const ARTICLES: ReadonlySet<string> = new Set(['the', 'den', 'die', 'das', 'le', 'la', 'les', 'el', 'los', 'las', 'o', 'a', 'os', 'as']);
const NO_WAY: ReadonlySet<string> = new Set(['jeito', 'manera', 'forma', 'modo', 'caso', 'fall', 'cas', 'way']);

/** Places that, named as the subject, are many people: "the Bordeaux site", "unsere Filiale", "la tienda". */
const PLACE_SUBJECTS: ReadonlySet<string> = new Set([
  'centre', 'center', 'callcenter', 'site', 'branch', 'building', 'warehouse', 'store', 'shop', 'plant', 'factory', 'floor', 'office', 'filiale', 'niederlassung', 'standort', 'gebaude', 'lager', 'etage', 'buro',
  'agence', 'batiment', 'entrepot', 'usine', 'magasin', 'bureau', 'sucursal', 'edificio', 'almacen', 'tienda', 'fabrica', 'oficina', 'planta', 'filial', 'predio', 'armazem', 'loja', 'escritorio', 'andar',
]);
/** The requester speaking of themselves: "I have no internet in the office", "doesn't work on my phone" is one person. */
const SELF_WORDS: ReadonlySet<string> = new Set(['i', 'me', 'ich', 'mir', 'mich', 'je', 'moi', 'yo', 'eu']);
/** Where the requester is: "at the office", "from the office" names no place as the subject. */
const PLACE_PREPS: ReadonlySet<string> = new Set(['at', 'from', 'depuis', 'desde', 'von']);
/** Words between such a place and the lost service. */
const PLACE_WINDOW = 8;

/** Words between a scope word and a severity word that still read as one statement. */
const SCOPE_WINDOW = 10;
/** Words between an action and its object. */
const ACTION_WINDOW = 6;

/** Reads the compositional cues from folded words (see `foldWords`). */
export function readCues(folded: readonly string[]): PriorityCues {
  const words = joinCompounds(folded.map(spelled));
  const masks = words.map(classes);
  // "ran a virus scan", "updated the antivirus definitions": a routine check suspects nothing; "looked at" is no "looked like".
  for (let i = 0; i < words.length; i++) if ((masks[i]! & C.suspicion) && (ROUTINE_CHECKS.has(words[i + 1] ?? '') || (LOOKED.has(words[i]!) && LOOKED_AT.has(words[i + 1] ?? '')))) masks[i] = masks[i]! & ~C.suspicion;
  // "un incidente en curso", "ataque em curso": ongoing, not a course.
  for (let i = 1; i < words.length; i++) if (words[i] === 'curso' && (words[i - 1] === 'en' || words[i - 1] === 'em')) masks[i] = masks[i]! & ~C.training;
  // "when I scroll down", "a drop down": no service is down.
  for (let i = 1; i < words.length; i++) if (words[i] === 'down' && MOVES_DOWN.has(words[i - 1]!)) masks[i] = masks[i]! & ~C.severity;
  const present = new Set<PhraseKind>();
  /** Where "on its own", "tout seul"… stand: what moves by itself must be near them. */
  const autonomous: number[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const { kind, parts } of PHRASE_STARTS.get(words[i]!) ?? []) {
      // Every "on its own" counts for where it stands; other kinds need only their first match.
      if ((present.has(kind) && kind !== 'autonomous') || !parts.every((p, k) => words[i + k] === p)) continue;
      if (kind === 'autonomous') autonomous.push(i);
      // "sorry if this is a false alarm", "maybe it's nothing": a hedge, not a false alarm.
      if (kind === 'falseAlarm' && within(words, i - 4, i, HEDGES)) continue;
      present.add(kind);
    }
  }
  const has = (kind: PhraseKind) => present.has(kind);
  let union = 0;
  for (const m of masks) union |= m;
  const any = (bits: number) => (union & bits) !== 0;
  const near = (i: number, bits: number, before: number, after: number) => {
    for (let j = Math.max(0, i - before); j <= i + after && j < words.length; j++) if (j !== i && (masks[j]! & bits) !== 0) return j;
    return -1;
  };
  const negatedAt = (i: number) => near(i, C.neg | C.cond, 3, 0) >= 0;

  // Scope: a quantifier next to a group, "nobody"/"none" (not "nobody else"), a group with a number of five or more.
  const scopeAt: number[] = [];
  const severityAt: number[] = [];
  /** A place named as the subject, and where a service or ability is lost: these pair only with each other. */
  const placeAt: number[] = [];
  const lostAt: number[] = [];
  for (let i = 0; i < words.length; i++) {
    // "de jeito nenhum", "de ninguna manera", "auf keinen Fall": no way, nobody.
    const m = masks[i]! & C.nobody && (NO_WAY.has(words[i + 1] ?? '') || NO_WAY.has(words[i - 1] ?? '')) ? masks[i]! & ~C.nobody : masks[i]!;
    const next = words[i + 1] ?? '';
    // "blue-screened", "a blue screen": a crash.
    if (words[i] === 'blue' && next.startsWith('screen')) severityAt.push(i);
    // "écran bleu", "ecrã azul", "pantalla azul", "blauer Bildschirm".
    if (BLUE_SCREEN_NOUNS.has(words[i]!) && (next === 'azul' || next === 'bleu')) severityAt.push(i);
    if ((words[i] === 'blauer' || words[i] === 'blauen') && next.startsWith('bildschirm')) severityAt.push(i);
    // "in 4 branches", "em três lojas": several sites.
    if (SITES.has(words[i]!) && (SEVERAL.has(words[i - 1] ?? '') || countOf(words[i - 1]) >= 2)) scopeAt.push(i);
    if (m === 0) continue;
    // Not "all the time", "den ganzen Tag": a stretch of time is no crowd.
    if ((m & C.quant) && !TIME_WORDS.has(next) && !(ARTICLES.has(next) && TIME_WORDS.has(words[i + 2] ?? '')) && !POSSESSIVE.has(next) && near(i, C.group, 4, 6) >= 0) scopeAt.push(i);
    // "our office has no network", "le site de Bordeaux n'a plus de réseau": a place that lost a service (not "my office").
    if ((m & C.group) && PLACE_SUBJECTS.has(words[i]!) && !(within(words, Math.max(0, i - 3), i, POSSESSIVE) || within(words, Math.max(0, i - 3), i, SELF_WORDS) || within(words, Math.max(0, i - 3), i, PLACE_PREPS))) placeAt.push(i);
    if (SELF_SCOPED.has(words[i]!)) scopeAt.push(i);
    // Not "nobody else", "aucun souci", "none of the ports on my desktop".
    if ((m & C.nobody) && !(masks[i + 1]! & C.fine) && !within(words, i + 1, i + 8, POSSESSIVE) && next !== 'else' && next !== 'sonst' && next !== 'mas' && next !== 'mais' && !NO_DETERMINERS.has(words[i]!)) scopeAt.push(i);
    // "kein Mitarbeiter kann", "no user can": the determiner with people is nobody.
    if (NO_DETERMINERS.has(words[i]!) && (masks[i + 1]! & C.group) && !(masks[i + 1]! & C.service)) scopeAt.push(i);
    if ((m & C.quant) && COUNTED.has(next)) scopeAt.push(i);
    if ((m & C.group) && countOf(words[i - 1]) >= 5) scopeAt.push(i);
    // Severity: a severity word, a negated ability, or "no"/"kein"/"sin" and a service (no wifi, kein Netz, sin internet).
    if (m & C.severity) severityAt.push(i);
    // "none of the remote workers can connect": nobody, then what they cannot do.
    if ((m & C.nobody) && near(i, C.able, 0, 8) >= 0) severityAt.push(i);
    // "werkt voor niemand", "doesn't work for anyone": what does not work, then for whom.
    if ((m & C.nobody) && near(i, C.able, 3, 0) >= 0) severityAt.push(i);
    if ((m & C.able) && (near(i, C.neg | C.nobody, 3, 0) >= 0 || near(i, C.neg, 0, 2) >= 0)) {
      severityAt.push(i);
      lostAt.push(i);
    }
    if ((m & C.service) && near(i, C.neg | C.nobody, 2, 0) >= 0) {
      severityAt.push(i);
      lostAt.push(i);
    }
  }
  const singular = has('singular') || masks.some((m, i) => (m & C.people) && near(i, C.fine, 0, 5) >= 0);
  let scopedImpact: string | undefined;
  for (const s of scopeAt) {
    // "my boss will kill me if customers don't get a reply": a crowd in a condition is no crowd blocked.
    if (near(s, C.cond, 2, 0) >= 0) continue;
    const v = severityAt.find((x) => Math.abs(x - s) <= SCOPE_WINDOW);
    if (v !== undefined) {
      scopedImpact = `${words[s]} … ${words[v]}`;
      break;
    }
  }
  for (const s of scopedImpact ? [] : placeAt) {
    // "My phone cannot connect" is one person's loss, whatever place came before.
    const v = lostAt.find((x) => x > s && x - s <= PLACE_WINDOW && !(within(words, Math.max(0, x - 3), x + 4, POSSESSIVE) || within(words, Math.max(0, x - 3), x + 4, SELF_WORDS)));
    if (v !== undefined) {
      scopedImpact = `${words[s]} … ${words[v]}`;
      break;
    }
  }

  let trained = false;
  for (let i = 0; any(C.training) && !trained && i < words.length; i++) trained = trainingWord(masks[i]!, words[i]!, words[i + 1] ?? '');
  const training = trained ? 'training or simulation' : undefined;
  // Maintenance asked about or announced for later is planned work, not an outage ("since the maintenance last night" is one).
  const planned = masks.some((m, i) => (m & C.planned) !== 0 && within(words, i - 4, i + 5, PLANNED_WORK)) || (words.some((w, i) => MAINTENANCE.has(w) && within(words, i - 6, i + 7, FUTURE)) && !maintenanceBehind(words));
  const nonIncident = training ?? (planned ? 'planned' : undefined) ?? (has('thanks') ? 'thanks' : undefined) ?? (has('falseAlarm') ? 'false alarm' : undefined);

  return {
    security: nonIncident === 'training or simulation' || nonIncident === 'false alarm' ? undefined : securityEvent(words, masks, has, any, near, negatedAt, (i) => autonomous.some((a) => Math.abs(a - i) <= AUTONOMOUS_WINDOW)),
    scopedImpact: singular || nonIncident ? undefined : scopedImpact,
    scope: scopeAt.length > 0,
    severity: severityAt.length > 0,
    singular,
    nonIncident,
    wish: any(C.wish),
    wants: within(words, 0, words.length, WANTS),
    needs: within(words, 0, words.length, NEEDS),
    selfBlocked: masks.some((m, i) => (m & C.able) && near(i, C.neg, 3, 0) >= 0 && near(i, C.self, 4, 0) >= 0 && !PURPOSE.has(words[near(i, C.self, 4, 0) - 1] ?? '')),
    cosmetic: any(C.cosmetic) || has('canWait'),
    minor: severityAt.length === 0 && (has('minor') || within(words, 0, words.length, MINOR)),
  };
}

/** The first four letters of the encrypt and decrypt stems. */
const CRYPT_STARTS: ReadonlySet<string> = new Set([...ENCRYPT_STEMS, ...DECRYPT_STEMS].map((s) => s.slice(0, 4)));
const CRYPT_FIRST: ReadonlySet<number> = new Set([...CRYPT_STARTS].map((s) => s.charCodeAt(0)));
/** Every word that starts one of securityEvent's word-set checks. */
const PRECHECK: ReadonlySet<string> = new Set([...BANK_DETAILS, ...INPUT, ...EXTENSIONS, ...FILES, ...LEFT, ...SOMEONE, ...SECURITY_PRODUCTS, ...SENDS_ON_ITS_OWN, ...APPROVED, ...RANSOMWARE, ...RESTORE, ...TRANSFER, ...REMOTE_TOOLS, ...RULES, ...RAN, ...WEBSITE]);

function securityEvent(
  words: readonly string[],
  masks: readonly number[],
  has: (kind: PhraseKind) => boolean,
  any: (bits: number) => boolean,
  near: (i: number, bits: number, before: number, after: number) => number,
  negatedAt: (i: number) => boolean,
  byItself: (i: number) => boolean,
): string | undefined {
  const suspicious = any(C.suspicion);
  const disowned = has('disown');
  for (let i = 0; i < words.length; i++) {
    const m = masks[i]!;
    // Most words start none of the word-set checks below: one lookup (or a first letter) skips them all.
    if (m === 0 && !PRECHECK.has(words[i]!) && !(CRYPT_FIRST.has(words[i]!.charCodeAt(0)) && CRYPT_STARTS.has(words[i]!.slice(0, 4)))) continue;
    // Someone else at the keyboard: the cursor moves on its own.
    // "Mon clavier est passé en QWERTY tout seul. Comment on remet l'AZERTY dans Windows ?" is a setting, not an intruder.
    if (INPUT.has(words[i]!) && byItself(i)) return `${words[i]} … on its own`;
    // An account that messages people on its own: "my Teams is messaging people by itself".
    if (SENDS_ON_ITS_OWN.has(words[i]!) && has('autonomous') && within(words, i + 1, i + 4, RECIPIENTS)) return `${words[i]} … on its own`;
    if (ENCRYPT_FIRST.has(words[i]!.charCodeAt(0)) && encrypted(words[i]!) && !within(words, i + 1, i + 3, PROTECTED_MEDIA) && (within(words, Math.max(0, i - 3), i + 3, FILES) || near(i, C.device, 4, 4) >= 0)) return words[i];
    // Bank details changed on an account by someone else: "I changed the IBAN in the portal, they say, but I touched nothing".
    if (BANK_DETAILS.has(words[i]!) && disowned) return `${words[i]} … not them`;
    // A ransom note ("README_DECRYPT.txt", "pay to decrypt"), or every file given a strange new extension.
    if (DECRYPT_FIRST.has(words[i]!.charCodeAt(0)) && DECRYPT_STEMS.some((d) => words[i]!.startsWith(d)) && (within(words, Math.max(0, i - 4), i + 5, NOTE_WORDS) || within(words, Math.max(0, i - 4), i + 5, FILES))) return words[i];
    if (EXTENSIONS.has(words[i]!) && within(words, Math.max(0, i - 3), i, CHANGED) && within(words, Math.max(0, i - 8), i + 8, FILES)) return `${words[i]} … files`;
    if (FILES.has(words[i]!) && within(words, i + 1, i + 4, LOCKED) && within(words, 0, words.length, PAY)) return `${words[i]} … pay`;
    // A device left on the train, or gone.
    // (German puts the verb last: "den Laptop im Taxi vergessen".)
    const left = LEFT.has(words[i]!) ? near(i, C.device, 4, 3) : -1;
    if (left >= 0 && !DEVICE_PARTS.has(words[left + 1] ?? '')) {
      const place = words.slice(Math.max(0, i - 4), i + 11).find((w) => PUBLIC_PLACES.has(w));
      if (place) return `${words[i]} … ${place}`;
    }
    // Every file of a place scrambled or renamed at random.
    if (FILES.has(words[i]!) && ((masks[i - 1] ?? 0) & C.quant || (masks[i - 2] ?? 0) & C.quant) && within(words, i + 1, i + 10, SCRAMBLED) && !within(words, 0, words.length, MIGRATION)) return `${words[i]} … scrambled`;
    // Files going wrong one after the other as people watch.
    if (FILES_OR_FOLDERS.has(words[i]!) && has('spreading')) return `${words[i]} … one after another`;
    // A security product that found something.
    if (SECURITY_PRODUCTS.has(words[i]!) && within(words, Math.max(0, i - 4), i + 6, DETECTED)) return `${words[i]} … detected`;
    // Someone else signed in.
    if (SOMEONE.has(words[i]!) && within(words, i + 1, i + 8, SIGNED_IN_PAST)) return `${words[i]} … signed in`;
    // Files ending in a ransomware family's name, or a restore note in every folder.
    if (RANSOMWARE.has(words[i]!) && within(words, 0, words.length, FILES)) return `${words[i]} … files`;
    if (RESTORE.has(words[i]!) && within(words, i - 8, i + 4, NOTE_FILES) && within(words, Math.max(0, i - 12), i + 12, FILES_OR_FOLDERS)) return `${words[i]} note`;
    // A program or attachment run that showed nothing.
    if (RAN.has(words[i]!) && has('nothingOpened') && within(words, Math.max(0, i - 6), i + 8, RISKY) && (within(words, 0, words.length, LURES) || within(words, 0, words.length, SENT_PAST))) return `${words[i]} … nothing opened`;
    // A website showing what its owners did not put there.
    if (WEBSITE.has(words[i]!) && has('notOurs') && within(words, 0, words.length, FOREIGN)) return `${words[i]} … not ours`;
    // A remote-control tool or a code given to a caller posing as IT.
    if (REMOTE_TOOLS.has(words[i]!) && (has('poser') || within(words, 0, words.length, CALLED))) return `${words[i]} … for a caller`;
    // A mail rule forwarding everything outside.
    if (RULES.has(words[i]!) && within(words, Math.max(0, i - 3), i + 9, FORWARDING) && (has('disown') || within(words, 0, words.length, OUTSIDE_MAIL))) return `${words[i]} … forwarding`;
    // Money sent on an order from someone posing as the boss.
    if (TRANSFER.has(words[i]!) && (has('realBoss') || (words.some((w) => FAKE.has(w) || AFTERWARDS.has(w)) && within(words, i - BOSS_WINDOW, i + BOSS_WINDOW, BOSSES)))) return `${words[i]} … posing as the boss`;
    // A sign-in prompt approved in the middle of the night.
    if (APPROVED.has(words[i]!) && !negatedAt(i) && within(words, 0, words.length, NIGHT) && within(words, 0, words.length, SIGN_IN_PROMPTS)) return `${words[i]} … a prompt at night`;
    if (m === 0 || negatedAt(i)) continue;
    // An action on a link, attachment, secret or push, with something suspicious or regretted in the ticket
    // (a merely "weird" one only close by: "a weird error" is no phishing).
    if ((m & C.action) && (suspicious || near(i, C.weird, 12, 12) >= 0)) {
      // German puts the participle last: "meine Zugangsdaten auf einer Seite eingegeben", "auf den Link geklickt".
      const o = near(i, C.object, GERMAN_PARTICIPLE.test(words[i]!) ? ACTION_WINDOW : 2, ACTION_WINDOW);
      if (o >= 0 && words[o - 1] !== 'error') return `${words[i]} … ${words[o]}`;
    }
    // Clicked the link a message sent, then typed a password or code into what it opened (not a password reset).
    if (CLICKED.has(words[i]!) && within(words, i - 4, i + 4, CLICK_TARGETS) && within(words, 0, words.length, MESSAGES) && credentialsTyped(words, i + 1, i + 20)) return `${words[i]} … credentials typed`;
    // Signed in on what a mail, link, button or QR code opened, and now in doubt ("worried it wasn't you", "says it's a scam").
    if (SIGNED_IN.has(words[i]!) && within(words, 0, words.length, LURES) && (suspicious || has('doubt') || has('notOurs') || has('wrongPage') || within(words, 0, words.length, DOUBT))) return `${words[i]} … in doubt`;
    if (SIGNED_IN.has(words[i]!) && has('askedFor')) return `asked for … ${words[i]}`;
    // A sign-in the requester disowns ("not me"), or one from somewhere unknown.
    if ((m & (C.signin | C.object | C.send)) && disowned) return `${words[i]} … not them`;
    // A push approved by accident or not asked for, or after a stream of them (MFA fatigue).
    if (APPROVALS.has(words[i]!) && (suspicious || disowned) && within(words, 0, words.length, PUSHES)) return `${words[i]} … push`;
    if (APPROVALS.has(words[i]!) && (has('slip') || within(words, 0, words.length, DOUBT)) && within(words, 0, words.length, SIGN_IN_PROMPTS)) return `${words[i]} … a prompt not theirs`;
    // A prompt approved because a text or mail said to: "please confirm the Microsoft prompt".
    if (APPROVED.has(words[i]!) && within(words, 0, words.length, PROMPT_WORDS) && within(words, 0, i, MESSAGES)) return `${words[i]} … a prompt a message asked for`;
    if (APPROVALS.has(words[i]!) && repeatedly(words, has) && within(words, 0, words.length, SIGN_IN_PROMPTS)) return `${words[i]} … repeated prompts`;
    if ((m & C.signin) && ( (near(i, C.disown, 8, 8) >= 0 && near(i, C.from, 6, 6) >= 0))) return `${words[i]} … not them`;
    // "connexions inconnues", "unknown sign-ins", "unbekannte Anmeldungen": the sign-in itself is unknown.
    if ((m & C.signin) && near(i, C.disown, 2, 2) >= 0) return `${words[i]} … unknown`;
    if (m & C.ransom) return words[i];
    // A stolen device (or bag).
    const device = m & C.theft ? near(i, C.device, 5, 5) : -1;
    if (device >= 0) return `${words[i]} … ${words[device]}`;
    // Sensitive data sent to one list or person "instead of the client": a wrong recipient, however long the sentence.
    if (INSTEAD.has(words[i]!) && within(words, i + 1, i + 5, RECIPIENT_NOUNS) && any(C.sensitive) && words.some((w) => SENT_PAST.has(w))) return `sent … ${words[i]} of the ${words.slice(i + 1, i + 5).find((w) => RECIPIENT_NOUNS.has(w))}`;
    // Data sent to the wrong person, or sensitive data sent outside.
    if (m & C.send) {
      // What the requester sent ("sent", "envié"), not what a device does ("the scanner sends scans to the wrong address").
      const wrong = SENT_PAST.has(words[i]!) ? near(i, C.mistake, 10, 10) : -1;
      // "sending gives an error" is a fault; "sent by error", "por error" is a mistake.
      const fault = wrong >= 0 && (words[wrong] === 'error' || words[wrong] === 'erreur') && !MISTAKE_BY.has(words[wrong - 1] ?? '');
      // "posted to the wrong cost centre", "booked to the wrong project": a booking to correct, not data sent.
      const booking = wrong >= 0 && within(words, wrong + 1, wrong + 3, BOOKINGS);
      // "instead of uploading it" is another way, not another recipient ("instead of their own quote").
      const otherWay = wrong >= 0 && INSTEAD.has(words[wrong]!) && !within(words, wrong + 1, wrong + 4, THEIRS) && !within(words, wrong + 1, wrong + 5, RECIPIENT_NOUNS);
      if (wrong >= 0 && !fault && !otherWay && !booking) return `${words[i]} … ${words[wrong]}`;
      // "sent them the full client list instead of their own quote": what was meant comes last.
      if (SENT_PAST.has(words[i]!) && insteadOfTheirs(words, i + 1, i + 25)) return `${words[i]} … instead of theirs`;
      // Bank or personal data sent in answer to what turned out to be fake.
      if (SENT_PAST.has(words[i]!) && words.some((w) => FAKE.has(w)) && any(C.sensitive)) return `${words[i]} … fake`;
      const out = near(i, C.outside, 8, 8);
      if (out >= 0 && any(C.sensitive)) return `${words[i]} … ${words[out]}`;
    }
    // Sensitive data leaked or exposed.
    if ((m & C.expose) && any(C.sensitive)) return words[i];
    // A found USB stick plugged in.
    if ((m & C.found) && near(i, C.object | C.device, 2, 4) >= 0 && (any(C.plug) || putIn(words, i + 1, i + 28, near))) return `${words[i]} … plugged in`;
  }
  // Something sent to whoever autocomplete picked: "autocomplete picked Mark Ellis at the broker instead".
  if (words.some((w) => AUTOCOMPLETE.has(w)) && words.some((w) => SENT_PAST.has(w))) return 'sent … autocomplete';
  // Credentials typed into a page a message led to, then doubted: "it looked like the normal sign-in page so I put in my password".
  if (suspicious && within(words, 0, words.length, MESSAGES) && within(words, 0, words.length, PAGES) && credentialsTyped(words, 0, words.length)) return 'credentials typed … in doubt';
  // Sensitive data posted in a group of parents or suppliers.
  if (has('publicPlace') && any(C.sensitive) && within(words, 0, words.length, POSTED)) return 'posted … in a public group';
  if (has('exposed') && (any(C.sensitive) || (has('publicPlace') && within(words, 0, words.length, POSTED)))) return 'open to anyone';
  if (has('securityTool') && words.some((w) => DETECTED.has(w))) return 'security product … detected';
  if (has('payBack') && words.some((w) => FILES.has(w))) return 'pay … files back';
  return undefined;
}

/** "a la lista de prensa en vez de al cliente": instead of a person, a wrong recipient (not "instead of uploading it"). */
const RECIPIENT_NOUNS: ReadonlySet<string> = new Set([
  'client', 'clients', 'cliente', 'clientes', 'customer', 'customers', 'kunde', 'kunden', 'colleague', 'colleagues', 'colega', 'colegas', 'collegue', 'kollege', 'kollegin', 'manager', 'boss',
  'jefe', 'jefa', 'chef', 'cheffe', 'recipient', 'destinatario', 'destinataire', 'empfanger', 'team', 'equipo', 'equipe', 'person', 'persona', 'pessoa', 'personne',
]);
/** "instead of their own quote", "statt ihres Angebots", "en lugar de su": meant for someone else. */
const THEIRS: ReadonlySet<string> = new Set(['their', 'his', 'her', 'ihrer', 'ihres', 'ihren', 'ihre', 'seiner', 'seines', 'leur', 'leurs', 'su', 'sus', 'seu', 'sua', 'seus', 'suas', 'dele', 'dela', 'deles']);
function insteadOfTheirs(words: readonly string[], from: number, to: number): boolean {
  for (let j = from; j < to && j < words.length; j++) if (INSTEAD.has(words[j]!) && within(words, j + 1, j + 4, THEIRS)) return true;
  return false;
}

/** "since the maintenance window last night", "seit der Wartung": something broke after it. */
function maintenanceBehind(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (MAINTENANCE.has(words[i]!) && within(words, Math.max(0, i - 3), i, SINCE)) return true;
  return false;
}

/** Prompts that kept coming: "in a row", "so it would stop", "20 times". */
function repeatedly(words: readonly string[], has: (kind: PhraseKind) => boolean): boolean {
  if (has('repeated')) return true;
  for (let i = 1; i < words.length; i++) if (TIMES_WORDS.has(words[i]!) && Number(words[i - 1]) >= 5) return true;
  return false;
}

/** "call center", "contact centre", "service desk" read as the one word a German writes ("Callcenter"). */
const COMPOUND_FIRST: ReadonlySet<string> = new Set(['call', 'contact', 'service']);
const COMPOUND_SECOND: ReadonlySet<string> = new Set(['center', 'centre', 'centers', 'centres', 'desk']);
function joinCompounds(words: string[]): string[] {
  if (!words.some((w, i) => COMPOUND_FIRST.has(w) && COMPOUND_SECOND.has(words[i + 1] ?? ''))) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (COMPOUND_FIRST.has(words[i]!) && COMPOUND_SECOND.has(words[i + 1] ?? '')) {
      // One word of the group class: a desk many people call.
      out.push('callcenter');
      i++;
    } else out.push(words[i]!);
  }
  return out;
}

/** Exported for tests: the classes a word belongs to. */
export function wordClasses(word: string): Cls[] {
  const m = classes(word);
  return (Object.keys(C) as Cls[]).filter((k) => (m & C[k]) !== 0);
}
