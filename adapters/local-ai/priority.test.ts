import { describe, expect, it } from 'vitest';
import { readCues, wordClasses } from './priority-cues.js';
import { readPriority } from './priority.js';
import { foldWords } from './skill-matcher.js';

describe('readPriority', () => {
  it.each([
    ['VPN is down for everyone', ''],
    ['Outage: payroll site', 'Many users affected since 9am'],
    ['Suspicious email', 'I think I was phished and my account is compromised'],
    ['Laptop stolen', 'Possible data breach'],
    ['I clicked a link, typed my password, now sign-in alerts from another country', ''],
    ['Homepage takes 12 seconds for everyone', ''],
    ['Nobody in the Madrid office has internet', ''],
    ['VPN down for the whole finance team', ''],
    ['Dateien werden umbenannt', 'Ransomware? Alle Dateien auf dem Laufwerk werden verschlüsselt'],
    ['Cliquei num link', 'Cliquei num link de um e-mail estranho e digitei minha senha'],
    ['Me robaron el portátil', 'Me robaron el portátil de la empresa en el tren'],
    ['Panne générale', 'Tout le monde au bureau de Lyon est hors service'],
    ['Production is down', 'Checkout fails for every customer'],
    ['Unbefugter Zugriff', 'Unbefugter Zugriff auf die Kundendatenbank festgestellt, Datensätze wurden exportiert'],
    ['Acesso não autorizado', 'Detetámos acesso não autorizado à base de dados de clientes'],
    ['Accès non autorisé', 'Accès non autorisé à la base de données clients cette nuit'],
    ['Acceso no autorizado', 'Informamos de un incidente de seguridad grave en curso: acceso no autorizado a la base de datos'],
    ['PCs in 4 branches', 'Since the update the PCs in 4 branches show a blue screen. We cannot invoice.'],
    ['Ecrã azul em três lojas', 'Os computadores em três lojas ficam num ecrã azul e não conseguimos faturar.'],
    ['Écran bleu', 'Dans 4 agences les PC restent sur un écran bleu, impossible de facturer.'],
  ])('reads HIGH from %s', (title, description) => {
    expect(readPriority(title, description).priority).toBe('HIGH');
  });

  it('does not read what still works beside a failure as "it can wait"', () => {
    expect(readPriority('Turnstiles', 'The turnstiles at the north gate say server unreachable. The main gate is still working, so we send people round.').priority).not.toBe('LOW');
  });

  it.each([
    ['How do I add a shared calendar', ''],
    ['Is it possible to get a second monitor', ''],
    ['Where can I find the VPN guide?', ''],
    ['Question about licences', 'Not urgent, just wondering'],
    ['Second microwave for the crew room', 'About 15 people queue at the break and half of them get no hot food. Not a fault, just a request :)'],
    ['Kaffeemaschine im 2. Stock?', 'Alle 20 von uns gehen nach unten. Kein Fehler, nur ein Wunsch.'],
  ])('reads LOW from %s', (title, description) => {
    expect(readPriority(title, description).priority).toBe('LOW');
  });

  it.each([
    ['how to change password before it expires ASAP', "ASAP - my password expires in 3 days. How do I change it so I don't get locked out?"],
    ['URGENT out of office', "URGENT how do i set my out of office?? flying in an hour and my boss will kill me if customers dont get a reply"],
    ['out of office asap', "need to set my out of office asap, off from tomorrow and cant find where it is in the new outlook"],
    ['need this asap - excel top row', 'need this asap: how do i make the top row stay visible when i scroll down in excel?? showing it to a customer in 20 min'],
    ['Mudar o teclado para português', 'Olá, como é que mudo o teclado do Windows para português? Não consigo escrever o ç.'],
    ['personal days', "how many personal days do we get per year, and do they roll over if I don't use them?"],
    ['could the parts counter get a second monitor', 'its a pain flicking between two systems all day'],
    ['Auriculares inalámbricos', '¿Sería posible pedir unos auriculares inalámbricos? Con el cable no puedo moverme. No corre prisa.'],
    ['eDrawings viewer would be handy', 'Customers send us .eprt files. Would be handy to have the viewer on my laptop.'],
    ['share screen on mac', "Teams won't let me share my screen, says something about permissions. how do i turn that on"],
    ['como é que mudo a minha foto no Teams? ainda aparece a antiga', ''],
  ])('reads a how-to as LOW, whatever it fears or what refuses: %s', (title, description) => {
    expect(readPriority(title, description).priority).toBe('LOW');
  });

  it('reads a label printer printing slightly off, still readable, as LOW', () => {
    expect(readPriority('label printer prints slightly off', 'it prints the shelf labels a few mm to the left. still readable, just looks messy').priority).toBe('LOW');
  });

  it('does not read "nobody can tell me why" as nobody able to work', () => {
    expect(readPriority('new badge', 'I asked at reception about my new badge and nobody can tell me who orders them.').priority).not.toBe('HIGH');
  });

  it('reads a meeting minutes away as a deadline, and a boot logo as no cosmetic issue', () => {
    expect(readPriority('Projector', 'No picture on the projector and the board meets in 15 minutes').priority).toBe('MEDIUM');
    expect(readPriority('No arranca el portátil', 'Se queda en el logo al arrancar').priority).toBe('MEDIUM');
  });

  it('reads MEDIUM without signals', () => {
    expect(readPriority('Printer on floor 3 jams', 'It jams on duplex jobs.')).toMatchObject({ priority: 'MEDIUM', reasons: [] });
  });

  it.each([
    ['Report export broken?', 'Deadline is today, can you look?'],
    ['URGENT!!! cannot submit invoices', ''],
    ['Kein Zugriff auf Laufwerk P:', 'Ich brauche die Daten für einen Kundentermin um 14 Uhr. Was kann ich tun?'],
  ])('keeps a deadline or urgency at MEDIUM, not HIGH: %s', (title, description) => {
    expect(readPriority(title, description).priority).toBe('MEDIUM');
  });

  it('does not let "URGENT!!!" make a how-to HIGH', () => {
    expect(readPriority('URGENT!!! how do I add a signature in Outlook?', '').priority).not.toBe('HIGH');
  });

  it.each([
    ['Wo stelle ich meinen Urlaubsantrag?', ''],
    ["Demande d'un deuxième écran", "Serait-il possible d'avoir un deuxième écran ? Ce n'est pas urgent."],
    ['¿Cómo puedo cambiar mi firma?', ''],
    ['Como faço para pedir um monitor?', ''],
    ['wifi in the canteen', 'everyone complains at lunch, no big deal but would be nice if it worked'],
    ['email signature logo', 'The logo in the signature looks a bit blurry.'],
  ])('reads how-to, requests, cosmetic issues and "can wait" as LOW in five languages: %s', (title, description) => {
    expect(readPriority(title, description).priority).toBe('LOW');
  });

  it('does not count a negated urgency', () => {
    expect(readPriority('New keyboard', 'Not urgent, whenever you have time').priority).toBe('LOW');
  });

  it('lets a HIGH signal win over question wording', () => {
    const r = readPriority('How do I recover? Ransomware on my laptop', '');
    expect(r.priority).toBe('HIGH');
    expect(r.reasons[0]).toContain('security');
  });

  it.each([
    ['Weird invoice mail', 'I opened the link and entered my login details on the page'],
    ['Anruf vom Support', 'Ein angeblicher Kollege hat angerufen und ich habe ihm mein Passwort verraten'],
    ['Mail an falsche Adresse', 'Ich habe die Kundenliste versehentlich an einen externen Kontakt geschickt'],
    ['Fichier envoyé', "J'ai envoyé le fichier des salaires par erreur à un client"],
    ['Me llamaron de soporte', 'Les di mi contraseña por teléfono'],
    ['Anexo estranho', 'Abri o anexo de um e-mail estranho e agora aparecem janelas'],
    ['Printers', 'None of us on the 4th floor can print'],
    ['Softphones dead', '40 agents cannot take calls since 11'],
    ['Odd smell', 'There is a smell of gas near the kitchen on 2'],
    ['Someone approved my MFA', 'I got MFA prompts I didn\'t request and approved the push by mistake'],
    ['Fahrstuhl', 'Der Fahrstuhl in Haus 2 steckt zwischen zwei Etagen fest'],
    ['Ascenseur', 'Deux collègues sont coincés dans l’ascenseur'],
    ['Troyano', 'El antivirus ha encontrado un troyano y no lo puede quitar'],
    ['Versand', 'Der Versand steht still, weil das System nicht reagiert'],
    ['Mailbox rules', 'There is a forwarding rule in my mailbox I never created'],
    ['Tills', 'Since this morning none of the tills in the Leeds store can take cards'],
    ['Kein Netz', 'Seit 10 Uhr haben alle im Gebäude C kein Netzwerk'],
    ['Salle serveur', "De l'eau coule du plafond dans la salle serveur"],
    ['Laptop left on the train', 'I left my work laptop in the train and I was still signed in'],
    ['Card charges', 'Charges on my corporate card that I don\'t recognise, from a shop abroad'],
    ['Doors', 'The badge readers on all doors in building A stopped working'],
    ['Lojas', 'O sistema de caixa parou em todas as lojas'],
    ['Planilha', 'Enviei por engano a planilha de salários para um cliente'],
    ['USB stick', 'I lost my USB stick with the customer export on the train'],
    ['Suppliers', 'The payment run failed, 240 suppliers will not be paid'],
    ['Replied to a fake mail', 'I replied with our account number before I realised it was fake'],
    ['Keller', 'Der Keller ist nach dem Sturm überflutet'],
    ['Buchhaltung', 'In der Buchhaltung kann niemand mehr drucken'],
    ['VPN', 'Ningún compañero del equipo de ventas puede conectarse a la VPN'],
    ['Kundendaten', 'Ich habe Kundendaten aus Versehen an einen externen Empfänger geschickt'],
    ['Robo', 'Han entrado a robar en la oficina esta noche'],
    ['Tiendas', 'Ninguna tienda de Madrid puede cobrar con tarjeta'],
    ['Uploads', 'Monitoring shows large uploads from a finance PC to an unknown server at night'],
  ])('reads HIGH from credentials handed over, data sent out, whole groups and danger: %s', (title, description) => {
    expect(readPriority(title, description).priority).toBe('HIGH');
  });

  it.each([
    ['Password not accepted', 'I entered my password three times and it says it is wrong'],
    ['Newsletters', 'My inbox is flooding with newsletters I never asked for'],
    ['Budget file', 'The radiator leaked onto the desk, the budget printouts are wet'],
    ['No connection at my desk', 'I restarted the router and ran a virus scan, still no connection'],
    ['Antivirus question', 'No virus was found but the scan is slow'],
    ['Waiting', 'I have been waiting all day in the office for the new laptop'],
    ['Charger', 'I lost my laptop charger, can I get a new one?'],
    ['Inbox', 'My inbox is flooded with newsletters'],
    ['Team folder', 'None of the files I need are in the shared folder yet, can you check please?'],
  ])('does not read a sign-in problem or an ordinary word as an incident: %s', (title, description) => {
    expect(readPriority(title, description).priority).not.toBe('HIGH');
  });

  it.each([
    ['Please add Jonas to the distribution list', ''],
    ['Display upside down', 'the meeting room display shows everything upside down'],
    ['Neues Headset', 'Ich bräuchte ein neues Headset'],
    ['Nouvelle souris', 'Pourriez-vous me commander une souris ? Rien d’urgent.'],
  ])('reads requests and cosmetic issues as LOW: %s', (title, description) => {
    expect(readPriority(title, description).priority).toBe('LOW');
  });

  it('treats pattern characters in text as plain text', () => {
    expect(() => readPriority('((( [a-z]+ $$$ \\', '.*+? ^$ {2,}')).not.toThrow();
  });
});

