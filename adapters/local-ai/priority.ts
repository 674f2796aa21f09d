import type { Priority } from '../../core/index.js';
import { POSSESSIVE, readCues, within } from './priority-cues.js';
import { foldWords } from './skill-matcher.js';

/**
 * Priority from what matters in a helpdesk, in English, German, French,
 * Spanish and Portuguese. Signals are fixed word sequences (accents folded)
 * looked up in a map; no pattern is built from ticket text.
 *
 * - HIGH: a security incident (credentials given away, a phishing link
 *   clicked, malware, a stolen device, data exposed), many people or a
 *   whole office, site or service blocked, an outage, production, or
 *   people in danger.
 * - at least MEDIUM: a deadline, or a person fully blocked from working.
 * - LOW: a how-to question, a request for something new, a cosmetic issue,
 *   or the requester says it can wait.
 * - MEDIUM otherwise. Urgency words alone ("URGENT!!!") only keep a ticket
 *   from LOW: they do not make a how-to HIGH.
 */
export type SignalKind = 'security' | 'outage' | 'impact' | 'safety' | 'deadline' | 'blocked' | 'urgency' | 'question' | 'request' | 'cosmetic' | 'can-wait';

/** What a phishing page or caller asks for. */
const SECRETS = ['my password', 'my credentials', 'my login', 'my login details', 'my username and password', 'my microsoft password', 'my okta password', 'my work password', 'my pin', 'my card details', 'my bank details'];

/** "gave away my login", "told him my password": handing credentials to someone is the incident. */
function credentialsHandedOver(): string[] {
  const verbs = ['gave', 'gave away', 'provided', 'told him', 'told her', 'told them', 'shared'];
  const other = ['donne mon mot de passe', 'di mi contrasena', 'le di mi contrasena', 'les di mi contrasena', 'passei minha senha', 'informei minha senha', 'mein passwort gegeben', 'mein passwort verraten'];
  return [...verbs.flatMap((v) => SECRETS.map((t) => `${v} ${t}`)), ...other];
}

/** "typed my password", "put in my credentials": typing them is an incident only on a page a link opened. */
function credentialsTyped(): string[] {
  const verbs = ['typed', 'typed in', 'entered', 'put in', 'put', 'submitted', 'filled in'];
  const other = [
    'passwort eingegeben', 'zugangsdaten eingegeben', 'kennwort eingegeben', 'saisi mes identifiants', 'saisi mon mot de passe', 'entre mon mot de passe', 'puse mi contrasena',
    'entre mes identifiants', 'rentre mes identifiants', 'tape mes identifiants', 'tape mon mot de passe', 'pin eingegeben', 'meine pin eingegeben', 'saisi mon code', 'saisi mon code pin', 'puse mi pin', 'introduje mi pin', 'digitei meu pin', 'digitei o meu pin',
    'puse mi usuario y contrasena', 'introduje mi contrasena', 'meti mi contrasena', 'digitei minha senha', 'digitei a minha senha', 'coloquei minha senha', 'inseri minha senha',
  ];
  return [...verbs.flatMap((v) => SECRETS.map((t) => `${v} ${t}`)), ...other];
}

/** Known attack tools, kinds of implant and what a security product calls ransomware at work. */
const ATTACK_TOOLS = ['encryption activity', 'ransomware activity', 'ransomware behaviour', 'ransomware behavior', 'suspicious encryption', 'cobalt strike', 'mimikatz', 'emotet', 'qakbot', 'qbot', 'trickbot', 'icedid', 'backdoor', 'rootkit', 'botnet', 'cryptominer', 'coinminer', 'infostealer', 'info stealer', 'command and control', 'c2 server', 'reverse shell', 'beacon detected'];

/** The antivirus switched off (after something was opened). */
const ANTIVIRUS_OFF = ['antivirus icon is gone', 'antivirus is gone', 'antivirus disappeared', 'antivirus is grey', 'antivirus icon is grey', 'antivirus won t start', 'antivirus turned off', 'antivirus disabled', 'antivirus is off', 'antivirus stopped', 'defender is off', 'defender turned off', 'defender disabled', 'virenschutz deaktiviert', 'virenschutz ist aus', 'antivirus desactive', 'antivirus desactivado', 'antivirus desativado'];

