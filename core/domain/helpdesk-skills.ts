import type { SkillDefinition } from './skill-definition.js';

/**
 * The helpdesk-first skills: IT support and the non-IT desks (HR,
 * facilities, finance, travel, legal). `words` name a skill's problems on
 * their own in English, German, French, Spanish and Portuguese; `hints` are
 * context that counts only together. Ordinary words that mislead (a budget
 * "outlook", a "print shop", a farewell "bash", shelf "rails") are left out
 * or kept to hints on purpose.
 */
export const HELPDESK_SKILLS: readonly SkillDefinition[] = [
  {
    id: 'networking', group: 'network', kind: 'helpdesk', area: 'network',
    description: 'Office network, Wi-Fi, internet access, DNS, switches and network drives',
    aliases: ['network', 'wifi', 'wi-fi', 'lan', 'dns', 'dhcp'],
    words: [
      'wifi', 'wi fi', 'wlan', 'ssid', 'no internet', 'packet loss', 'access point', 'ethernet', 'network cable', 'lan cable', 'dns', 'dhcp',
      'ip address', 'by ip', 'switch port', 'network switch', 'router', 'network outage', 'network drive', 'mapped drive', 'shared drive',
      'internet', 'network', 'choppy', 'jitter', 'frozen video', 'call quality', 'kein internet', 'netzwerk*', 'laufwerk*', 'kein netz', 'ohne netz', 'ohne internet', 'sans reseau', 'sans internet', 'sem rede', 'reseau', 'pas d internet', 'lecteur reseau', 'red wifi',
      'sin internet', 'sin conexion', 'la red', 'unidad de red', 'sem internet', 'rede', 'unidade de rede', 'conexao', 'conexion', 'latency', 'latenz', 'wired', 'wireless', 'get online', 'go online', 'wifi password', 'guest wifi', 'guest network', 'link light', 'network port', 'file server', 'fileserver', 'file share', 'dateiserver', 'serveur de fichiers', 'servidor de archivos', 'servidor de arquivos', 'h drive', 's drive', 'p drive', 'g drive', 'k drive', 'u drive', 'x drive', 'z drive', 'm drive', 'n drive', 'i drive', 'j drive', 't drive', 'don t resolve', 'doesn t resolve', 'not resolving', 'speedtest', 'mbps', 'wlan passwort', 'mot de passe wifi', 'contrasena del wifi', 'senha do wifi', 'bad gateway', 'gateway timeout', 'ping', 'traceroute', 'ip conflict', 'vlan', 'patch cable', 'eduroam', 'hotspot', 'tethering', 'download speed', 'upload speed', 'slow internet', 'softphone', 'voip', 'desk phone', 'firewall rule', 'website blocked', 'site blocked', 'blocked website', 'web filter', 'meraki', 'modem', 'network printer', 'firewall', 'blocked by company policy', 'blocked by policy', 'hotline', 'dial tone', 'busy tone', 'phone line', 'phone lines', 'phone system', 'telephone system', 'telephony', 'telefonie', 'telefonanlage', 'standard telephonique', 'telephonie', 'centralita', 'central telefonica', 'telefonia', 'pbx', 'rete', 'rede interna'
    ],
    hints: ['offline', 'connection', 'connect', 'connectivity', 'lag', 'slow connection', 'bandwidth', 'firewall', 'proxy', 'drops', 'unstable', 'peak hours', 'saas', 'verbindung', 'conecta', 'connexion', 'signal', 'node', 'rack', 'comms room', 'port', 'internal site', 'intranet', 'website', 'web site', 'resolve', 'internal sites', 'online', 'slow', 'loading', 'load', '502', '503', '504', 'pages', 'ip', 'cable', 'url', 'https', 'ssl', 'certificate error', 'calls', 'wan', 'freigabe', 'partage', 'compartida', 'compartilhada'],
  },
  {
    id: 'vpn', group: 'network', kind: 'helpdesk', area: 'network',
    description: 'Remote access: VPN clients, tunnels and gateways',
    aliases: ['openvpn', 'wireguard', 'anyconnect', 'globalprotect', 'forticlient'],
    words: ['vpn', 'openvpn', 'wireguard', 'anyconnect', 'globalprotect', 'forticlient', 'secure gateway', 'remote access', 'tunnel', 'fernzugriff', 'acces a distance', 'acceso remoto', 'acesso remoto', 'pulse secure', 'zscaler', 'cisco secure client', 'ivanti', 'remote desktop', 'rdp', 'citrix', 'vdi', 'virtual desktop', 'jump host', 'split tunnel', 'vpn client', 'vpn profile', 'connect to work', 'connect from home', 'access from home', 'work from home connection'],
    hints: ['from home', 'home office', 'remote', 'zuhause', 'teletravail', 'desde casa', 'de casa', 'working from home', 'wfh', 'homeoffice', 'internal', 'certificate', 'workspace'],
  },
  {
    id: 'email', group: 'mail', kind: 'helpdesk', area: 'email',
    description: 'Mail and calendars: mailboxes, Outlook, delivery, shared mailboxes, signatures',
    aliases: ['e-mail', 'mail', 'outlook', 'exchange', 'gmail'],
    words: [
      'email', 'emails', 'e mail', 'e mails', 'mailbox', 'mailboxes', 'shared mailbox', 'inbox', 'outbox', 'junk', 'spam folder', 'distribution list', 'out of office',
      'thunderbird', 'gmail', 'outlook', 'email signature', 'attachment', 'attachments', 'calendar', 'meeting invite', 'deleted items',
      'postfach', 'posteingang', 'anhang', 'kalender', 'courriel', 'courriels', 'boite mail', 'boite de reception', 'piece jointe', 'calendrier', 'correo', 'correos',
      'bandeja de entrada', 'bandeja de salida', 'adjunto', 'calendario', 'caixa de entrada', 'caixa de saida', 'anexo', 'bounce', 'bounces', 'bounced', 'bounce back', 'undeliverable', 'ndr', 'automatic replies', 'automatic reply', 'auto reply', 'autoreply', 'webmail', 'owa', 'newsletter', 'newsletters', 'mailing list', 'spam', 'abwesenheitsnotiz', 'unzustellbar', 'reponse automatique', 'respuesta automatica', 'resposta automatica', 'meeting invites', 'invites', 'inbox rules', 'mail rules', 'mailflow', 'smtp', 'imap', 'pop3', 'exchange online', 'delegate access', 'send as', 'send on behalf', 'pst', 'ost', 'address book', 'global address list', 'shared calendar', 'room calendar', 'calendar invite', 'mails', 'mail', 'e mail adresse', 'adresse mail', 'direccion de correo', 'endereco de email', 'messagerie', 'correo electronico', 'can t send emails', 'cannot send emails', 'not receiving emails', 'no emails', 'exchange server', 'exchange online', 'ms exchange', 'microsoft exchange', 'exchange is down', 'exchange down'
    ],
    hints: ['mail', 'mails', 'send', 'sent', 'receive', 'signature', 'folder', 'envia', 'envian', 'enviando', 'senden', 'envoyer', 'enviar', 'invite', 'recipient', 'recipients', 'sender', 'reply', 'replies', 'forward', 'rules', 'folders', 'contacts', 'archive', 'alias', 'delegate'],
  },
  {
    id: 'accounts', group: 'mail', kind: 'helpdesk', area: 'access',
    description: 'Sign-in, passwords, MFA, locked or disabled accounts and access rights',
    aliases: ['account', 'login', 'password', 'sso', 'mfa', '2fa', 'active-directory', 'okta', 'access'],
    words: ['surname', 'display name', 'name change', 'changed my name', 'nachname', 'nom de famille', 'apellido', 'sobrenome', 
      'password', 'passwords', 'passcode', 'locked out', 'account locked', 'account disabled', 'account is disabled', 'reset my password', 'password reset', 'forgot my password',
      'mfa', '2fa', 'two factor', 'multi factor', 'authenticator', 'sms codes', 'login codes', 'okta', 'sso', 'single sign on', 'active directory', 'log in', 'login', 'sign in',
      'access to', 'access denied', 'not authorised', 'not authorized', 'permission', 'permissions', 'user permissions', 'admin rights', 'username', 'new account', 'pin',
      'passwort', 'kennwort', 'gesperrt', 'zugriff verweigert', 'berechtigung*', 'konto', 'konten', 'anmeld*', 'mot de passe', 'compte', 'verrouille',
      'identifiant', 'contrasena', 'cuenta', 'bloqueada', 'bloqueado', 'permisos', 'senha', 'conta', 'permissoes', 'windows hello', 'yubikey', 'security key', 'okta verify', 'duo push', 'verification code', 'one time code', 'otp', 'passkey', 'local admin', 'sap role', 'access request', 'unlock my account', 'usuario y contrasena', 'reset password', 'password expired', 'passwort abgelaufen', 'entra', 'azure ad', 'ad account', 'domain account', 'group membership', 'security group', 'ad group', 'saml', 'lockout', 'self service password reset', 'sspr', 'password manager', 'lastpass', '1password', 'bitwarden', 'keepass', 'sign in loop', 'login loop', 'credentials', 'zugangsdaten', 'identifiants', 'credenciales', 'credenciais', 'entsperren', 'debloquer', 'desbloquear', 'need access', 'get access', 'give me access', 'request access', 'grant access', 'access for', 'zugang zu', 'zugang zum', 'zugriff auf', 'brauche zugang', 'brauche zugriff', 'acces au', 'acces a', 'acceder au', 'acceder a', 'besoin d acceder', 'acceso a', 'acceso al', 'acesso a', 'acesso ao', 'preciso de acesso', 'necesito acceso', 'wachtwoord', 'inloggen', 'aanmelden', 'set up an account', 'set up her account', 'set up his account', 'set up their account', 'create an account', 'konto einrichten', 'konto anlegen', 'konto vorbereiten', 'creer un compte', 'crear una cuenta', 'criar uma conta', 'criar conta', 'account got disabled', 'account was disabled', 'account has been disabled', 'account deactivated', 'konto deaktiviert', 'compte desactive', 'cuenta desactivada', 'conta desativada', 'pw reset', 'pwd reset', 'pw expired', 'reset my pw'
    ],
    hints: ['connecter', 'locked', 'expired', 'access', 'account', 'accounts', 'credentials', 'sign', 'approve', 'approved', 'authorised', 'authorized', 'name is misspelled', 'misspelled', 'jira', 'sap', 'records system', 'folder', 'carpeta', 'pasta', 'ordner', 'dossier', 'aprovou', 'aprobado', 'role', 'roles', 'unlock', 'reset', 'resetar', 'approvals', 'create an account', 'intern', 'same access', 'code', 'codes', 'sign out', 'signs me out', 'logged out', 'log out', 'rechte', 'usuario', 'bloque', 'zugriff', 'zugang', 'acces', 'acceso', 'acesso'],
  },
  {
    id: 'hardware', group: 'devices', kind: 'helpdesk', area: 'hardware',
    description: 'Laptops, desktops, monitors, docks, keyboards, headsets and other equipment',
    aliases: ['laptop', 'desktop', 'monitor', 'keyboard', 'mouse', 'device'],
    words: [
      'laptop', 'notebook', 'macbook', 'desktop pc', 'docking station', 'dock', 'charger', 'headset', 'headphones', 'webcam', 'keyboard', 'mouse', 'trackpad', 'touchpad',
      'monitor', 'second monitor', 'external monitor', 'second screen', 'projector', 'battery', 'overheating', 'fan noise', 'usb c', 'hdmi', 'kvm',
      'speakers', 'microphone', 'no sound', 'pas de son', 'sin sonido', 'sem som', 'kein ton', 'hard drive', 'ssd', 'tastatur', 'maus', 'bildschirm*', 'rechner', 'akku', 'ladegerat', 'ecran', 'clavier', 'souris', 'casque',
      'ordinateur', 'portable', 'teclado', 'raton', 'pantalla', 'portatil', 'bateria', 'auriculares', 'cargador', 'notebook', 'tela', 'mouse', 'fone', 'carregador', 'teclas', 'dell', 'lenovo', 'thinkpad', 'elitebook', 'surface pro', 'jabra', 'plantronics', 'logitech', 'hinge', 'won t turn on', 'doesn t turn on', 'won t power on', 'power button', 'drawing tablet', 'wacom', 'laptop bag', 'backpack', 'nao liga', 'no enciende', 'ne s allume pas', 'startet nicht', 'docking', 'usb hub', 'adapter', 'dongle', 'power supply', 'psu', 'ram', 'memory upgrade', 'hard disk', 'clicking noise', 'won t boot', 'doesn t boot', 'no power', 'dead pixels', 'camera', 'mic', 'earbuds', 'airpods', 'bluetooth', 'thunderbolt', 'displayport', 'vga', 'external display', 'display port', 'monitor arm', 'laptop refresh', 'new laptop', 'computer', 'pc', 'desktop', 'gets hot', 'very hot', 'overheat*', 'computador', 'ordenador', 'fone de ouvido', 'tela azul', 'pantallazo azul', 'ecran bleu', 'bluescreen', 'bildschirm', 'fahrt nicht hoch', 'kopfhorer', 'mikrofon', 'lautsprecher', 'beamer', 'batterie', 'chargeur', 'micro', 'computadora', 'camara', 'microfono', 'microfone', 'altavoz', 'haut parleur', 'caixa de som', 'no prende', 'ne demarre pas', 'nao inicia', 'zoom room', 'teams room', 'room display', 'meeting room display', 'conference room screen', 'meeting room screen', 'card reader', 'card readers', 'payment terminal', 'payment terminals', 'card terminal', 'pos terminal', 'datafono', 'datafonos', 'terminal de pagamento', 'maquininha', 'kartenlesegerat', 'kartenterminal', 'terminal de paiement', 'screen cracked', 'screen is cracked', 'broken screen', 'kbd'
    ],
    hints: ['blue screen', 'bsod', 'son', 'screen', 'display', 'flicker*', 'cable', 'kabel', 'usb', 'keys', 'device', 'hardware', 'sticking', 'spilled', 'derramei', 'broken', 'crash', 'absturz', 'hardware update', 'equipment', 'no signal', 'dead', 'charging', 'black screen', 'restarts randomly', 'pen', 'spill', 'glass', 'noise', 'beeping', 'pixels', 'plug', 'hot', 'fan', 'power', 'boot', 'kaputt', 'langsam', 'lent', 'lento'],
  },
  {
    id: 'printers', group: 'devices', kind: 'helpdesk', area: 'printing',
    description: 'Printers, scanners, copiers, toner and print queues',
    aliases: ['printer', 'printing', 'print'],
    words: [
      'printer', 'printers', 'toner', 'paper jam', 'print queue', 'print job', 'print jobs', 'cartridge', 'copier', 'scanner', 'plotter', 'printer driver', 'print dialog',
      'drucker', '*drucker', 'druckauftrag', 'scanner', 'imprimante', 'imprimantes', 'photocopieur', 'impresora', 'impresoras', 'escaneo', 'escanea', 'fotocopiadora',
      'impressora', 'impressoras', 'digitalizar', 'kyocera', 'ricoh', 'canon printer', 'hp printer', 'paper tray', 'tray 1', 'tray 2', 'tray 3', 'paper stuck', 'jammed', 'jam', 'print release', 'follow me printing', 'papierstau', 'bourrage', 'atasca', 'atascada', 'atasco', 'papel atolado', 'fila de impressao', 'hors ligne', 'double sided', 'duplex', 'staple', 'stapler', 'colour printing', 'color printing', 'printout', 'printouts', 'print out', 'streaks', 'smudges', 'faded print', 'ink', 'drum', 'fuser', 'spooler', 'print spooler', 'xerox', 'lexmark', 'brother printer', 'konica', 'epson', 'mfp', 'multifunction', 'label printer', 'zebra', 'dymo', 'impressao', 'impresion', 'druck', 'recto verso', 'druckt nicht', 'n imprime pas', 'no imprime', 'nao imprime', 'can t print', 'cannot print', 'unable to print', 'won t print', 'doesn t print', 'not printing', 'kann nicht drucken', 'impossible d imprimer', 'no puedo imprimir', 'nao consigo imprimir', 'drucken', 'imprimer', 'stampante', 'stampanti', 'stampare', 'stampa', 'scan to email', 'scan to my email', 'scan to folder', 'scan to mail', 'can t print', 'cant print', 'cannot print', 'unable to print', 'won t print', 'wont print', 'doesn t print', 'not printing', 'kann nicht drucken', 'druckt nicht', 'n imprime pas', 'no imprime', 'nao imprime'
    ],
    hints: ['print', 'prints', 'printing', 'drucken', 'druckt', 'imprimer', 'imprime', 'imprimir', 'jobs', 'scan', 'scans', 'pages', 'tray', 'nothing comes out', 'lever', 'labels', 'queue', 'fila', 'a3', 'a4', 'lines', 'prints twice', 'twice', 'badge printing', 'badge', 'warteschlange', 'file d attente', 'cola de impresion'],
  },
  {
    id: 'mobile-devices', group: 'devices', kind: 'helpdesk', area: 'hardware',
    description: 'Company phones and tablets, mobile apps and device management',
    aliases: ['phone', 'smartphone', 'tablet', 'mdm', 'intune'],
    words: [
      'work phone', 'company phone', 'mobile phone', 'smartphone', 'iphone', 'android', 'ipad', 'tablet', 'mdm', 'intune', 'sim card', 'sim', 'cracked screen',
      'handy', 'diensthandy', 'firmenhandy', 'telephone portable', 'telephone', 'portable pro', 'movil', 'celular', 'telefono', 'tableta', 'telemovel', 'telefone', 'company portal', 'enroll', 'enrol', 'enrollment', 'enrolment', 'samsung', 'galaxy', 'pixel', 'esim', 'work mobile', 'cell phone', 'app store', 'play store', 'ios update', 'sim pin', 'puk', 'roaming', 'data plan', 'mobile data', 'whatsapp', 'phone number', 'company mobile', 'telefono del trabajo', 'telefone da empresa', 'celular da empresa', 'telephone professionnel', 'telephone pro', 'telefon', 'mobiltelefon', 'phone wont sync', 'phone won t sync', 'phone not syncing', 'phone won t', 'phone wont', 'phone doesn t', 'phone keeps', 'phone battery', 'phone screen'
    ],
    hints: ['phone', 'mobile', 'app', 'sms', 'device registration', 'phone plan', 'my phone', 'charging', 'texts'],
  },
  {
    id: 'security', group: 'security', kind: 'helpdesk', area: 'security',
    description: 'Security incidents: phishing, malware, stolen devices, data exposure, suspicious access',
    aliases: ['infosec', 'phishing', 'malware', 'virus'],
    words: [
      'phishing', 'phished', 'malware', 'ransomware', 'virus', 'trojan', 'hacked', 'breach', 'breaches', 'data breach', 'compromised', 'spoofed', 'spoofing', 'suspicious email',
      'suspicious link', 'suspicious', 'clicked a link', 'clicked on a link', 'security alert', 'sign in alerts', 'unauthorized access', 'unauthorised access', 'antivirus',
      'encryption', 'encrypted', 'vulnerability', 'stolen', 'pretending to be', 'social engineering', 'expose', 'exposed', 'leak', 'leaked', 'security',
      'sicherheit*', 'verschlussel*', 'gehackt', 'gestohlen', 'verdachtig*', 'securite', 'piratage', 'pirate', 'vole', 'hameconnage', 'seguridad', 'robaron', 'robado',
      'sospechoso', 'hackeado', 'seguranca', 'roubado', 'roubaram', 'cliquei', 'hackeada', 'invadida', 'ransom', 'bitcoin', 'quarantined', 'quarantine', 'defender', 'gift cards', 'gift card', 'ceo fraud', 'impersonat*', 'bank details changed', 'new iban', 'wrong person', 'wrong recipient', 'sent by mistake', 'sign in from', 'login from', 'never sent', 'didn t send', 'found a usb', 'usb stick', 'taken from my car', 'broke into', 'break in', 'mfa fatigue', 'scam', 'fraud', 'fraudulent', 'suspicious activity', 'unusual activity', 'unusual sign in', 'keylogger', 'spyware', 'adware', 'cryptolocker', 'lost laptop', 'lost my laptop', 'lost my phone', 'lost phone', 'theft', 'tailgating', 'cve', 'zero day', 'betrug', 'arnaque', 'estafa', 'golpe', 'fraude', 'suplantacion', 'perdu mon telephone', 'perdi mi movil', 'perdi meu celular', 'handy verloren', 'laptop verloren', 'security awareness', 'malicious', 'intrusion', 'ddos', 'security patch', 'penetration test', 'pentest', 'security audit', 'suspicious login', 'threat', 'exfiltration', 'unusual traffic', 'unusual network activity', 'suspicious traffic', 'unknown usb', 'burglary', 'einbruch', 'cambriolage', 'robo', 'robar', 'suspect', 'suspecte', 'suspeito', 'suspeita', 'sospechosa', 'phishy', 'phish', 'fake email', 'fake mail', 'fake sms', 'fake text', 'smishing', 'vishing', 'report button', 'report phishing', 'reported it as phishing', 'unless i click', 'didn t click', 'did not click', 'nothing clicked', 'cobalt strike', 'edr', 'backdoor', 'rootkit', 'mfa prompts', 'mfa push', 'approve sign in', 'gefalschte mail', 'faux mail', 'faux courriel', 'correo falso', 'email falso', 'sms falso', 'nicht geklickt', 'pas clique', 'no hice clic', 'nao cliquei', 'did not open it', 'didn t open it', 'reported it', 'reported and deleted', 'nicht geoffnet', 'pas ouvert', 'no lo abri', 'nao abri', 'anydesk', 'teamviewer', 'quick assist', 'forwarding rule', 'rule forwarding'
    ],
    hints: ['suspeito', 'alert', 'audit', 'firewall', 'integrity', 'sensitive data', 'pretending', 'attack', 'scan', 'strange', 'estranho', 'extrano', 'lost', 'smashed', 'odd', 'looks odd', 'never been there', 'sender address', 'client files', 'police', 'popups', 'pop ups', 'alerts', 'patch'],
  },
  {
    id: 'software-install', group: 'apps', kind: 'helpdesk', area: 'software',
    description: 'Installing and licensing applications, activation, updates and business apps',
    aliases: ['install', 'installation', 'licensing', 'license', 'software'],
    words: [
      'install', 'installed', 'installation', 'uninstall', 'license', 'licence', 'license key', 'activation', 'activation failed', 'software center', 'software request',
      'dark mode', 'dark theme', 'modo oscuro', 'dunkelmodus', 'dunkler modus', 'mode sombre', 'theme sombre', 'modo escuro', 'tema escuro',
      'sap gui', 'zoom', 'tableau', 'notepad++', 'adobe', 'acrobat', 'office 365', 'microsoft 365', 'smartsheet', 'visio', 'onedrive', 'sharepoint', 'driver', 'time tracking tool',
      'installier*', 'lizenz', 'logiciel', 'licence', 'instalar', 'instalacion', 'licencia', 'instalacao', 'licenca', 'confluence', 'jira', 'servicenow', 'salesforce', 'power bi', 'jupyter', 'browser extension', 'plugin', 'add in', 'microsoft teams', 'ms teams', 'teams app', 'white window', 'white screen', 'ecran blanc', 'pantalla en blanco', 'tela branca', 'weisser bildschirm', 'power bi desktop', 'tableau desktop', 'chrome extension', 'figma', 'miro', 'slack', 'webex', 'autocad', 'solidworks', 'matlab', 'onenote', 'dropbox', 'google drive', 'error code', 'update failed', 'installer', 'setup exe', 'java runtime', 'clear cache', 'office apps', 'word crashes', 'powerpoint crashes', 'software update', 'new version', 'aplicacion', 'anwendung', 'programm', 'email marketing', 'marketing tool', 'marketing automation', 'hubspot', 'mailchimp', 'crm integration', 'mail merge', 'serienbrief', 'publipostage', 'combinar correspondencia', 'mala direta', 'payroll system', 'payroll application', 'payroll app', 'hr system', 'erp system', 'logiciel de paie', 'software de nomina', 'lohnsoftware', 'teams status', 'teams chat', 'teams channel', 'teams notifications', 'erp', 'sap', 'sales system', 'sistema de vendas', 'sistema de ventas', 'booking system', 'business app', 'internal app', 'internal system', 'sistema interno', 'instal*', 'teams background', 'blur my background', 'background blur', 'virtual background', 'teams meeting', 'teams chat', 'teams channel', 'sistema de caja', 'kassensystem', 'till system', 'pos system', 'sistema de caixa', 'systeme de caisse', 'teams not loading', 'teams not working', 'teams won t start', 'teams wont start', 'teams crashes', 'teams crashing', 'teams freezes', 'teams freezing', 'teams keeps'
    ],
    hints: ['aplicativo', 'programa', 'software', 'teams', 'app', 'application', 'tool', 'update', 'upgrade', 'version', 'crash', 'crashes', 'closes', 'won t start', 'doesn t start', 'system requirements', 'word', 'powerpoint', 'browser', 'chrome', 'reinstall', 'reinstalled', 'reinstalle', 'reinstalado', 'reinstalei', 'neu installiert', 'se ferme', 'ne demarre plus', 'ne s ouvre pas', 'se cierra', 'no abre', 'no arranca', 'fecha sozinho', 'nao abre', 'trava', 'sturzt ab', 'startet nicht', 'firefox', 'edge', 'blocked by', 'spinner', 'trial', 'not responding', 'license', 'extension', 'error message', 'cache', 'cookies', 'outdated', 'apps', 'opens', 'freezes', 'slow to open', 'mise a jour', 'actualizacion', 'atualizacao', 'integration', 'integrations', 'sync', 'syncing', 'synchroniz*', 'platform', 'plugins', 'system', 'systems', 'sistema', 'sistemas', 'systeme', 'programm', 'videollamada', 'videollamadas', 'videochamada', 'videochamadas', 'videocall'],
  },
  {
    id: 'windows', group: 'apps', kind: 'helpdesk', area: 'software',
    description: 'Windows PCs: updates, start-up, profiles and settings',
    aliases: ['win10', 'win11', 'windows-10', 'windows-11'],
    words: ['windows', 'windows update', 'windows 10', 'windows 11', 'lock screen', 'sperrbildschirm', 'ecran de verrouillage', 'pantalla de bloqueo', 'tela de bloqueio', 'desktop background', 'fundo de tela', 'hintergrundbild', 'fond d ecran', 'fondo de pantalla', 'fondo de escritorio', 'blue screen', 'blue screened', 'bluescreen', 'bsod', 'stop code', 'critical process died', 'inaccessible boot device', 'irql not less or equal', 'tela azul', 'pantalla azul', 'ecran bleu', 'teclado en espanol', 'distribucion del teclado', 'idioma del teclado', 'tastaturlayout', 'disposition du clavier', 'layout do teclado', 'win10', 'win11', 'automatic repair', 'restart loop', 'reboot loop', 'boot loop', 'stuck on restarting', 'working on updates', 'windows hello', 'systemabsturz', 'system crash', 'start menu', 'taskbar', 'file explorer', 'group policy', 'gpo', 'windows login', 'ctrl alt del', 'bitlocker', 'keyboard layout', 'display settings', 'time zone', 'system clock', 'temp profile', 'temporary profile', 'windows profile', 'windows defender', 'wallpaper', 'fond d ecran', 'hintergrundbild', 'fondo de pantalla', 'papel de parede', 'desktop background'],
    hints: ['restarting', 'restarts', 'boot', 'update', 'updates', 'mise a jour', 'actualizacion', 'atualizacao', 'neu zu starten', 'absturz', 'profile', 'clock', 'settings', 'reboots', 'pc'],
  },
  {
    id: 'osx', group: 'apps', kind: 'helpdesk', area: 'software',
    description: 'Macs: macOS updates, settings and apps',
    aliases: ['macos', 'mac', 'mac-os', 'os-x'],
    words: ['mac', 'macos', 'macbook', 'os x', 'imac', 'finder', 'time machine', 'apple id', 'keychain', 'jamf', 'self service', 'sonoma', 'ventura', 'monterey', 'sequoia', 'big sur', 'apple logo', 'screen recording', 'airdrop', 'spotlight', 'safari', 'icloud', 'filevault', 'mac mini', 'macbook air', 'macbook pro', 'mac os'],
    hints: ['apple', 'mac'],
  },
  {
    id: 'linux', group: 'apps', kind: 'helpdesk', area: 'software',
    description: 'Linux machines and servers: Ubuntu, Debian, Red Hat, VMs',
    aliases: ['ubuntu', 'debian', 'centos', 'rhel', 'red-hat'],
    words: ['linux', 'ubuntu', 'debian', 'centos', 'rhel', 'red hat', 'fedora', 'kerberos', 'ssh', 'sudo', 'apt', 'systemd', 'ssh key', 'build server', 'dev vm', 'packages', 'kernel', 'grub', 'cron', 'nfs', 'mount', 'rpm', 'yum', 'dnf', 'wsl', 'linux laptop'],
    hints: ['vm', 'virtual machine', 'server', 'clock drift', 'package', 'terminal', 'kernel update'],
  },
  {
    id: 'database', group: 'data', kind: 'helpdesk', area: 'data',
    description: 'Business databases and data platforms: access, backups, performance, reports',
    aliases: ['db', 'databases'],
    words: ['database', 'databases', 'db', 'sql', 'redis', 'oracle', 'postgres', 'mysql', 'backup job', 'nightly backup', 'data warehouse', 'erp database', 'query', 'datenbank', 'base de donnees', 'base de datos', 'banco de dados', 'prod db', 'reporting db', 'too many connections', 'connection pool', 'deadlock', 'stored procedure', 'login failed for user', 'indexes', 'sql server', 'base de dados', 'sap hana', 'hana', 'etl', 'replication', 'tablespace', 'db server', 'database server', 'ssms', 'schema', 'ms access', 'access database', 'filemaker', 'restore from backup', 'database backup', 'inventory table'],
    hints: ['backup', 'cache', 'server', 'data source', 'datasource', 'migration', 'disk space', 'erp', 'reports', 'connection fault', 'queries', 'table', 'tables', 'crm', 'timeout', 'times out', 'statistics', 'restore', 'deleted rows', 'records', 'rows'],
  },
  {
    id: 'excel', group: 'apps', kind: 'helpdesk', area: 'data',
    description: 'Excel and spreadsheets: formulas, pivot tables, Power Query, macros',
    aliases: ['spreadsheet', 'xlsx'],
    words: ['excel', 'spreadsheet', 'spreadsheets', 'xlsx', 'pivot', 'pivot table', 'power query', 'formula', 'formulas', 'vlookup', 'xlookup', 'macro', 'macros', 'workbook', 'tabelle*', 'tableur', 'hoja de calculo', 'planilha', 'tabela dinamica', 'tabla dinamica', 'google sheets', 'column a', 'xls', 'sumif', 'conditional formatting', 'chart', 'charts', 'conditional', 'cells', '#ref', '#value', '#spill', '#name', '#n a', 'sumifs', 'countif', 'index match', 'power pivot', 'data validation', 'libreoffice calc', 'feuille de calcul'],
    hints: ['cells', 'cell', 'sheet', 'rows', 'columns', 'locked for editing', 'column', 'filter', 'export', 'budget file', 'graph', 'dropdown', 'sheets', 'csv'],
  },
  {
    id: 'hr', group: 'hr', kind: 'helpdesk', area: 'hr',
    description: 'People topics: leave, payroll questions, contracts, onboarding, training, certificates',
    aliases: ['human-resources', 'people', 'personnel'],
    words: [
      'hr', 'human resources', 'sick leave', 'sick note', 'parental leave', 'maternity', 'paternity', 'holiday request', 'holiday requests', 'annual leave', 'vacation', 'leave request',
      'payslip', 'payroll', 'salary', 'employment certificate', 'reference letter', 'onboarding', 'offboarding', 'leadership class',
      'promoted', 'pension', 'benefits', 'time tracking', 'timesheet', 'overtime', 'personalabteilung', 'urlaub*', 'krank*', 'gehalt*', 'lohn*', 'vertrag',
      'arbeitszeugnis', 'onboarding', 'conges', 'conge', 'arret maladie', 'fiche de paie', 'salaire', 'contrat', 'rh', 'recursos humanos', 'vacaciones',
      'nomina', 'salario', 'contrato', 'rrhh', 'ferias', 'holerite', 'contracheque', 'salario', 'licenca medica', 'vale refeicao', 'workday', 'time off', 'day off', 'days off', 'pto', 'sick', 'sick day', 'doctor s note', 'doctors note', 'medical certificate', 'bonus', 'working hours', 'contract hours', 'personio', 'bamboohr', 'last day', 'resignation', 'notice period', '*vertrag', 'arbeitsvertrag', 'krankmeldung', 'urlaubstag', 'arret de travail', 'certificat medical', 'jours de conge', 'poser des conges', 'baja medica', 'justificante', 'dias libres', 'atestado', 'atestado medico', 'marcar ferias', 'relocation', 'work permit', 'probation', 'appraisal', 'performance review', 'review cycle', 'learning platform', 'lms', 'employment contract', 'tax code', 'p60', 'w2', 'wage', 'commission', 'referral bonus', 'headcount', 'hiring', 'recruiting', 'job posting', 'interview', 'candidate', 'org chart', 'manager change', 'part time', 'working time', 'flexitime', 'sabbatical', 'unpaid leave', 'bereavement', 'compassionate leave', 'harassment', 'grievance', 'wellbeing', 'employee assistance', 'salary paid', 'fixed term', 'elternzeit', 'mutterschutz', 'probezeit', 'kundigung', 'arbeitszeit', 'uberstunden', 'abwesenheit', 'conge maternite', 'conge parental', 'periode d essai', 'mutuelle', 'licencia de maternidad', 'periodo de prueba', 'horas extra', 'licenca maternidade', 'horas extras', 'banco de horas', 'plano de saude', 'gehaltsabrechnung', 'lohnabrechnung', 'bulletin de salaire', 'recibo de nomina', 'bank holiday', 'public holiday', 'feiertag', 'jour ferie', 'festivo', 'feriado', 'certificado de empresa', 'certificado laboral', 'certificado de trabajo', 'arbeitsbescheinigung', 'attestation employeur', 'attestation de travail', 'declaracao de vinculo', 'employment letter', 'proof of employment', 'employment verification', 'cuenta bancaria', 'bank account', 'compte bancaire', 'conta bancaria', 'bankverbindung', 'bankkonto', 'clock in', 'clocking in', 'clock out', 'clocking', 'time clock', 'clocking system', 'ponto eletronico', 'sistema de ponto', 'registro de ponto', 'bater ponto', 'registrar a entrada', 'registrar o ponto', 'fichar', 'fichaje', 'stempeluhr', 'zeiterfassung', 'stempeln', 'pointage', 'badgeuse', 'timbratura', 'buste paga', 'ferie', 'employment letter', 'confirming my employment', 'proof of employment', 'employment confirmation', 'employment verification', 'arbeitgeberbescheinigung', 'attestation employeur', 'attestation de travail', 'certificado de empresa', 'constancia laboral', 'declaracao de vinculo', 'vinculo empregaticio', 'holiday balance', 'leave balance', 'vacation balance', 'holiday allowance', 'holiday left', 'days of holiday', 'urlaubsanspruch', 'resturlaub', 'solde de conges', 'saldo de vacaciones', 'saldo de ferias', 'employee portal', 'hr portal', 'portal del empleado', 'mitarbeiterportal', 'portail rh', 'portail employe', 'portal do colaborador', 'portal do funcionario',
      'employee number', 'personnel number', 'personalnummer', 'matricule', 'numero de empleado', 'numero de funcionario', 'volunteering', 'volunteering days', 'volunteer days', 'holidays', 'days of holidays', 'vacation days', 'leave days', 'extra leave', 'buy leave', 'carry over', 'carry forward', 'permit renewal', 'residence permit', 'contract end', 'end of my contract', 'gym', 'gym membership', 'employee discount', 'staff discount', 'company discount', 'perks', 'fitness', 'fitnessstudio', 'salle de sport', 'gimnasio', 'academia'
    ],
    hints: ['promotion', 'contract', 'training', 'course', 'baja', 'manager', 'team change', 'visa', 'doctor', 'hours', 'approve', 'employee', 'employees', 'new team members', 'teammitglieder', 'festivos', 'holiday', 'leave', 'tax', 'benefit', 'reference', 'goals', 'objectives', 'extension', 'ends next month', 'new starter', 'new starters', 'new hire', 'new joiner', 'mitarbeiter', 'formation', 'formacion', 'treinamento', 'ponto'],
  },
  {
    id: 'facilities', group: 'facilities', kind: 'helpdesk', area: 'facilities',
    description: 'Buildings and offices: rooms, desks, badges, parking, heating, lifts, repairs, cleaning',
    aliases: ['facility', 'office-management', 'building'],
    words: [
      'facilities', 'office chair', 'chair', 'desk booking', 'room booking', 'double booked', 'badge', 'access badge', 'access card', 'key card',
      'parking', 'parking space', 'garage', 'lift', 'elevator', 'air conditioning', 'heating', 'radiator', 'leaking', 'dripping', 'toilet', 'cleaning',
      'door', 'swing door', 'window blind', 'lights', 'light bulb', 'shelving', 'shelf', 'shelves', 'rooftop', 'terrace', 'business cards', 'print shop', 'furniture',
      'aufzug', 'fahrstuhl', 'heizung', 'klimaanlage', 'parkplatz', 'besprechungsraum', 'schreibtisch', 'stuhl', 'ausweis', 'tur', 'ascenseur', 'chauffage', 'climatisation',
      'salle de reunion', 'parking', 'badge', 'chaise', 'porte', 'ascensor', 'calefaccion', 'aire acondicionado', 'sala de reuniones', 'silla', 'puerta', 'aparcamiento',
      'elevador', 'aquecimento', 'ar condicionado', 'sala de reuniao', 'cadeira', 'porta', 'estacionamento', 'cracha', 'pingando', 'goteando', 'en panne', 'aircon', 'air con', 'hvac', 'too hot', 'too cold', 'sauna', 'fire alarm', 'smoke alarm', 'smell of gas', 'gas smell', 'gas leak', 'evacuated', 'bike storage', 'locker', 'lockers', 'coffee machine', 'fridge', 'ceiling', 'pipe', 'mould', 'mold', 'pest', 'storage room', 'ergonomic', 'catering', 'feueralarm', 'gasgeruch', 'odeur de gaz', 'alarme incendie', 'olor a gas', 'alarma de incendios', 'cheiro de gas', 'alarme de incendio', 'climatiseur', 'clim', 'aquecedor', 'bins', 'trash', 'rubbish', 'recycling', 'construction noise', 'drilling', 'locked door', 'cctv', 'mail room', 'parcel', 'courier', 'office move', 'desk move', 'whiteboard', 'water cooler', 'vending machine', 'microwave', 'dishwasher', 'power cut', 'power socket', 'power outlet', 'extension lead', 'lightbulb', 'lamp', 'flickering lights', 'blinds', 'blind', 'carpet', 'stain', 'ants', 'mice in', 'cockroach', 'wheelchair', 'ramp', 'shower', 'bike rack', 'visitor badge', 'guest pass', 'meeting room booking', 'book a room', 'sink', 'reinigung', 'mull', 'schlussel', 'steckdose', 'licht', 'lampe', 'jalousie', 'nettoyage', 'poubelle', 'prise electrique', 'lumiere', 'limpieza', 'basura', 'llave', 'enchufe', 'persiana', 'limpeza', 'lixo', 'chave', 'tomada', 'reservar sala', 'reserva de sala', 'reservo la sala', 'toilette', 'toiletten', 'toilettes', 'fuite d eau', 'bano', 'banos', 'fuga de agua', 'banheiro', 'vazamento de agua', 'wasserschaden', 'standing desk', 'sit stand desk', 'desk riser', 'book a desk', 'reserve a desk', 'hot desk', 'hot desking', 'canteen', 'cafeteria', 'kantine', 'cantine', 'comedor', 'refeitorio', 'badge reader', 'badge readers', 'door access', 'basement', 'archive room', 'flooded', 'flood', 'keller', 'sous sol', 'sotano', 'porao', 'burglar alarm', 'intruder alarm', 'alarm system', 'alarmanlage', 'alarme anti intrusion', 'alarma antirrobo', 'alarme de seguranca', 'more desks', 'new desks', 'extra desks', 'standing desk', 'desk space', 'maquina de cafe', 'kaffeemaschine', 'machine a cafe', 'cafeteira', 'microondas', 'nevera', 'frigo', 'kuhlschrank', 'geladeira', 'power is out', 'power out', 'no power', 'power outage', 'stromausfall', 'kein strom', 'coupure de courant', 'corte de luz', 'apagon', 'sin luz', 'queda de energia', 'falta de luz',
      'window won t close', 'windows won t close', 'window won t open', 'windows won t open', 'window handle', 'draught', 'draughty', 'drafty', 'fenster', 'fenetre', 'fenetres', 'ventana', 'ventanas', 'janela', 'janelas', 'nameplate', 'name plate', 'door sign', 'bike racks', 'bicycle parking', 'bike parking', 'hand sanitiser', 'hand sanitizer', 'sanitiser', 'sanitizer', 'soap', 'soap dispenser', 'paper towels', 'toilet paper', 'wall clock', 'kettle', 'water dispenser', 'sugar', 'zucker', 'sucre', 'azucar', 'acucar', 'desinfektionsmittel', 'seife', 'savon', 'jabon', 'sabonete', 'coat rack', 'coat hooks', 'coat stand', 'garderobe', 'porte manteau', 'perchero', 'cabideiro', 'ping pong', 'table tennis', 'foosball', 'kicker', 'desk by the window', 'paving', 'pavement', 'paving stones', 'trip hazard', 'tripped', 'entrance steps', 'tree roots', 'footrest', 'foot rest', 'repose pieds', 'fussstutze', 'reposapies', 'apoio para os pes', 'obras', 'taladros', 'taladro', 'baustelle', 'baularm', 'travaux', 'casier', 'casiers', 'schliessfach', 'spind', 'taquilla', 'taquillas', 'cacifo', 'cacifos'
    ],
    hints: ['bureau', 'room', 'floor', 'office', 'building a', 'building b', 'stuck', 'broken', 'loose', 'sala', 'salle', 'raum', 'edificio', 'batiment', 'gebaude', 'agua', 'water', 'event', 'party', 'bash', 'building', 'gas', 'smell', 'tables', 'terrace', 'doors', 'grad', 'kitchen', 'temperature', 'keys', 'key', 'lights', 'noise', 'visitor', 'plants', 'counter', 'sun', 'reception', 'cle', 'oficina', 'buro', 'storm', 'archive'],
  },
  {
    id: 'finance', group: 'finance', kind: 'helpdesk', area: 'finance',
    description: 'Money matters: invoices, expenses, purchase orders, budgets, billing, per diems',
    aliases: ['accounting', 'accounts-payable', 'billing'],
    words: [
      'finance', 'invoice', 'invoices', 'billing', 'bill', 'charged', 'payment', 'payments', 'paid twice', 'refund', 'reimburse*', 'expense', 'expenses', 'expense report',
      'purchase order', 'budget', 'cost centre', 'cost center', 'per diem', 'per diems', 'allowance', 'subscription', 'subscriptions', 'telecom bill', 'credit card', 'corporate card',
      'reclaim', 'rechnung*', 'faktur*', 'abrechnung*', 'spesen', 'reisekosten', 'budget', 'bestellung', 'abonnement*', 'facture', 'factures', 'note de frais',
      'remboursement', 'rembourse*', 'paiement', 'bon de commande', 'factura', 'facturas', 'gastos', 'reembolso', 'pago', 'orden de compra', 'presupuesto', 'fatura', 'faturas', 'despesas',
      'reembolso', 'pagamento', 'ordem de compra', 'orcamento', 'dietas', 'diarias', 'concur', 'coupa', 'credit note', 'iban', 'vat', 'receipt', 'receipts', 'quittung', 'beleg', 'justificatif', 'recibo', 'nota fiscal', 'actuals', 'card declined', 'supplier invoice', 'budget owner', 'budget approval', 'mileage', 'mileage claim', 'travel expenses', 'expense claim', 'petty cash', 'cash advance', 'supplier payment', 'accounts payable', 'accounts receivable', 'credit card statement', 'amex', 'purchase request', 'procurement', 'quotation', 'budget code', 'gl code', 'wbs', 'accrual', 'tax invoice', 'vat number', 'payment run', 'remittance', 'direct debit', 'wire transfer', 'bank transfer', 'sepa', 'uberweisung', 'virement', 'transferencia', 'kostenstelle', 'centre de cout', 'centro de coste', 'centro de custo', 'erstattung', 'kilometergeld', 'frais kilometriques', 'kilometraje', 'quilometragem', 'reimbursed', 'pricing', 'overcharged', 'charges', 'financial system', 'finance system', 'sistema financeiro', 'sistema financiero', 'systeme financier', 'finanzsystem', 'monatsabschluss', 'jahresabschluss', 'month end', 'month end close', 'year end close', 'cierre contable', 'cierre de mes', 'fechamento contabil', 'fechamento do mes', 'cloture mensuelle', 'cloture des comptes', 'fattura', 'rimborso', 'exchange rate', 'exchange rates', 'tax certificate', 'withholding', 'tax return', 'certificado de retenciones', 'retenciones', 'declaracion de la renta', 'lohnsteuerbescheinigung', 'steuerbescheinigung', 'attestation fiscale', 'informe de rendimentos', 'imposto de renda', 'tarjeta corporativa', 'tarjeta de empresa', 'cartao corporativo', 'carte corporate', 'carte affaires', 'firmenkreditkarte', 'firmenkarte', 'me han cobrado', 'cobrado', 'cobraram', 'cobro'
    ],
    hints: ['po', 'supplier', 'vendor', 'charge', 'cost', 'price', 'money', 'approval', 'discrepancy', 'trade fair', 'template', 'q3', 'q4', 'quarter', 'forecast', 'outlook on the budget', 'descontado', 'desconto', 'bank', 'tender', 'declined', 'eur', 'usd', 'gbp', 'amount', 'limit', 'costs', 'buchhaltung', 'comptabilite', 'contabilidad', 'contabilidade', 'financeiro', 'financiero', 'financier', 'finanzen', 'financial'],
  },
  {
    id: 'travel', group: 'travel', kind: 'helpdesk', area: 'travel',
    description: 'Business travel: bookings, flights, hotels, trains, travel policy',
    aliases: ['business-travel'],
    words: ['flight', 'flights', 'hotel', 'train ticket', 'travel booking', 'book a trip', 'business trip booking', 'travel policy', 'dienstreise', 'flug', 'voyage d affaires', 'vuelo', 'viaje de negocios', 'voo', 'viagem'],
    hints: ['trip', 'travel', 'booking', 'airport'],
  },
  {
    id: 'legal', group: 'legal', kind: 'helpdesk', area: 'legal',
    description: 'Contracts with third parties, NDAs, compliance and data-protection questions',
    aliases: ['compliance'],
    words: ['nda', 'non disclosure', 'gdpr', 'dsgvo', 'rgpd', 'lgpd', 'compliance', 'legal review', 'terms and conditions', 'datenschutz', 'juridique', 'juridico', 'legal'],
    hints: ['contract review', 'clause', 'lawyer'],
  },
];