describe('compositional priority cues', () => {
  const cues = (text: string) => readCues(foldWords(text));

  it('matches stems and German compounds without listing each form', () => {
    expect(wordClasses('niederlassungen')).toContain('group');
    expect(wordClasses('lohnbuchhaltung')).toContain('group');
    expect(wordClasses('stromausfall')).toContain('severity');
    expect(wordClasses('rancon')).toContain('ransom');
    expect(wordClasses('cursor')).not.toContain('training');
  });

  it.each([
    ['3rd floor dead', 'Since about 9 the whole third floor has no network, wired or wifi.'],
    ['VPN', 'None of the remote workers can connect to the VPN since the maintenance window last night.'],
    ['Scanners', 'every handheld scanner in the Leeds warehouse lost its connection, shipping has stopped completely'],
    ['Fileserver', 'Die gesamte Niederlassung kommt nicht an ihre Dateien.'],
    ['Drucker', 'Kein einziger Drucker in Gebäude B druckt mehr, die ganze Lohnbuchhaltung steht.'],
    ['VPN', 'La VPN no conecta para ningún empleado en teletrabajo.'],
    ['Denver', 'Every few minutes all connections at the Denver site drop, for everybody.'],
  ])('reads scope near severity as HIGH: %s', (title, description) => {
    expect(cues(`${title}\n${description}`).scopedImpact).toBeDefined();
    expect(readPriority(title, description).priority).toBe('HIGH');
  });

  it.each([
    ['did something dumb', 'the page looked exactly like our microsoft login so i typed my pasword in'],
    ['Weird invoice', 'I opened the attached document and clicked enable content. Now the antivirus went red.'],
    ['Sign-in', 'Got an email saying my account signed in from Lagos. I have never been there.'],
    ['Inicio de sesión', 'Me llegó un aviso de inicio de sesión desde Rusia y no fui yo.'],
    ['Compta', 'plusieurs postes affichent un message qui demande une rançon'],
    ['Popup', 'a red screen says all my documents are encrypted and I need to pay'],
    ['Wrong address', 'I emailed the salary overview to an outside address instead of HR.'],
    ['Folder', "The passport scans folder is set to 'anyone with the link can view'."],
    ['Mouse', 'My cursor is moving on its own and windows are opening.'],
    ['USB', 'A colleague found a USB stick in the car park and plugged it into her PC.'],
    ['Diensthandy', 'Mein Firmenhandy wurde mir im Zug gestohlen.'],
  ])('reads a security event as HIGH: %s', (title, description) => {
    expect(cues(`${title}\n${description}`).security).toBeDefined();
    expect(readPriority(title, description).priority).toBe('HIGH');
  });

  it.each([
    ['Phishing simulation next week', 'We run a phishing simulation for all staff next week. If you click a test link you land on a training page.'],
    ['Sicherheitsschulung', 'Wann findet die nächste Schulung zu IT-Sicherheit und Phishing statt?'],
    ['Suspicious mail', "I got a weird email with a link. I didn't click anything, just forwarded it."],
    ['What if', 'What should I do if I ever click a phishing link by mistake?'],
    ['False alarm', 'Earlier I reported a suspicious login but it was me on my new phone. Please close the ticket.'],
    ['Encryption', 'Which encryption do you recommend for files on Ubuntu?'],
    ["Clavier en QWERTY au lieu d'AZERTY", "Bonjour, mon clavier est passé en QWERTY tout seul. Comment on remet l'AZERTY dans Windows ? Rien de grave."],
    ['BitLocker recovery key', 'After the update my laptop asks for the BitLocker recovery key (48 digits). I have never been given one.'],
  ])('does not read training, a simulation, a negation, an "if", a false alarm, a setting that changed by itself or a key never given as an incident: %s', (title, description) => {
    expect(readPriority(title, description).priority).not.toBe('HIGH');
  });

  it.each([
    ['Whole team wants new monitors', 'The whole marketing team would love to get 27-inch monitors.'],
    ['Headsets', 'Die ganze Abteilung hätte gern neue Headsets. Wie bestellen wir die?'],
    ['Sillas', 'Toda la oficina de Valencia quiere sillas nuevas.'],
    ['Thanks', 'Everyone in the Bristol office says thanks for fixing the wifi yesterday!'],
    ['Maintenance', 'Planned maintenance: email will be unavailable for everyone on Sunday.'],
    ['ERP', 'Is the ERP maintenance on Saturday going to take the system down for all users?'],
  ])('reads a crowd that wants something, thanks or planned work as LOW: %s', (title, description) => {
    expect(readPriority(title, description).priority).toBe('LOW');
  });

  it.each([
    ['Poste', "Mon ordinateur ne démarre plus, je ne peux pas travailler. Mes collègues n'ont aucun souci."],
    ['USB ports dead', 'None of the USB ports on my desktop work since this morning'],
    ['Outlook crashes', 'Outlook keeps crashing whenever I open a PDF. Colleagues are fine.'],
    ['Account', "I can't log into my account, I forgot my password. Can you reset it please?"],
  ])('reads one person blocked as MEDIUM, not HIGH: %s', (title, description) => {
    expect(readPriority(title, description).priority).toBe('MEDIUM');
  });

  it.each([
    ['URGENT!!! shared calendar', "URGENT!!! how do I add my manager's shared calendar?"],
    ['DRINGEND', 'DRINGEND: Wie richte ich eine Abwesenheitsnotiz ein?'],
    ['URGENTE', 'URGENTE!! cómo cambio mi firma de correo??'],
  ])('keeps an urgent how-to LOW: %s', (title, description) => {
    expect(readPriority(title, description).priority).toBe('LOW');
  });

  it.each([
    ['approve sign in??', "My phone keeps buzzing with 'approve sign-in' requests and I'm not trying to log in to anything."],
    ['MFA', 'Getting MFA pushes at 3am that I never asked for.'],
    ['Passwort', 'Ich habe eine Passwort-Zurücksetzung bekommen, die ich nicht angefordert habe.'],
    ['Files', 'every file on my desktop has a weird extension now and a note called README_DECRYPT.txt appeared'],
    ['Correo', 'Me pidieron mis datos bancarios por correo y los mandé. Ahora creo que era falso.'],
    ['Mailbox full', 'I got the mail below, pressed the button and logged in. Now I am worried it was not real, was that real?'],
    ['phones', 'all desk phones in the support team have no dial tone'],
    ['screens', 'Half the PCs in the call centre blue-screened at the same time'],
    ['Printer', 'De printer op de tweede verdieping werkt voor niemand'],
    ['Stampante', 'La stampante del secondo piano non funziona per nessuno'],
    ['MFA', 'got 20 MFA requests in a row, I pressed accept by accident'],
    ['Sent items', 'my account sent 300 emails overnight that I never wrote'],
    ['Rules', "Outlook shows rules forwarding all my mail to an external gmail address, I didn't set that up"],
    ['Screen', "there's a message on screen saying my files are locked and I need to pay"],
    ['Laptop', "company laptop left on the train, can't find it"],
    ['Client list', 'I emailed the client list to my personal gmail by mistake'],
    ['Strom', 'Stromausfall in Gebäude C, die Server laufen auf USV'],
    ['Lager', 'Kein Mitarbeiter im Lager kann drucken'],
    ['Schulungsraum', 'Alle Rechner im Schulungsraum zeigen eine Lösegeldforderung'],
    ['Compte', "Quelqu'un s'est connecté à mon compte depuis la Russie"],
    ['Sesión', 'Me llegaron notificaciones de inicio de sesión que no hice'],
    ['Shop', 'Checkout on the web shop fails for every order'],
    ['Köln', 'Seit 8 Uhr kommt bei uns in der Filiale Köln keine einzige Mail an'],
    ['Callcenter', 'Unser gesamtes Callcenter hat keine Telefonverbindung'],
    ['WaWi', 'Das Warenwirtschaftssystem ist ausgefallen, wir können nichts ausliefern'],
    ['Bordeaux', "Le site de Bordeaux n'a plus de réseau depuis ce matin"],
    ['Service client', 'Tous les téléphones du service client sont muets'],
    ['USB', "J'ai branché une clé USB trouvée sur le parking"],
    ['Recepción', 'Todos los ordenadores de recepción se reiniciaron y no arrancan'],
    ['Equipe', 'Todos os e-mails da equipe pararam de chegar'],
    ['Server room', 'a stranger was in the server room today without a badge'],
    ['Teams', "half the office can't join any Teams calls"],
    ['is this legit?', 'Got a DocuSign email, opened it, it asked for my Microsoft login so I signed in. Sender was some random domain.'],
    ['texts', "I keep getting text messages with login codes for my work account, I haven't tried to log in anywhere"],
    ['phone gone', 'my work phone got pickpocketed on the tube this morning'],
    ['Leitstelle', 'In der Leitstelle sind alle Monitore schwarz, wir sehen nichts mehr'],
    ['VPN', 'Nessuno in ufficio riesce a collegarsi alla VPN'],
    ['Laptop', 'Mijn laptop is gestolen uit de auto'],
    ['wifi', 'evryone on 4th floor lost internet'],
    ['network', 'netwrok down in whole bulding'],
    ['phones', 'the call center phones arent ringing at all'],
    ['mail', "nobody's getting emails since 10"],
    ['IT call', 'I got a call from "IT" and let them remote into my PC'],
    ['payroll', "payroll file with everyone's bank details went to an outside address"],
    ['Phishing', 'Clicaram num link de phishing e o computador ficou estranho'],
    ['Seite', 'Ich habe meine Zugangsdaten auf einer gefälschten Microsoft-Seite eingegeben'],
    ['Link', 'Habe auf den Link in der Mail geklickt und mich angemeldet, jetzt kommen Warnungen'],
    ['Page', "J'ai entré mes identifiants sur une fausse page Office 365"],
    ['Salaires', "J'ai transféré par erreur la liste des salaires à un client"],
    ['Connexions', 'Des connexions inconnues apparaissent sur mon compte'],
    ['Clientes', 'Enviei sem querer a lista de clientes para um fornecedor'],
  ])('reads an unasked sign-in, a ransom note, data sent to a fake, a crowd with a dead service as HIGH: %s', (title, description) => {
    expect(readPriority(title, description).priority).toBe('HIGH');
  });

  it('reads one person at a place, or "de jeito nenhum", as no crowd', () => {
    expect(readPriority('Teams', 'my teams status shows offline all the time').priority).not.toBe('HIGH');
    expect(readPriority('wifi', "the building wifi password doesn't work on my phone").priority).not.toBe('HIGH');
    expect(readPriority('Test this week', 'When is the fire alarm test this week?').priority).toBe('LOW');
    expect(readPriority('wifi password changed?', 'Did the office wifi password change? My phone cannot connect anymore').priority).not.toBe('HIGH');
    expect(readPriority('notebook não liga', 'Meu notebook não liga de jeito nenhum, a luz nem acende.').priority).toBe('MEDIUM');
  });

  it('does not read a send error as data sent to the wrong person', () => {
    expect(readPriority('Mail', 'Sending gives an error since this morning').kinds.has('security')).toBe(false);
    expect(readPriority('Mail', 'Outlook says some of my emails could not be sent, error 550').priority).toBe('MEDIUM');
    expect(readPriority('Scanner', 'the scanner sends scans to the wrong email address').kinds.has('security')).toBe(false);
  });

  it.each([
    ['mouse', 'my mouse double clicks sometimes when I click once, really annoying'],
    ['Monitor', 'Mein Bildschirm flackert ab und zu, ist aber noch benutzbar.'],
    ['New joiner', 'Marco joins the sales team next week and needs a Salesforce licence and a laptop.'],
    ['Neuer Mitarbeiter', 'Ab 1. März fängt ein neuer Kollege an, bitte Laptop und Konto vorbereiten.'],
    ['Access', 'Please give me access to the sales dashboard, my manager approved.'],
    ['Férias', 'Quero saber como marcar minhas férias no sistema novo'],
    ['guest wifi', "URGENT: what's the guest wifi password? Visitor arriving in 10 min"],
    ['Monitor', 'Queria um monitor maior'],
  ])('reads a nuisance, a request for something and a hurried how-to as LOW: %s', (title, description) => {
    expect(readPriority(title, description).priority).toBe('LOW');
  });

  it('reads an appointment at a time as a deadline, and a question mark as no question', () => {
    expect(readPriority('excel macro', 'Our report macro stopped working after the update, I need the report for the 3pm meeting today').priority).toBe('MEDIUM');
    expect(readPriority('macbook wont boot', 'My MacBook shows a folder with a question mark. I have a presentation at 2pm today.').priority).toBe('MEDIUM');
  });
});