const SIGNALS: Readonly<Record<SignalKind, readonly string[]>> = {
  security: [
    'clicked a suspicious', 'gave my password', 'gave away my password',
    'gave him my password', 'gave her my password', 'phished', 'phishing attack', 'ransomware', 'malware', 'trojan', 'virus detected', 'infected', 'hacked',
    'data breach', 'data breaches', 'breach', 'breaches', 'compromised', 'sign in alerts', 'login alerts', 'from another country', 'unauthorized access', 'unauthorised access',
    'unbefugter zugriff', 'unbefugten zugriff', 'unberechtigter zugriff', 'unberechtigten zugriff', 'acces non autorise', 'acces non autorises', 'acceso no autorizado', 'accesos no autorizados', 'acesso nao autorizado', 'acessos nao autorizados',
    'being encrypted', 'files encrypted', 'encrypted my files', 'stolen', 'was stolen', 'exposed', 'data leak', 'leaked data', 'leaked credentials', 'leaked password', 'emails i didn t write', 'sending spam',
    'auf einen link geklickt', 'passwort eingegeben', 'gehackt', 'gestohlen', 'schadsoftware', 'datenleck', 'kompromittiert', 'j ai clique', 'clique sur un lien', 'pirate', 'piratage',
    'vole', 'volé', 'fuite de donnees', 'logiciel malveillant', 'hice clic', 'hice click', 'me robaron', 'robaron', 'robado', 'hackeado', 'hackearon', 'fuga de datos', 'cliquei',
    'digitei minha senha', 'digitei a minha senha', 'roubaram', 'roubado', 'hackeada', 'vazamento', 'enviando e mails que eu nao escrevi', 'que eu nao escrevi',
    ...credentialsHandedOver(),
    'opened the link', 'followed the link', 'ransom', 'bitcoin', 'quarantined', 'sign in from', 'login from', 'login attempt from', 'logins from', 'i never sent', 'never sent',
    'didn t send', 'i did not send', 'taken from my car', 'broke into my car', 'car was broken into', 'robbed', 'wrong person', 'wrong recipient', 'sent to the wrong',
    'accidentally sent', 'accidentally emailed', 'accidentally shared', 'by mistake to', 'versehentlich an', 'falschen empfanger', 'par erreur a', 'mauvais destinataire',
    'por error a', 'destinatario equivocado', 'por engano para', 'destinatario errado',
    'gave them the code', 'gave him the code', 'gave her the code', 'gave the code', 'gave them my code', 'told them the code', 'read out the code', 'shared the code', 'shared my code',
    'virus', 'viruses', 'trojaner', 'troyano', 'cavalo de troia', 'cheval de troie', 'spyware', 'keylogger', 'adware', 'infiziert', 'infecte', 'infectado', 'infetado',
    'threat detected', 'bedrohung gefunden', 'menace detectee', 'amenaza detectada', 'ameaca detectada', 'threat found', 'threats found', 'breached', 'been breached', 'copied your data', 'we have your data', 'onion', 'defaced', 'defacement', 'unusual sign in activity', 'suspicious sign in activity', 'our data was taken', 'your data was taken', 'data has been stolen', 'tor site', 'tor browser', 'bedrohung erkannt', 'menace trouvee', 'amenaza encontrada', 'ameaca encontrada', 'forwarding rule', 'weiterleitungsregel', 'regle de transfert',
    'regla de reenvio', 'regra de encaminhamento', 'sign ins from', 'sign ins to my', 'logins to my', 'anmeldungen aus', 'connexions depuis', 'inicios de sesion desde',
    'acessos de outro', 'anderen land', 'autre pays', 'otro pais', 'outro pais',
    'before i realised', 'before i realized', 'it was fake', 'was a scam', 'turned out to be fake', 'turned out to be phishing', 'bevor ich gemerkt', 'avant de me rendre compte',
    'antes de darme cuenta', 'antes de perceber',
    'exfiltration', 'unusual traffic', 'unusual network activity', 'suspicious traffic', 'unknown server', 'large uploads', 'unknown usb', 'unknown device plugged',
    'robbery', 'burglary', 'break in', 'broken into', 'einbruch', 'eingebrochen', 'cambriolage', 'cambriole', 'robo', 'robar', 'assalto', 'furto', 'roubo', 'arrombamento',
    'files renamed', 'files have been renamed', 'files were renamed', 'crypt', 'crypted', 'lost a hard drive',
    'never used', 'don t recognise', 'don t recognize', 'didn t make', 'unauthorised charges', 'unauthorized charges', 'unknown charges', 'suspicious charges',
    'left my laptop in', 'left my work laptop in', 'left my phone in', 'left my work phone in',
    'a stranger', 'intruder', 'tailgating', 'tailgated', 'unknown person', 'fremde person', 'eindringling', 'un intrus', 'un inconnu', 'un intruso', 'un desconocido', 'um desconhecido',
    'let them remote', 'let him remote', 'let her remote', 'let them connect', 'let him connect', 'let her connect', 'let them into my', 'gave them remote', 'remote into my pc',
    'remote into my computer', 'control of my pc', 'control of my computer', 'went to the wrong', 'went to an outside', 'went to an external', 'went to a customer',
    'me equivoque de destinatario', 'equivoque de destinatario', 'me equivoque de direccion', 'a quien no era', 'a quem nao era', 'errei o destinatario', 'enganei no destinatario',
    'trompe de destinataire',
    'datos de otra persona', 'dados de outra pessoa', 'donnees d une autre personne', 'daten einer anderen person', 'someone else s data', 'another person s data', 'another customer s data',
    'other people s data', 'someone else s details', 'another customer s details', 'datos de otro cliente', 'dados de outro cliente', 'donnees d un autre client', 'daten eines anderen kunden',
    'salary went to another account', 'salary was paid into another account', 'salario foi para outra conta', 'gehalt auf ein anderes konto', 'salaire sur un autre compte', 'nomina en otra cuenta',
    'password has been changed', 'password s been changed', 'password was changed by', 'recovery email isn t ours', 'recovery email is not ours', 'recovery email changed',
    'enlace que no debia', 'link i shouldn t have', 'tried recalling', 'recall failed', 'tried to recall',
    'read out my password', 'read him my password', 'read her my password', 'read out the password', 'asked me to read out', 'saying he was from', 'saying she was from',
    'saying they were from',
    'active security incident', 'ongoing security incident', 'security incident in progress', 'we have a security incident', 'reporting a security incident', 'aktiver sicherheitsvorfall',
    'incident de securite en cours', 'incidente de seguridad activo', 'incidente de seguridad en curso', 'incidente de seguranca ativo', 'incidente de seguranca em curso', 'unknown administrator account', 'unknown admin account',
    'rogue account', 'rogue admin', 'unbekanntes administratorkonto', 'compte administrateur inconnu', 'cuenta de administrador desconocida', 'conta de administrador desconhecida',
    'envoi par erreur', 'envoye par erreur', 'envoyes par erreur', 'envoyee par erreur', 'mauvaise liste de diffusion', 'wrong distribution list', 'wrong mailing list', 'wrong recipients',
    'falschen verteiler', 'falsche verteiler', 'enviado por error', 'envio por error', 'enviado por engano', 'envio por engano', 'lista de distribucion equivocada', 'lista de distribuicao errada',
    'changement de rib', 'nouveau rib', 'nouvel iban', 'neue bankverbindung', 'neue iban', 'nuevo iban', 'nueva cuenta bancaria', 'novo iban', 'nova conta bancaria',
    'approved the push', 'approved a push', 'approved the mfa', 'accepted the mfa', 'didn t request', 'i did not request', 'account was taken over', 'someone logged into my', 'someone is logged into my',

    ...ATTACK_TOOLS,
    ...ANTIVIRUS_OFF,
  ],
  outage: [
    'keine e mails von aussen', 'keine mails von aussen', 'no emails from outside', 'no mail from outside', 'nothing from outside', 'aucun mail externe', 'ningun correo externo', 'nenhum email externo',
    'power went', 'power went off', 'power went out', 'power has gone', 'power is gone', 'lights out', 'can t take cards', 'cannot take cards', 'can t take card payments',
    'error 500', 'erreur 500', 'fehler 500', 'erro 500',
    'dienst nicht verfugbar', 'service indisponible', 'servicio no disponible', 'servico indisponivel', 'fehler 503', 'error 503', 'erreur 503', 'erro 503',
    'returning 500', 'returning 502', 'returning 503', 'returns 502', 'returns 503', 'throwing 500', 'bad gateway', 'service unavailable', 'http 500', 'http 502', 'http 503',
    'ausgefallen', 'ist down', 'est tombe', 'est tombee', 'se cayo', 'se ha caido',
    'outage', 'outages', 'downtime', 'is down', 'are down', 'went down', 'down for', 'down since', 'down again', 'vpn down', 'internet down', 'network down', 'wifi down',
    'email down', 'mail down', 'website down', 'homepage down', 'portal down', 'app down', 'service down', 'server down', 'site down', 'system down', 'completely offline', 'production down', 'production is down', 'prod down', 'in production', 'ausfall', 'systemausfall', 'komplett offline', 'panne generale',
    'hors service', 'caida', 'caido', 'fuera de servicio', 'fora do ar', 'inoperante', 'customers are calling', 'customers can t', 'customers cannot', 'clients can t', 'clients cannot', 'steht still', 'stehen still', 'at a standstill', 'standstill',
    'nichts geht mehr', 'geht gar nichts', 'a l arret', 'paralizado', 'paralizada', 'paralisado', 'paralisada', 'kunden konnen nicht', 'clients ne peuvent', 'clientes no pueden',
    'clientes nao conseguem', 'plus aucun', 'ne fonctionne plus pour', 'no funciona para nadie', 'nao funciona para ninguem', 'production line', 'line stopped', 'can t ship', 'cannot ship', 'orders are stuck', 'can t take orders',
    'files were deleted', 'files have been deleted', 'files are gone', 'files disappeared', 'everything is gone', 'dateien sind weg', 'dateien wurden geloscht', 'fichiers ont disparu',
    'fichiers ont ete supprimes', 'archivos desaparecieron', 'archivos fueron borrados', 'arquivos sumiram', 'arquivos foram apagados',
    'cannot take orders', 'can t take payments', 'power cut', 'power outage', 'no power', 'blackout', 'stromausfall', 'kein strom', 'coupure de courant', 'panne de courant', 'corte de luz',
    'apagon', 'sin luz', 'queda de energia', 'falta de luz', 'sem luz', 'sitting idle', 'agents idle', 'warehouse is stuck', 'temperature alarm', 'data loss', 'lost data', 'rows deleted', 'records deleted',
  ],
  impact: [
    'keine externe mail', 'keine einzige mail', 'keine einzige externe', 'lieferanten rufen', 'betroffen sind', 'stood around', 'stand around', 'nothing going out', 'nothing is going out',
    'uberall das gleiche', 'uberall dasselbe', 'partout pareil', 'partout la meme chose', 'lo mismo en todas', 'igual en todas', 'em todo o lado igual', 'same everywhere', 'the same everywhere',
    'kunden rufen', 'die ersten kunden', 'clients appellent', 'clientes llaman', 'clientes ligam', 'clientes estao a ligar',
    'all getting the same', 'all get the same', 'all have the same', 'same for everyone', 'same for all of us', 'plus personne', 'la moitie des', 'metade dos', 'metade das', 'la mitad de los',
    'la mitad de las', 'die halfte der', 'half the counters', 'half of the counters',
    'on any of the', 'on none of the', 'in any of the', 'no wifi anywhere', 'no internet anywhere', 'no network anywhere', 'not working anywhere', 'standing around', 'sitting around',
    'waiting around', 'stehen herum', 'les bras croises', 'de brazos cruzados', 'de bracos cruzados',
    'whole office', 'whole site', 'whole building', 'ganze buro', 'tout le bureau', 'toda la oficina', 'todo o escritorio', 'for everyone', 'everyone in', 'everyone on', 'everybody in', 'whole team', 'whole department', 'entire office', 'entire team', 'entire department', 'all users', 'all staff',
    'all employees', 'nobody can', 'no one can', 'nobody in', 'no one in', 'none of us can', 'many users', 'many people', 'multiple users', 'several users', 'whole company',
    'company wide', 'customers affected', 'blocked three users', 'alle mitarbeiter', 'niemand kann', 'kann niemand', 'kann keiner', 'ganze team', 'ganze abteilung', 'alle kollegen', 'tout le monde', 'personne ne peut',
    'toute l equipe', 'tous les utilisateurs', 'todo el mundo', 'nadie puede', 'todos los usuarios', 'todo el equipo', 'ninguem consegue', 'todos os usuarios', 'toda a equipe',
    'colleagues and i', 'my team and i', 'we all', 'wir alle', 'nous tous', 'todos nosotros', 'meine kollegen und ich', 'mes collegues et moi', 'mis companeros y yo', 'meus colegas e eu',
    'none of us', 'all of us', 'everyone here', 'nobody here', 'no one here', 'nadie en', 'ninguem no', 'ninguem na', 'niemand im', 'bei allen', 'fur alle', 'pour tout le', 'para todos',
  ],
  safety: ['people are stuck', 'people stuck outside', 'can t get into the building', 'cannot get into the building', 'stuck in the lift', 'stuck in lift', 'stuck in the elevator', 'people inside', 'trapped', 'fire alarm', 'smoke', 'burst pipe', 'pipe burst', 'water everywhere', 'gas leak', 'smell of gas', 'gas smell', 'smells of gas', 'evacuated', 'gasgeruch', 'odeur de gaz', 'olor a gas', 'cheiro de gas', 'wasserrohrbruch', 'inondation', 'inundacion', 'injured', 'im aufzug', 'feuer', 'incendie', 'bloques dans', 'incendio', 'atrapados', 'preso no elevador'],
  deadline: [
    'deadline', 'due today', 'due tomorrow', 'by today', 'by tomorrow', 'end of day', 'by eod', 'before the meeting', 'meeting is tomorrow', 'board meeting', 'customer needs',
    'frist', 'bis heute', 'kundentermin', 'um 14 uhr', 'date limite', 'avant la reunion', 'fecha limite', 'para hoy', 'prazo', 'ate hoje',
  ],
  blocked: [
    'can t work', 'cannot work', 'can t do my job', 'can t log in to anything', 'can t sign in', 'cannot sign in', 'can t edit', 'can t connect', 'won t let me', 'completely blocked', 'can t do anything', 'cannot do anything', 'can t use it', 'unable to work', 'can t open anything', 'cannot open anything', 'can t access anything', 'cannot access anything', 'can t get in', 'locked out',
    'je ne peux pas travailler', 'ne peux pas travailler', 'no puedo hacer nada', 'nao consigo fazer nada', 'kann nichts machen', 'komme nicht rein', 'komme nicht mehr',
    'i m blocked', 'kann nicht arbeiten', 'nicht mehr arbeiten', 'je ne peux plus', 'impossible de', 'no puedo trabajar', 'no puedo', 'nao consigo', 'nao consigo trabalhar',
  ],
  urgency: ['urgent', 'urgently', 'asap', 'emergency', 'critical', 'immediately', 'right now', 'dringend', 'sofort', 'urgence', 'urgente', 'urgentemente', 'promptly'],
  question: [
    'como e que', 'how do you', 'can t find where', 'cannot find where', 'como acrescento', 'como adiciono', 'como e que mudo', 'can t find the setting', 'can t find it in', 'where is the setting',
    'how do i', 'how can i', 'how to', 'how much', 'how long', 'where do i', 'where can i', 'where do we', 'what are the', 'what do i', 'what is the', 'who do i', 'is there a', 'is there any',
    'can i', 'can we', 'could i', 'could we', 'do i need', 'question', 'questions', 'wondering', 'any tips', 'requirements', 'ask about', 'wie kann ich', 'wie stelle ich', 'wo stelle ich', 'wo finde ich',
    'gibt es', 'ich mochte', 'informationen', 'konnt ihr', 'frage', 'comment faire', 'comment puis je', 'comment est ce', 'ou puis je', 'est ce que', 'est il possible', 'como puedo', 'como hago',
    'donde puedo', 'donde esta', 'donde encuentro', 'se puede', 'pregunta', 'como faco', 'como posso', 'onde posso', 'onde fica', 'onde esta', 'onde encontro', 'duvida', 'e possivel',
    'want to know', 'wanted to know', 'would like to know', 'what s the', 'whats the', 'ich mochte wissen', 'ich wurde gerne wissen', 'je voudrais savoir', 'j aimerais savoir',
    'quiero saber', 'queria saber', 'me gustaria saber', 'quero saber', 'gostaria de saber',
  ],
  request: [
    'would be handy', 'would be useful', 'would be great', 'would help a lot',
    'could the', 'can the', 'could it be', 'can it be', 'be made bigger',
    'i would like', 'i d like', 'would like to', 'we would like', 'would like the', 'would like a', 'would like an', 'would love', 'could i get', 'can i get', 'could we get', 'would it be possible', 'is it possible', 'request for', 'requesting', 'need a new', 'could be installed',
    'order new', 'ich hatte gern', 'ich benotige informationen', 'serait il possible', 'je voudrais', 'demande d', 'quisiera', 'me gustaria', 'solicitud', 'gostaria',
    'solicitacao', 'pedido de', 'request', 'could you install', 'can you install', 'could you order', 'can you order',
    'please put', 'please install', 'please add', 'please create', 'please set up', 'please order', 'can you add', 'could you add', 'could you give me', 'can you give me',
    'could you set up', 'can you set up', 'could i have', 'can i have', 'i need the', 'i need a', 'ich brauchte', 'ich brauche', 'j ai besoin', 'necesito', 'preciso de', 'need access', 'bitte installieren', 'j aimerais', 'je souhaite', 'pourriez vous',
    'necesito un', 'necesito una', 'preciso de um', 'preciso de uma',
    'new joiner', 'new joiners', 'new starter', 'new starters', 'new hire', 'new hires', 'new colleague', 'neuer kollege', 'neue kollegin', 'neuer mitarbeiter', 'neue mitarbeiterin',
    'neue mitarbeiter', 'nouvel arrivant', 'nouvelle arrivante', 'nouveau collaborateur', 'nuevo empleado', 'nueva empleada', 'nuevo companero', 'novo colaborador', 'nova colaboradora', 'novo funcionario',
    'please give me', 'give me access', 'grant me access', 'grant access', 'need access to', 'request access', 'requesting access', 'zugriff auf', 'acces a', 'acceso a', 'acesso a',
  ],
  cosmetic: [
    'looks messy', 'slightly off', 'a bit off', 'blurry', 'misspelled', 'typo', 'cosmetic', 'looks a bit', 'font', 'colour', 'color', 'logo looks', 'old logo', 'wrong logo', 'logo is blurry', 'wallpaper', 'upside down', 'misaligned', 'alignment', 'icon', 'icons', 'ugly',
    'spelling', 'spelt wrong', 'wrong colour', 'wrong color', 'just cosmetic', 'minor thing', 'small thing', 'schriftart', 'unscharf', 'police d ecriture', 'flou', 'borroso', 'desfocado',
  ],
  'can-wait': [
    'no corre prisa', 'nao tem pressa', 'sin urgencia', 'ohne eile', 'rien ne presse', 'ca ne presse pas', 'no particular urgency', 'not particularly urgent', 'no real urgency', 'no great urgency', 'not time critical', 'not time sensitive', 'keine besondere eile', 'aucune urgence', 'ninguna urgencia', 'nenhuma urgencia',
    'not urgent', 'no rush', 'no hurry', 'no big deal', 'would be nice', 'nice to have', 'when you have time', 'whenever is fine', 'at some point', 'low priority', 'nicht dringend', 'keine eile',
    'pas urgent', 'n est pas urgent', 'no es urgente', 'sin prisa', 'nao e urgente', 'sem pressa', 'whenever you can', 'no urgency', 'low prio', 'next week is fine', 'not a big deal', 'kein stress', 'hat zeit', 'rien d urgent',
    'quand vous aurez le temps', 'cuando puedas', 'quando puder', 'when you have a moment', 'when you get a chance', 'when you have a minute', 'wenn ihr zeit habt',
    'quand vous pourrez', 'cuando tengan tiempo', 'quando tiver tempo',
    'whenever someone has time', 'whenever someone has a moment', 'whenever you have time', 'whenever possible', 'not a big problem', 'not a problem', 'no big problem', 'not a huge deal', 'not serious', 'kein grosses problem', 'nicht schlimm', 'pas grave', 'no es grave', 'nao e grave',
    'still readable', 'still legible', 'still usable', 'still works', 'still working', 'still prints', 'prints fine', 'otherwise fine', 'otherwise works', 'works otherwise', 'druckt noch', 'imprime encore', 'todavia imprime', 'ainda imprime', 'noch benutzbar', 'funktioniert noch', 'encore utilisable', 'fonctionne encore', 'todavia funciona', 'aun funciona',
    'ainda funciona', 'ainda da para usar',
    'not a fault', 'just a request', 'only a request', 'just an idea', 'just a wish', 'only a wish', 'just a suggestion', 'nothing is broken', 'nothing broken', 'kein fehler', 'nur ein wunsch', 'nur eine idee',
    'pas une panne', 'juste une idee', 'juste une demande', 'no es una averia', 'solo una idea', 'solo una sugerencia', 'nao e uma avaria', 'so uma ideia', 'apenas uma sugestao',
  ],
};

/**
 * Credentials typed somewhere count as given away only next to what a phishing attempt looks like
 * (a link, a page, a message): "I entered my password and it says wrong" is a sign-in problem.
 */
const CREDENTIAL_PHRASES: ReadonlySet<string> = new Set(
  credentialsTyped().map((p) => foldWords(p).join(' ')),
);
/** An attachment or file opened counts as an incident only next to something suspicious about it. */
const OPENED_PHRASES: ReadonlySet<string> = new Set(
  ['opened the attachment', 'opened an attachment', 'opened the file', 'enabled macros', 'enabled content', 'ran the file', 'anhang geoffnet', 'ouvert la piece jointe', 'abri el adjunto', 'abri o anexo'].map((p) => foldWords(p).join(' ')),
);
const SUSPICIOUS: ReadonlySet<string> = new Set([
  'suspicious', 'strange', 'weird', 'odd', 'unknown', 'fake', 'popups', 'pop', 'seltsam', 'seltsamen', 'seltsame', 'verdachtig', 'verdachtigen', 'unbekannt', 'etrange', 'suspect', 'bizarre',
  'extrano', 'raro', 'sospechoso', 'estranho', 'suspeito', 'desconhecido',
]);
/** "I gave it to them": handing something over is an incident when the something is a code or password. */
const HANDED_PHRASES: ReadonlySet<string> = new Set(
  ['told it to him', 'told it to her', 'told it to them', 'read it to him', 'read it to her', 'gave him the number', 'told him the number', 'told her the number', 'gave it to them', 'gave it to him', 'gave it to her', 'gave it away', 'told them', 'read it out', 'sent it to them', 'shared it with them', 'lo di', 'se lo di', 'je le leur ai donne', 'je lui ai donne', 'ich habe es ihm gegeben', 'passei para ele', 'passei para eles'].map((p) => foldWords(p).join(' ')),
);
const SECRET_CONTEXT: ReadonlySet<string> = new Set(['authenticator', 'digits', 'code', 'codes', 'password', 'passcode', 'pin', 'otp', 'credentials', 'passwort', 'kennwort', 'codigo', 'contrasena', 'senha', 'mot', 'identifiants']);
/** An attachment opened from a strange mail, in any word order ("einen Anhang aus einer seltsamen Mail geöffnet"). */
const ATTACHMENT: ReadonlySet<string> = new Set(['attachment', 'attachments', 'anhang', 'anhange', 'piece', 'adjunto', 'anexo']);
const OPENED: ReadonlySet<string> = new Set(['opened', 'geoffnet', 'ouvert', 'abri', 'abrio', 'abriu', 'enabled', 'ran']);
const PHISHING_CONTEXT: ReadonlySet<string> = new Set([
  'link', 'links', 'clicked', 'click', 'page', 'site', 'website', 'form', 'mail', 'email', 'e', 'message', 'sms', 'text', 'qr', 'fake', 'suspicious', 'strange', 'weird', 'odd', 'sender',
  'geklickt', 'seite', 'nachricht', 'lien', 'clique', 'enlace', 'clic', 'pagina', 'correo', 'mensaje', 'cliquei', 'mensagem', 'estranho', 'extrano', 'bizarre', 'seltsam',
]);