describe('security incidents told without the usual words', () => {
  it.each([
    ['signed in on a page a mail opened, doubting it', 'clicked the DocuSign link and logged in', 'I clicked review document and typed my email and password on the page. Our real DocuSign never asks for that, right?'],
    ['approved a sign-in after a stream of prompts', 'pressed approve', 'My phone kept popping up "Approve sign-in?" about 20 times in a row, I finally pressed approve so it would stop.'],
    ['approved, in German, to make it stop', 'MFA', 'Die Anmeldeanfragen kamen immer wieder, ich habe dann bestätigt.'],
    ['an attack tool a security product found', 'EDR alert', 'The security agent flagged a Cobalt Strike beacon on my laptop.'],
    ['a security product that detected something', 'Sophos', 'Sophos detected something in my downloads folder and wants me to call IT'],
    ['every file renamed at random with a note', 'Marketing drive unreadable', 'Every file on the drive has turned into random names and each folder has a RESTORE_FILES.html.'],
    ['a ransom in other words', 'drive', 'A note in each folder asks us to pay to get the files back.'],
    ['a laptop forgotten in a taxi, German word order', 'Laptop im Taxi vergessen', 'Ich habe meinen Firmenlaptop gerade im Taxi vergessen.'],
    ['mails the requester disowns, in Spanish', 'Mis contactos reciben correos raros de mí', 'Reciben correos míos con un enlace a una factura. Yo no los he enviado.'],
    ['a sign-in prompt approved at night', 'tapped Yes', 'Okta Verify asked me to confirm a login at 2am and half asleep I tapped Yes.'],
    ['an account messaging people by itself', 'my Teams is messaging people by itself', 'Colleagues get chats with a link from me.'],
    ['threats a security product found', 'Defender', "Defender keeps showing 'Threat found - action failed' on three PCs."],
    ['data sent to a customer instead of their own', 'client list sent', 'I sent the customer a file with all our clients and prices instead of their own quote.'],
    ['an authenticator number told to a caller', 'strange call', 'He said he is from IT and asked for the number in the authenticator app and I told it to him.'],
    ['a found USB stick put in a notebook', 'USB stick', 'I found a USB stick in the parking and I put it in my notebook to see whose it is.'],
    ['a remote tool installed for a caller', 'mouse', 'A man of Microsoft support called me and I installed AnyDesk for him.'],
    ['the mouse moving alone', 'mouse', 'Since five minutes the mouse on my PC moves alone and opens folders.'],
    ['the antivirus switched off after a file was opened', 'laptop acting up', "Opened the ISO that 'HR' sent, nothing opened, now the antivirus icon is grey and won't start."],
    ['a board pack sent outside, oops', 'oops', 'oops. Sent the full board pack to the external Martin, not ours. Recall?'],
    ['a mail rule forwarding outside, not made by them', 'rule?', 'Not sure I made this: Outlook has a rule forwarding everything to someone at gmail.com.'],
    ['a ransom note as a desktop background', 'weird message', "The background says 'your network has been breached, we have copied your data'."],
    ['a program from a mail that showed nothing', 'ran the PO viewer', "I opened a zip from a customer mail and ran the exe inside. Nothing opened, but now a black window flashes."],
    ['a phone nobody owns in the security info', 'unknown phone', "I scanned the QR code from the mail and now my security info lists a second phone that I don't own."],
    ['a shop page showing what is not ours, in Spanish', 'La tienda online', 'La página de inicio muestra una imagen que no es nuestra y un texto en ruso.'],
    ['the wrong file attached for a customer', 'wrong attachment', 'I attached the wrong file to my reply to a customer: the full complaint log with 3,000 names.'],
    ['a script from a customer that showed nothing', 'photos zip', "The customer sent photos as a zip, inside was photos.js and I double clicked it. Nothing opened but now the antivirus icon is gone."],
    ['credentials on a page that was not ours, in German', 'Zugangsdaten auf falscher Seite eingegeben', 'Ich habe auf einen Link in der Mail geklickt und mich dort mit Passwort angemeldet. Die Adresse war nicht unser Personio.'],
    ['a laptop bag gone from a coffee shop', 'laptop bag gone', 'I left my laptop bag on the chair at the coffee shop for 20 minutes and it was gone.'],
    ['a folder link posted in a public channel', 'posted the link', 'I pasted the link to our internal folder in the public community Slack. It is shared as anyone with the link.'],
    ['a mail none of us sent', 'crypto giveaway', 'Customers reply to a crypto giveaway mail from support@. None of us sent it.'],
    ['a laptop with case files left on a tram', 'left my laptop on the tram', 'I left my laptop bag on the number 4 tram this morning.'],
    ['files breaking one folder after the other', 'S: drive', 'While we watch, the file icons turn blank one folder after the other and they won\'t open anymore.'],
    ['a prompt approved because a text asked for it', 'approved the prompt', "I got a text 'please confirm the Microsoft prompt to finish your migration', then a prompt came and I approved it. My Outlook still works."],
    ['encryption activity an antivirus blocked', 'night audit PC', "The antivirus showed 'suspicious file encryption activity blocked' and files in the shared folder won't open."],
    ['a password typed on a fake page, in Portuguese', 'Palavra-passe numa página falsa', 'Abri a fatura, pedia para entrar com a conta Microsoft. Introduzi a palavra-passe e o código, acho que era falso.'],
    ['a reception PC worked by nobody, in Spanish', 'El PC de recepción se maneja solo', 'Se abren ventanas solas y el ratón se mueve sin que nadie lo toque.'],
  ])('reads HIGH: %s', (_, title, description) => {
    expect(readPriority(title, description)).toMatchObject({ priority: 'HIGH', kinds: expect.any(Set) });
    expect(readPriority(title, description).kinds.has('security')).toBe(true);
  });

  it.each([
    ['a leave request approved several times', 'approvals', 'I approved the leave request 5 times but it keeps coming back'],
    ['a false positive', 'defender', 'Windows Defender flagged the installer of our own tool as a false positive, can you whitelist it?'],
    ['files renamed by a migration', 'renamed files', 'All files in the shared folder were renamed after the migration, is that expected?'],
    ['a how-to about a security product', 'Sophos alerts', 'How do I turn off Sophos alerts popping up every hour?'],
    ['a receipt left in a taxi', 'taxi receipt', 'I left my receipt in the taxi, can I still claim the fare?'],
    ['a flu virus going round', 'hand sanitiser', 'Half of our team has the flu virus that is going round. Can the dispensers be refilled?'],
    ['a file sent another way', 'upload', 'I sent the file by email instead of uploading it, is that ok?'],
    ['a nightly sign-in routine', 'MFA every night', 'I have to confirm my login every night at midnight, can this be changed?'],
    ['reminders an app sends by itself', 'reminders', 'My Outlook keeps sending meeting reminders on its own'],
    ['a found USB stick handed in', 'USB stick', 'I found a USB stick in my drawer, whose is it? I put it on the reception desk'],
    ['a forwarding rule asked for', 'rule', "Can you set up a rule forwarding my mail to my colleague while I'm away?"],
    ['a stomach virus', 'team', 'Half of my team has a virus (the stomach one) and they are at home. Which is the process?'],
    ['an installer that showed nothing', 'installer', 'I clicked the installer exe from the software centre and nothing happened'],
    ['a banner a page shows by someone else', 'banner', 'The page shows a banner that is not ours, from the marketing agency?'],
    ['a charger left at a hotel', 'charger', 'I left my laptop charger at the hotel, can I get a new one?'],
    ['a public channel to join', 'channel', 'Can you add me to the public channel for announcements? anyone with the link can join'],
    ['a posting to the wrong office', 'WIP figures', 'I just noticed the WIP figure is off. Has something been posted to the wrong office?'],
    ['a billing run and an attached list', 'journal', 'I noticed hours were booked to the wrong project. Can you move them before the billing run? I have attached the list.'],
    ['a workbook with macros after a routine virus scan', 'Excel crashes', 'Excel closes every time I open the budget workbook with macros. I repaired Office and ran a virus scan, no change.'],
    ['paid lunches counted for a director', 'meal count', 'The workbook adding up free and paid lunches shows #REF! since someone deleted a tab, I noticed. The director needs it today.'],
    ['an expense claim with receipts attached', 'expense claim rejected', 'My expense claim was rejected, but the receipts are attached in the app. I would like it in this month\'s payroll.'],
    ['a sign-out and back in, asked to be looked at soon', 'trial expired', 'Creative Cloud says my trial has expired. I have signed out and back in with my studio account. I would be grateful if this could be looked at soon.'],
    ['files to send on an encrypted USB drive', 'guidance', 'Our auditors asked for the ledger extracts on an encrypted USB drive rather than by email. How do I get one?'],
    ['an app missing on a new laptop', 'BigHand missing on new laptop', 'BigHand is missing on my new laptop, can you install it?'],
    ['files in a shared folder someone asks to check', 'Team folder', 'None of the files I need are in the shared folder yet, can you check please?'],
    ['a password reset link followed', 'reset', 'I got the password reset email, clicked the link and typed my new password but it says expired.'],
  ])('does not read a security incident in %s', (_, title, description) => {
    expect(readPriority(title, description).kinds.has('security')).toBe(false);
  });
});