/** The kinds that make a ticket HIGH on their own. */
const HIGH_KINDS: ReadonlySet<SignalKind> = new Set(['security', 'outage', 'impact', 'safety']);
/** A negation within this many words before a security or urgency word cancels it ("not urgent", "no malware found"). */
const NEGATION_WINDOW = 3;
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'didn', 'don', 'isn', 'wasn', 'nicht', 'kein', 'keine', 'pas', 'jamais', 'sin', 'nunca', 'nao', 'sem', 'without']);
/** A lift named with being stuck in it: people may be trapped. */
const LIFTS: ReadonlySet<string> = new Set(['lift', 'elevator', 'aufzug', 'fahrstuhl', 'ascenseur', 'ascensor', 'elevador']);
const STUCK: ReadonlySet<string> = new Set(['stuck', 'trapped', 'steckt', 'stecken', 'feststecken', 'eingeschlossen', 'coince', 'coincee', 'coinces', 'bloque', 'bloquee', 'atascado', 'atascada', 'atrapado', 'atrapada', 'preso', 'presa', 'travado', 'parado']);
const PEOPLE: ReadonlySet<string> = new Set([
  'clubs', 'schools', 'clinics', 'hotels', 'depots', 'restaurants', 'lojas', 'tiendas', 'filialen',
  'mechanics', 'mecanicos', 'mecaniciens', 'mechaniker', 'teachers', 'professores', 'profesores', 'enseignants', 'lehrer', 'nurses', 'engineers', 'ingenieros', 'engenheiros', 'cashiers',
  'cajeros', 'caixas', 'advisers', 'advisors', 'planners', 'technicians', 'tecnicos', 'techniciens', 'techniker', 'operators', 'operadores', 'assistants', 'assistentes', 'asistentes',
  'consultants', 'traders', 'analysts', 'accountants', 'clerks', 'officers', 'managers', 'pickers', 'packers', 'drivers', 'conductores', 'motoristas', 'chauffeurs', 'fahrer', 'mitarbeitende',
  'trabalhadores', 'trabajadores', 'travailleurs', 'arbeiter', 'subempreiteiros', 'operarios', 'callers', 'anrufer', 'appelants', 'citizens', 'residents', 'patients', 'passengers', 'guests', 'people', 'users', 'colleagues', 'employees', 'persons', 'staff', 'personen', 'mitarbeiter', 'kollegen', 'personnes', 'utilisateurs', 'personas', 'usuarios', 'pessoas', 'colaboradores', 'agents', 'members', 'workers', 'customers', 'clients', 'stores', 'branches', 'sites', 'offices', 'agentes', 'empleados', 'suppliers', 'vendors', 'lieferanten', 'fournisseurs', 'proveedores', 'fornecedores',
  'clientes', 'funcionarios', 'employes', 'collegues', 'salaries', 'leute', 'beschaftigte', 'kunden', 'magasins']);
const WHOLE: ReadonlySet<string> = new Set(['whole', 'entire', 'ganze', 'ganzen', 'gesamte', 'gesamten', 'komplette', 'kompletten', 'toute', 'tout', 'entera', 'entero', 'todo', 'toda', 'inteiro', 'inteira']);
const GROUPS: ReadonlySet<string> = new Set(['depot', 'hotel', 'wing', 'library', 'team', 'office', 'department', 'floor', 'site', 'building', 'company', 'branch', 'staff', 'abteilung', 'buro', 'standort', 'etage', 'equipe', 'bureau', 'service', 'oficina', 'equipo', 'departamento', 'planta', 'escritorio', 'setor', 'andar', 'empresa', 'warehouse', 'store', 'shop', 'plant', 'factory', 'hq', 'headquarters', 'accounting', 'sales', 'almacen', 'tienda', 'fabrica',
  'usine', 'entrepot', 'lager', 'werk', 'armazem', 'loja', 'call', 'centre', 'center', 'gebaude', 'haus', 'batiment', 'edificio', 'predio',
  'agence', 'agencia', 'filiale', 'sucursal', 'filial', 'stock', 'stockwerk', 'buchhaltung', 'comptabilite', 'contabilidad', 'contabilidade', 'vertrieb',
  'ventes', 'ventas', 'vendas', 'marketing', 'einkauf', 'achats', 'compras', 'finance', 'support', 'engineering', 'desk', 'newsroom', 'workshop', 'bays', 'yard', 'club', 'clube', 'gym', 'clinic', 'clinica', 'school', 'escuela', 'escola', 'counters', 'desks', 'kiosks', 'gates', 'tills', 'caisses', 'cajas', 'caixas', 'kassen', 'balcoes', 'mostradores', 'guichets', 'mitarbeiter', 'kollegen', 'planners', 'agents']);
/** "none of the tills in the store", "niemand im Lager": nobody in a whole group, a few words apart. */
const NOBODY: ReadonlySet<string> = new Set(['none', 'nobody', 'niemand', 'keiner', 'kein', 'aucun', 'aucune', 'personne', 'nadie', 'ningun', 'ninguno', 'ninguna', 'ninguem', 'nenhum', 'nenhuma']);
/** "alle im Gebäude", "todos en la oficina", "tous au bureau": everyone somewhere. */
const EVERYONE: ReadonlySet<string> = new Set(['alle', 'everyone', 'everybody', 'tous', 'toutes', 'todos', 'todas']);
const AT: ReadonlySet<string> = new Set(['in', 'im', 'at', 'on', 'sur', 'a', 'au', 'en', 'no', 'na', 'del', 'do', 'da', 'der', 'des', 'du']);
/** Places, for "all doors in building A", "todas as lojas", "every office". */
const PLACES: ReadonlySet<string> = new Set([
  'building', 'buildings', 'office', 'offices', 'site', 'sites', 'floor', 'floors', 'store', 'stores', 'shop', 'shops', 'branch', 'branches', 'warehouse', 'warehouses',
  'gebaude', 'buro', 'standort', 'standorte', 'filialen', 'etage', 'batiment', 'bureau', 'bureaux', 'agences', 'magasins', 'edificio', 'oficina', 'oficinas', 'tiendas', 'sucursales',
  'planta', 'predio', 'escritorio', 'escritorios', 'lojas', 'filiais', 'andar',
]);
/** "all day in the office" is a time, not a place. */
const TIMES: ReadonlySet<string> = new Set(['day', 'morning', 'afternoon', 'week', 'night', 'time', 'tag', 'woche', 'jour', 'journee', 'semaine', 'dia', 'semana', 'manana', 'tarde']);
const ALL: ReadonlySet<string> = new Set(['all', 'every', 'alle', 'allen', 'tous', 'toutes', 'todos', 'todas', 'todo', 'toda']);
/** Sent out by mistake, in any word order ("Enviei por engano a planilha…"). */
const MISTAKE: ReadonlySet<string> = new Set(['querer', 'accidentally', 'mistakenly', 'mistake', 'versehentlich', 'versehen', 'erreur', 'error', 'engano', 'equivocado', 'equivocada', 'errado']);
const MISTAKE_BY: ReadonlySet<string> = new Set(['by', 'in', 'por', 'par', 'per']);
const SENT: ReadonlySet<string> = new Set(['sent', 'emailed', 'shared', 'posted', 'forwarded', 'uploaded', 'geschickt', 'gesendet', 'weitergeleitet', 'envoye', 'partage', 'envie', 'enviado', 'comparti', 'enviei', 'compartilhei', 'encaminhei']);
/** A device lost: "lost my laptop", "perdí el móvil", not "lost my laptop charger". */
const ON_IT: ReadonlySet<string> = new Set(['on', 'from', 'in', 'auf', 'im', 'sur', 'dans', 'en', 'no', 'na', 'del', 'do', 'da']);
/** Gone, said after the device: "the iPad is missing", "der Laptop ist verschwunden". */
const GONE: ReadonlySet<string> = new Set(['missing', 'verschwunden', 'disparu', 'desaparecio', 'desapareceu']);
const LOST: ReadonlySet<string> = new Set(['lost', 'verloren', 'perdu', 'perdi', 'perdido', 'perdida', 'perdio', ...GONE]);
const DEVICES: ReadonlySet<string> = new Set(['laptop', 'phone', 'iphone', 'ipad', 'tablet', 'usb', 'stick', 'notebook', 'portatil', 'movil', 'celular', 'telemovel', 'handy', 'diensthandy', 'telephone', 'ordinateur', 'yubikey']);
const ACCESSORIES: ReadonlySet<string> = new Set(['charger', 'case', 'bag', 'cable', 'sleeve', 'stand', 'cover', 'ladegerat', 'chargeur', 'cargador', 'carregador', 'funda', 'capa', 'housse']);