describe('outages told without the usual words', () => {
  it.each([
    ['a team that cannot connect, told with a long subject', 'VPN', 'Today nobody from our team in home office can connect the VPN, it says timeout. We are 25 persons. Is there a problem with the server?'],
    ['a customer API returning 502', 'web01', 'web01 disk at 100%, nginx returning 502 on the customer API.'],
    ['a hot server room without cooling, in French', 'Petit souci', 'La salle serveur est à 38 °C, la clim est arrêtée depuis ce matin.'],
    ['a shop floor without wifi, in German', 'Halle 3 kein WLAN', 'In der Halle 3 ist das WLAN komplett weg. Alle Handscanner haben keine Verbindung.'],
    ['water above the network cabinet', 'water', 'Water is dripping through the ceiling right above the network cabinet.'],
    ['a whole floor whose laptops lost the Start menu', 'no Start menu', "None of the support team's laptops show a Start menu and Teams won't launch. It's all 25 of us."],
    ['a whole depot without internet', 'depot north', 'whole depot north has no internet since the roadworks cut a cable'],
    ['a whole administration that cannot send, though receiving still works', 'mail', 'No one in the administration can send email since 9. Receiving still works.'],
    ['a team whose mail outside is rejected, asked as a question', 'mail to outside rejected', 'Every mail anyone in Sales sends outside comes back "550 rejected". That is all 23 of us. Can someone look?'],
    ['a desk where nobody can save', 'CMS', 'Nobody on the sports desk can save or publish since 16:00, every save gives an error.'],
    ['no wifi on any floor of a building', 'wifi', 'There is no wifi on any of the three floors of the library since 10.'],
    ['a crew standing around', 'cutter offline', 'Both cutters dropped off the network, night crew of six standing around.'],
    ['counters none of which can connect', 'check-in', 'Since 05:00 none of the counters in T2 can connect to the departure system.'],
    ['a site where nobody receives mail any more, in French', 'Plus de mails', 'Depuis 9h plus personne sur le site de Lyon ne reçoit de mails.'],
    ['branches all getting the same, told as a question', 'core banking a bit slow?', "It keeps timing out when we post anything. I rang three other branches and they're all getting the same."],
    ['water in the technical room, in Portuguese', 'Água na sala técnica', 'Está a entrar água pelo teto na sala técnica onde estão os bastidores da rede.'],
    ['every till of a canteen blocked, in French', 'Toutes les caisses de la cantine bloquées', 'Les caisses affichent "serveur injoignable" depuis 11h15.'],
    ['thirty home workers off the VPN while audits are planned, in French', 'VPN HS', "Depuis 8h aucun agent en télétravail n'arrive à se connecter au VPN. Nous sommes une trentaine et les contrôles prévus aujourd'hui sont bloqués."],
    ['a citizens\' portal answering 503, in German', 'Bürgerportal nicht erreichbar', 'Seit 8:30 bekommen alle beim Login nur "Fehler 503 - Dienst nicht verfügbar". Über 40 Anrufer warten.'],
    ['no mail from outside and the same everywhere, in German', 'Keine externen E-Mails', 'Seit 13 Uhr kommen keine E-Mails von außen mehr an. Im Einkauf und im Vertrieb: überall das Gleiche. Könnt ihr schauen?'],
    ['power gone on two floors, about 120 of us', 'lights out on 3 and 4', "Power went on floors 3 and 4 ten minutes ago. There's about 120 of us sitting here on battery."],
    ['none of the PCs of a front office online, named far from "can"', 'front desk', 'since ten past seven none of the PCs at reception or in the front office can get online.'],
    ['not a single mail from outside for the whole accounting team, in German', 'Keine Mails mehr', 'Seit 9:15 kommt keine einzige externe Mail mehr an. Betroffen sind die komplette Buchhaltung und der Einkauf.'],
    ['40ish pickers stood around', 'pick stopped', "the pick screens show 'database connection error'. 40ish pickers stood around, nothing going out."],
    ['nobody in an office with a single mail, asked as "is it just us?"', 'Is it just us?', 'Is it just us? Nobody in the F&I office at Leeds has had a single email in since 8.'],
    ['no power in a workshop, maintenance staff asked to come, in Portuguese', 'Sem luz na oficina toda', 'Desde as 10h não há energia na oficina, 18 mecânicos sem poder trabalhar. Alguém da manutenção pode vir já?'],
    ['a whole plant cut off, with the maintenance team named', 'no connection', 'the whole plant has no connection, only the local file server still works. Nuno from maintenance checked the router room. The trucks will leave empty.'],
    ['none of a team able to get on the VPN, told as a heads-up', 'VPN - area managers', "just a heads up, none of the area managers seem to be able to get on the VPN. I've had 9 of them ring me, they need it for the reports."],
    ['nothing at a workshop on the network', 'no network at all', 'Nothing at the Ashby Road workshop has had network since 7:15 - none of the 14 PCs in the bays.'],
    ['a sales team that cannot send mail while another team is fine', 'Sales team without email', 'none of the sales team in Reading (18 people) can send or receive email. Colleagues in delivery seem unaffected.'],
    ['a cold room out of range with its alarm gone off, in Portuguese', 'Câmara de frio a 11 °C', 'A câmara de frio 2 está a 11 °C desde as 4h, o alarme disparou. Lá dentro estão vacinas.'],
    ['bookings failing with error 500 for 14 clubs', 'App bookings', "every class booking in the members app fails with 'error 500'. I've had calls from 14 clubs so far."],
    ['a number of workers named by their job, one word apart', 'scanners', 'Since 9 the scanners keep timing out, 25 warehouse pickers waiting.'],
    ['a site where no employee gets on the wifi, in German word order', 'WLAN', 'Seit dem Gewitter kommt im Lager kein Mitarbeiter mehr ins WLAN.'],
  ])('reads HIGH: %s', (_, title, description) => {
    expect(readPriority(title, description).priority).toBe('HIGH');
  });
});