/** Can-wait phrases that may only say what still works beside a failure. */
const PARTLY_WORKS: ReadonlySet<string> = new Set(['still works', 'still working', 'still usable', 'funktioniert noch', 'fonctionne encore', 'todavia funciona', 'aun funciona', 'ainda funciona'].map((p) => foldWords(p).join(' ')));
/** The phrases that read "virus", and the words that make one an illness. */
const VIRUS_WORDS: ReadonlySet<string> = new Set(['virus', 'viruses', 'infected', 'infiziert', 'infecte', 'infectado', 'infetado']);
const ILLNESS: ReadonlySet<string> = new Set(['stomach', 'flu', 'sick', 'ill', 'fever', 'cold', 'cough', 'doctor', 'covid', 'corona', 'illness', 'krank', 'grippe', 'magen', 'fieber', 'arzt', 'malade', 'estomac', 'fievre', 'medecin', 'enfermo', 'enferma', 'gripe', 'estomago', 'fiebre', 'medico', 'doente', 'febre']);
/** A flooded place (not a flooded inbox). */
const FLOODED: ReadonlySet<string> = new Set(['flooded', 'flooding', 'uberschwemmt', 'uberflutet', 'inonde', 'inondee', 'inundado', 'inundada', 'inundacion', 'alagado', 'alagada', 'alagamento']);
const WET_PLACES: ReadonlySet<string> = new Set(['basement', 'cellar', 'archive', 'floor', 'room', 'office', 'kitchen', 'toilet', 'toilets', 'building', 'garage', 'water', 'keller', 'buro', 'raum', 'wasser', 'sous', 'bureau', 'salle', 'eau', 'sotano', 'oficina', 'sala', 'agua', 'porao', 'escritorio']);
const MINUTES: ReadonlySet<string> = new Set(['minutes', 'mins', 'min', 'minuten', 'minutos']);
/** What has a time: "a presentation at 2pm", "ein Kundentermin heute", "une réunion à 14h". */
const APPOINTMENTS: ReadonlySet<string> = new Set([
  'meeting', 'call', 'presentation', 'presenting', 'demo', 'pitch', 'interview', 'webinar', 'flight', 'exam', 'audit', 'prasentation', 'praesentation', 'termin', 'kundentermin', 'vortrag', 'besprechung',
  'reunion', 'soutenance', 'rendez', 'presentacion', 'entrevista', 'vuelo', 'apresentacao', 'reuniao', 'voo', 'presentazione', 'riunione',
]);
const ROOMS: ReadonlySet<string> = new Set(['room', 'rooms', 'raum', 'raume', 'salle', 'salles', 'sala', 'salas']);
const SOON: ReadonlySet<string> = new Set(['today', 'tonight', 'tomorrow', 'heute', 'morgen', 'aujourd', 'demain', 'hoy', 'manana', 'hoje', 'amanha', 'oggi', 'domani', 'vandaag']);
const CLOCK_UNITS: ReadonlySet<string> = new Set(['am', 'pm', 'h', 'uhr', 'hs', 'horas']);
const AT_TIME: ReadonlySet<string> = new Set(['at', 'um', 'a', 'as', 'las', 'alle']);

/** Water, fire or heat where the servers are: an outage in the making. */
const SERVER_ROOMS: ReadonlySet<string> = new Set(['camara de frio', 'cold room', 'cold store', 'kuhlraum', 'chambre froide', 'camara frigorifica', 'sala tecnica', 'salle technique', 'technikraum', 'sala de racks', 'bastidores da rede', 'network room', 'network cabinet', 'server cabinet', 'server rack', 'comms cabinet', 'patch cabinet', 'netzwerkschrank', 'serverschrank', 'baie reseau', 'armario de red', 'rack de red', 'server room', 'serverraum', 'rechenzentrum', 'data centre', 'data center', 'comms room', 'salle serveur', 'salle des serveurs', 'sala de servidores', 'sala dos servidores', 'cpd']);
const ROOM_FIRST: ReadonlySet<string> = new Set([...SERVER_ROOMS].map((r) => r.split(' ')[0] ?? ''));
const HAZARDS: ReadonlySet<string> = new Set(['alarme', 'alarma', 'clim', 'climatisation', 'cooling', 'aircon', 'klima', 'klimaanlage', 'condicionado', 'refrigeracion', 'refrigeracao', 'leak', 'leaking', 'water', 'flood', 'flooded', 'fire', 'smoke', 'hot', 'temperature', 'alarm', 'fuite', 'eau', 'wasser', 'feuer', 'rauch', 'heiss', 'agua', 'fuga', 'humo', 'fumaca', 'vazamento', 'calor', 'chaleur', 'incendie', 'incendio']);
/** About twenty, thirty…: "une trentaine", "una veintena", "uma dezena", "ein Dutzend". */
const ABOUT_MANY: ReadonlySet<string> = new Set(['dizaine', 'quinzaine', 'vingtaine', 'trentaine', 'quarantaine', 'cinquantaine', 'centaine', 'decena', 'veintena', 'treintena', 'dezena', 'vintena', 'trintena', 'dutzend', 'dutzende', 'dozens']);
const HOW_TO: ReadonlySet<string> = new Set(['como acrescento', 'como adiciono', 'como e que mudo', 'como e que', 'how do you', 'how do i', 'how can i', 'how to', 'wie kann ich', 'wie stelle ich', 'comment faire', 'comment puis je', 'como puedo', 'como hago', 'como faco', 'como posso']);
/** A program refusing one thing ("won't let me share"), beside a how-to, blocks nobody. */
const WEAK_BLOCKS: ReadonlySet<string> = new Set(['won t let me', 'cannot work', 'nao consigo', 'no puedo', 'je ne peux plus']);

/** "can", "kann", "peut", "puede", "pode": able to, after "nobody … ". */
const ABLE: ReadonlySet<string> = new Set(['able', 'can', 'could', 'kann', 'konnen', 'peut', 'peuvent', 'puede', 'pueden', 'consegue', 'conseguem', 'pode', 'podem']);
/** What nobody can do that is no outage: "nobody can tell me why". */
const HELPING: ReadonlySet<string> = new Set(['you', 'u', 'someone', 'somebody', 'anyone', 'we', 'i', 'ihr', 'sie', 'vous', 'tu', 'alguien', 'alguem', 'voce', 'voces', 'tell', 'help', 'explain', 'answer', 'say', 'find', 'figure', 'sagen', 'helfen', 'erklaren', 'dire', 'aider', 'expliquer', 'decir', 'ayudar', 'explicar', 'dizer', 'ajudar']);

/** This many people named with a number ("35 people") is many. */
const MANY = 5;

/** Phrases that name a routine action with a signal word in it ("ran a virus scan"): their words signal nothing. */
const NEUTRAL = ['fire alarm test', 'fire drill', 'alarm test', 'test the fire alarm', 'test of the fire alarm', 'feueralarmprobe', 'probealarm', 'exercice incendie', 'exercice d evacuation',
  'simulacro de incendio', 'simulado de incendio', 'question mark', 'point d interrogation', 'signo de interrogacion', 'ponto de interrogacao', 'virus scan', 'virus scans', 'antivirus scan', 'virus check', 'virus protection', 'virus definitions', 'virenscan', 'virenschutz', 'scan antivirus', 'analisis de virus', 'analise de virus', 'verificacao de virus',
  'want to get locked out', 'don t want to get locked out', 'before i get locked out', 'avoid getting locked out', 'so i don t get locked out',
  'nobody can tell me', 'no one can tell me', 'nobody could tell me', 'no one could tell me', 'nobody can help', 'no one can help', 'nobody could help', 'nobody can explain', 'niemand kann mir sagen',
  'personne ne peut me dire', 'nadie me sabe decir', 'nadie puede decirme', 'ninguem sabe me dizer', 'ninguem consegue me dizer',
  'flu virus', 'stomach virus', 'virus going round', 'virus going around', 'virus that s going round', 'virus that s going around', 'coronavirus', 'corona virus', 'grippevirus', 'virus de la grippe', 'virus de la gripe', 'virus da gripe'];

/** A phrase's kinds; `typed` and `opened` are security only in the context their sets above name, `neutral` covers its words. */
type TableKind = SignalKind | 'typed' | 'opened' | 'handed' | 'neutral';
const TABLE = new Map<string, TableKind[]>();
/** Every word sequence that starts a phrase, so a lookup stops as soon as no phrase can follow. */
const STARTS = new Set<string>();
const addPhrase = (key: string, kind: TableKind) => {
  const kinds = TABLE.get(key) ?? [];
  if (!kinds.includes(kind)) kinds.push(kind);
  TABLE.set(key, kinds);
  const words = key.split(' ');
  for (let n = 1; n < words.length; n++) STARTS.add(words.slice(0, n).join(' '));
};
for (const [kind, phrases] of Object.entries(SIGNALS) as [SignalKind, readonly string[]][]) for (const phrase of phrases) addPhrase(foldWords(phrase).join(' '), kind);
for (const key of CREDENTIAL_PHRASES) addPhrase(key, 'typed');
for (const key of OPENED_PHRASES) addPhrase(key, 'opened');
for (const key of HANDED_PHRASES) addPhrase(key, 'handed');
for (const phrase of NEUTRAL) addPhrase(foldWords(phrase).join(' '), 'neutral');