describe('security incidents told in other languages or without the usual words', () => {
  it.each([
    ['a link clicked in a text, then the password and the code typed', 'account', 'Got a text saying my account was suspended with a link. I clicked it and put in my username and password and the code it sent.'],
    ['a grades file sent to a mailing list by mistake, in French', 'Envoi par erreur du fichier des notes', "J'ai sélectionné par erreur la liste de diffusion des étudiants. Le fichier contient les noms et les notes."],
    ['a prompt approved without meaning to and a rule not created, in Spanish', 'Alguien ha entrado', 'Me llegaron avisos del Authenticator y sin querer le di a "Aprobar". Hay una regla que no he creado yo que mueve los correos.'],
    ['a folder link that became public, with ID numbers, in Portuguese', 'Link da pasta ficou público', 'Marquei "Qualquer pessoa com o link". Na pasta estão currículos com CPF.'],
    ['a link clicked and a sign-in with the password, in German word order', 'Frage zu einer Mail', 'Ich habe auf den Link in der Mail geklickt und mich mit meinem Firmenkonto und Passwort angemeldet.'],
    ['colleagues who clicked a fake tax mail and typed their password, in Spanish', 'Correo falso', 'Tres compañeros han pinchado en el enlace del correo y han metido el usuario y la contraseña.'],
    ['a crew roster with passport numbers sent to the wrong address, in Spanish', 'He enviado un Excel a quien no era', 'Me equivoqué de destinatario y se fue a una dirección de gmail. El Excel lleva números de pasaporte.'],
    ['a restore note named after the file that holds it', 'weird file names on the S drive', 'all the files now end in .krypt and theres a txt called READ_ME_TO_RESTORE in every folder'],
    ['a citizen who sees another person\'s data on the portal, in Spanish', 'Un contribuyente ve datos ajenos', 'Al entrar en la sede le salen los datos de otra persona, con DNI y domicilio.'],
    ['a password typed on a page a mail led to, then doubted', 'think I did something daft', 'I got an email from "DHL" about a parcel fee. It looked like the normal sign-in page so I put in my work email and password.'],
    ['a salary paid to an IBAN changed by someone else, in Portuguese', 'O meu salário foi para outra conta', 'Dizem que eu alterei o IBAN no portal, mas eu não mexi em nada.'],
    ['files renamed and spreading while we watch', 'weird names', 'all the files now end in .lckd and theres a txt file in every folder called READ_ME_TO_RESTORE. its moving into the other folders while we watch'],
    ['files renamed one by one with a note in every folder', 'odd file names', 'the files are getting renamed one by one to stack_0412.tif.crypt8, and every folder now has a HOW_TO_GET_FILES_BACK.txt'],
    ['a sheet with participants\' contacts open without signing in, in Portuguese', 'Folha pública', 'Um colega conseguiu abrir, sem iniciar sessão, a folha com nomes e contactos dos participantes.'],
    ['a link with a contest database sent to the press list instead of the client, in Spanish', 'He compartido un enlace', 'Mandé el enlace con la base de datos (nombres y teléfonos) a la lista de prensa en vez de al cliente.'],
    ['posts none of us posted and a password changed', 'insta acting strange', "there are 3 posts none of us posted, and the password's been changed."],
    ['a file sent to whoever autocomplete picked', 'wrong Mark', 'I sent the P&L file to "Mark" - autocomplete picked Mark at the broker instead of Mark in Risk.'],
    ['an iPad that did not come back from a trip', 'one iPad missing', 'Back at school we realised one of the class iPads is missing. We think it was left on the coach.'],
    ['a laptop left on the train, in German', 'Laptop im ICE liegen gelassen', 'Ich habe meinen Dienstlaptop im ICE in der Gepäckablage liegen lassen.'],
    ['a register with diagnoses posted in a parents\' WhatsApp group', 'register', 'A parent sent me a screenshot of the register with names, diagnoses and medication. The link was posted in the parents WhatsApp group.'],
    ['a caller who asked to read out the password', 'call from support', 'A man rang saying he was from our software support and asked me to read out my password and the code.'],
    ['a password and code typed on a page, then "sorry if this is a false alarm"', 'Strange DocuSign mail', 'I clicked the link and it asked for my Microsoft login, so I typed my password and the code. Then the page went white. Sorry if this is a false alarm.'],
    ['a salary sheet HR mailed by mistake to a whole branch, in Portuguese', 'Planilha de salários', 'Alguém do RH mandou por engano um e-mail para a lista da filial com a planilha de salários em anexo.'],
    ['a folder of internal investigations open to all staff, in French', 'Dossier accessible à tous', 'Le dossier « Discipline - Enquêtes internes » est ouvert à tout le personnel du bureau.'],
    ['mails sent in my name about new bank details, in French', 'Mails envoyés à mon nom', "Deux clients m'ont demandé de confirmer le changement de RIB. Je n'ai jamais envoyé ces mails."],
  ])('reads HIGH: %s', (_, title, description) => {
    expect(readPriority(title, description)).toMatchObject({ priority: 'HIGH' });
    expect(readPriority(title, description).kinds.has('security')).toBe(true);
  });
});