export interface PriorityReading {
  readonly priority: Priority;
  /** The signals found, e.g. `outage: "is down"`, for the moderator's notes. */
  readonly reasons: string[];
  /** Every kind of signal found (after negation), for notes and summaries. */
  readonly kinds: ReadonlySet<SignalKind>;
}

/** Reads the priority of a ticket from its title and description. */
export function readPriority(title: string, description: string): PriorityReading {
  const asks = title.includes('?') || description.includes('?');
  const words = foldWords(`${title}\n${description === title ? '' : description}`);
  const found: { kind: SignalKind; phrase: string }[] = [];
  const kinds = new Set<SignalKind>();
  const add = (kind: SignalKind, phrase: string) => {
    if (!found.some((f) => f.kind === kind && f.phrase === phrase)) found.push({ kind, phrase });
    kinds.add(kind);
  };
  // Words inside a neutral phrase start no signal.
  const neutral = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    let key = '';
    for (let n = 1; i + n <= words.length; n++) {
      key = n === 1 ? (words[i] ?? '') : `${key} ${words[i + n - 1] ?? ''}`;
      if (TABLE.get(key)?.includes('neutral')) neutral.fill(1, i, i + n);
      if (!STARTS.has(key)) break;
    }
  }
  for (let i = 0; i < words.length; i++) {
    let key = '';
    for (let n = 1; !neutral[i] && i + n <= words.length; n++) {
      key = n === 1 ? (words[i] ?? '') : `${key} ${words[i + n - 1] ?? ''}`;
      for (const kind of TABLE.get(key) ?? []) {
        if ((kind === 'security' || kind === 'urgency' || kind === 'deadline' || kind === 'blocked' || kind === 'typed' || kind === 'opened' || kind === 'handed') && negated(words, i)) continue;
        if (kind === 'typed') {
          if (words.some((w) => PHISHING_CONTEXT.has(w))) add('security', key);
        } else if (kind === 'opened') {
          if (words.some((w) => SUSPICIOUS.has(w))) add('security', key);
        } else if (kind === 'handed') {
          if (words.some((w) => SECRET_CONTEXT.has(w))) add('security', key);
        } else if (kind !== 'neutral') add(kind, key);
      }
      if (!STARTS.has(key)) break;
    }
    // "the whole finance team", "all of the Madrid office": a whole group, a few words apart.
    if (WHOLE.has(words[i] ?? '') || (words[i] === 'all' && words[i + 1] === 'of')) {
      for (let j = i + 1; j <= i + 3 && j < words.length; j++) if (GROUPS.has(words[j] ?? '')) add('impact', words.slice(i, j + 1).join(' '));
    }
    // "none of the tills in the Bristol store": within a few words, "in"/"at" and then the group; or the group right away ("ninguna tienda").
    if (NOBODY.has(words[i] ?? '') && (GROUPS.has(words[i + 1] ?? '') || PLACES.has(words[i + 1] ?? ''))) add('impact', `${words[i]} ${words[i + 1]}`);
    if (NOBODY.has(words[i] ?? '')) {
      for (let j = i + 1; j <= i + 6 && j < words.length; j++) {
        if (!AT.has(words[j] ?? '')) continue;
        for (let k = j + 1; k <= j + 4 && k < words.length; k++) if (GROUPS.has(words[k] ?? '')) add('impact', words.slice(i, k + 1).join(' '));
      }
    }
    if (EVERYONE.has(words[i] ?? '') && AT.has(words[i + 1] ?? '')) {
      for (let j = i + 2; j <= i + 3 && j < words.length; j++) if (GROUPS.has(words[j] ?? '')) add('impact', words.slice(i, j + 1).join(' '));
    }
    // "all doors in building A", "todas as lojas", "every office": everywhere in a place.
    if (ALL.has(words[i] ?? '') && !TIMES.has(words[i + 1] ?? '')) {
      for (let j = i + 1; j <= i + 4 && j < words.length; j++) {
        const w = words[j] ?? '';
        if (PLACES.has(w) && (j === i + 1 || j === i + 2 || AT.has(words[j - 1] ?? '') || AT.has(words[j - 2] ?? ''))) add('impact', words.slice(i, j + 1).join(' '));
      }
    }
    if (LOST.has(words[i] ?? '') && !negated(words, i)) {
      // German puts the verb last: "meinen Laptop verloren"; what is missing or gone comes first ("one of the iPads is missing",
      // "o portátil desapareceu"), not what is missing on it ("BigHand missing on my new laptop").
      const gone = GONE.has(words[i] ?? '');
      const from = gone || words[i] === 'verloren' ? Math.max(0, i - 3) : i + 1;
      // "BigHand is missing on my new laptop": what is missing is on the device.
      const to = gone ? (ON_IT.has(words[i + 1] ?? '') ? -1 : i - 1) : from + 2;
      for (let j = from; j <= to && j < words.length; j++) {
        if (DEVICES.has(words[j] ?? '') && !ACCESSORIES.has(words[j + 1] ?? '')) add('security', `${words[i]} ${words[j]}`);
      }
    }
    // "none of the counters in T2 can connect", "nobody on the news desk can save": nobody able to, a few words on
    // (not "nobody can tell me why", not "none of my mails can be sent").
    if (NOBODY.has(words[i] ?? '') && !within(words, i + 1, i + 4, POSSESSIVE)) {
      for (let j = i + 2; j <= i + 12 && j < words.length; j++) {
        if (ABLE.has(words[j] ?? '') && !HELPING.has(words[j + 1] ?? '')) {
          add('impact', `${words[i]} … ${words[j]}`);
          break;
        }
      }
    }
    // "In der Buchhaltung kann niemand": the group first, then nobody.
    if (NOBODY.has(words[i] ?? '')) {
      for (let j = Math.max(0, i - 3); j < i; j++) if (GROUPS.has(words[j] ?? '') && (AT.has(words[j - 1] ?? '') || AT.has(words[j - 2] ?? ''))) add('impact', words.slice(j, i + 1).join(' '));
    }
    // "the board meets in 15 minutes": a deadline.
    if (words[i] === 'in' && Number.isInteger(Number(words[i + 1])) && MINUTES.has(words[i + 2] ?? '')) add('deadline', words.slice(i, i + 3).join(' '));
    // "a presentation at 2pm today", "Kundentermin heute": an appointment soon.
    if (APPOINTMENTS.has(words[i] ?? '') && !ROOMS.has(words[i + 1] ?? '')) {
      for (let j = i + 1; j <= i + 4 && j < words.length; j++) if (SOON.has(words[j] ?? '') || clockTime(words, j)) add('deadline', words.slice(i, j + 1).join(' '));
      // "the 3pm meeting", "the 10 am call".
      for (let j = Math.max(0, i - 2); j < i; j++) if (clockTime(words, j)) add('deadline', words.slice(j, i + 1).join(' '));
    }
    // "nous sommes une trentaine", "somos una veintena": about thirty of us.
    if (ABOUT_MANY.has(words[i] ?? '')) add('impact', words[i] ?? '');
    // "there's about 120 of us sitting here".
    if (Number(words[i]) >= MANY && words[i + 1] === 'of' && (words[i + 2] === 'us' || words[i + 2] === 'them') && words[i - 1] !== 'all') add('impact', words.slice(i, i + 3).join(' '));
    // "it's all 25 of us on the floor".
    if (words[i] === 'all' && Number(words[i + 1]) >= MANY && words[i + 2] === 'of' && (words[i + 3] === 'us' || words[i + 3] === 'them')) add('impact', words.slice(i, i + 4).join(' '));
    const c = (words[i] ?? '').charCodeAt(0);
    // "38 people", "18 mecânicos", "40ish night pickers": a number of people, one word between at most.
    const n = c >= 48 && c <= 57 ? Number((words[i] ?? '').replace(/ish$/, '')) : NaN;
    if (Number.isInteger(n) && n >= MANY && (PEOPLE.has(words[i + 1] ?? '') || PEOPLE.has(words[i + 2] ?? ''))) add('impact', `${words[i]} ${PEOPLE.has(words[i + 1] ?? '') ? words[i + 1] : words[i + 2]}`);
  }
  if (!kinds.has('security') && words.some((w) => ATTACHMENT.has(w)) && words.some((w) => SUSPICIOUS.has(w))) {
    const opened = words.findIndex((w) => OPENED.has(w));
    if (opened >= 0 && !negated(words, opened)) add('security', `attachment … ${words[opened]}`);
  }
  // "could not be sent, error 550" is a fault; "sent by error", "por error" a mistake.
  const mistake = words.findIndex((w, i) => MISTAKE.has(w) && ((w !== 'error' && w !== 'erreur') || MISTAKE_BY.has(words[i - 1] ?? '')));
  if (mistake >= 0 && !kinds.has('security')) {
    for (let j = Math.max(0, mistake - 10); j <= mistake + 10 && j < words.length; j++) if (SENT.has(words[j] ?? '')) add('security', `${words[j]} … ${words[mistake]}`);
  }
  const room = words.some((w, i) => ROOM_FIRST.has(w) && (SERVER_ROOMS.has(w) || SERVER_ROOMS.has(`${w} ${words[i + 1] ?? ''}`) || SERVER_ROOMS.has(`${w} ${words[i + 1] ?? ''} ${words[i + 2] ?? ''}`)));
  const hazard = room && words.find((w) => HAZARDS.has(w));
  if (hazard) add('outage', `server room … ${hazard}`);
  const flood = words.find((w) => FLOODED.has(w));
  if (flood && words.some((w) => WET_PLACES.has(w))) add('safety', `${flood} …`);
  const lift = words.find((w) => LIFTS.has(w));
  const stuck = lift && words.find((w) => STUCK.has(w));
  if (lift && stuck) add('safety', `${lift} … ${stuck}`);
  // "half my team has a virus (the stomach one)": an illness, not malware.
  if (kinds.has('security') && found.every((f) => f.kind !== 'security' || VIRUS_WORDS.has(f.phrase)) && words.some((w) => ILLNESS.has(w))) kinds.delete('security');
  const cues = readCues(words);
  if (cues.cosmetic) add('cosmetic', 'cosmetic');
  if (cues.minor) add('cosmetic', 'a nuisance');
  if (cues.wants && !cues.severity) add('request', 'wants');
  if (cues.needs && !cues.severity && !cues.selfBlocked) add('request', 'needs');
  if (cues.selfBlocked) add('blocked', 'cannot work');
  // A context that is no incident (training, a simulation, a false alarm) takes back the phrase tables' security
  // reading; planned work, thanks or a single person take back an outage or a crowd.
  const noIncident = cues.nonIncident === 'training or simulation' || cues.nonIncident === 'false alarm';
  if (noIncident && !cues.security) kinds.delete('security');
  if (cues.nonIncident || cues.singular) kinds.delete('outage');
  // A crowd alone is HIGH only if something is wrong for it: "the whole team wants new monitors" is a request.
  // "Receiving still works" is what still works beside the failure, not the requester saying it can wait.
  const waits = found.some((f) => f.kind === 'can-wait' && !PARTLY_WORKS.has(f.phrase));
  const lowish = cues.wish || cues.nonIncident || asks || waits || (['question', 'request', 'cosmetic'] as const).some((k) => kinds.has(k));
  // "Is it just us? Nobody in the office has had a single email": nobody able to work survives a question mark
  // and a need; a wish, a how-to, a cosmetic matter or "it can wait" still take it back.
  const nobodyImpact = found.some((f) => f.kind === 'impact' && NOBODY.has(f.phrase.split(' ')[0] ?? ''));
  const plainlyLow = cues.wish || waits || (['question', 'cosmetic'] as const).some((k) => kinds.has(k));
  // "none of the sales team (18 people) can send mail; colleagues in delivery seem unaffected": another team being fine
  // does not make a counted crowd one person.
  const counted = found.some((f) => f.kind === 'impact' && /^\d/.test(f.phrase));
  const oneAffected = cues.singular && !(counted && nobodyImpact);
  if (oneAffected || cues.nonIncident || (lowish && !cues.severity && !(nobodyImpact && !plainlyLow))) kinds.delete('impact');
  if (cues.security) add('security', cues.security);
  if (cues.scopedImpact) add('impact', cues.scopedImpact);
  const reasons = (ks: readonly SignalKind[]) => found.filter((f) => ks.includes(f.kind) && kinds.has(f.kind)).slice(0, 3).map((f) => `${f.kind}: "${f.phrase}"`);
  const high = [...kinds].filter((k) => HIGH_KINDS.has(k));
  // "Everyone complains, no big deal": the requester's own "it can wait" outranks the crowd, not an incident.
  const highHolds = high.some((k) => k === 'security' || k === 'safety' || k === 'outage') || (high.length > 0 && !waits);
  if (highHolds) return { priority: 'HIGH', reasons: reasons(high), kinds };
  // Urgency words keep a fault from LOW, not a how-to ("URGENT!!! how do I add a calendar").
  // A deadline keeps a fault from LOW too, not a how-to asked in a hurry ("what's the guest wifi password? visitor in 10 min").
  // "Teams won't let me share my screen, how do I turn that on?" is a how-to about a setting, not a person blocked.
  const howTo = found.some((f) => f.kind === 'question' && HOW_TO.has(f.phrase));
  const blocked = found.some((f) => f.kind === 'blocked' && kinds.has('blocked') && !(howTo && WEAK_BLOCKS.has(f.phrase)));
  const floor = blocked || (kinds.has('deadline') && !kinds.has('question')) || (kinds.has('urgency') && !kinds.has('question') && !asks);
  const lowKinds: SignalKind[] = ['can-wait', 'question', 'request', 'cosmetic'];
  // "Main Gate still working, so we send people round" beside a failure is what is left, not "it can wait".
  const canWait = kinds.has('can-wait') && (waits || !cues.severity);
  const low = canWait || lowKinds.some((k) => k !== 'can-wait' && kinds.has(k)) || asks || cues.nonIncident !== undefined;
  if (canWait || (low && !floor)) {
    const r = reasons(lowKinds);
    const why = cues.nonIncident ? `no incident: ${cues.nonIncident}` : 'question: the ticket asks a question';
    return { priority: 'LOW', reasons: r.length ? r : [why], kinds };
  }
  return { priority: 'MEDIUM', reasons: reasons(['deadline', 'blocked', 'urgency']), kinds };
}

/** "2pm", "14h", "10 am", "um 14 Uhr": a time of day. */
function clockTime(words: readonly string[], at: number): boolean {
  const w = words[at] ?? '';
  const c = w.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return false;
  const digits = w.replace(/\D+$/, '');
  const unit = w.slice(digits.length);
  if (!/^\d{1,2}$/.test(digits)) return false;
  return unit === '' ? CLOCK_UNITS.has(words[at + 1] ?? '') || AT_TIME.has(words[at - 1] ?? '') : CLOCK_UNITS.has(unit);
}

function negated(words: readonly string[], at: number): boolean {
  for (let j = Math.max(0, at - NEGATION_WINDOW); j < at; j++) if (NEGATIONS.has(words[j] ?? '')) return true;
  return false;
}
