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
      'internet', 'network', 'choppy', 'jitter', 'frozen video', 'call quality', 'kein internet', 'netzwerk*', 'laufwerk*', 'kein netz', 'reseau', 'pas d internet', 'lecteur reseau', 'red wifi',
      'sin internet', 'sin conexion', 'la red', 'unidad de red', 'sem internet', 'rede', 'unidade de rede', 'conexao', 'conexion', 'latency', 'latenz',
    ],
    hints: ['offline', 'connection', 'connect', 'connectivity', 'lag', 'slow connection', 'bandwidth', 'firewall', 'proxy', 'drops', 'unstable', 'peak hours', 'saas', 'verbindung', 'conecta', 'connexion', 'signal', 'node', 'rack', 'comms room', 'port', 'internal site', 'intranet'],
  },
  {
    id: 'vpn', group: 'network', kind: 'helpdesk', area: 'network',
    description: 'Remote access: VPN clients, tunnels and gateways',
    aliases: ['openvpn', 'wireguard', 'anyconnect', 'globalprotect', 'forticlient'],
    words: ['vpn', 'openvpn', 'wireguard', 'anyconnect', 'globalprotect', 'forticlient', 'secure gateway', 'remote access', 'tunnel', 'fernzugriff', 'acces a distance', 'acceso remoto', 'acesso remoto'],
    hints: ['from home', 'home office', 'remote', 'zuhause', 'teletravail', 'desde casa', 'de casa'],
  },
  {
    id: 'email', group: 'mail', kind: 'helpdesk', area: 'email',
    description: 'Mail and calendars: mailboxes, Outlook, delivery, shared mailboxes, signatures',
    aliases: ['e-mail', 'mail', 'outlook', 'exchange', 'gmail'],
    words: [
      'email', 'emails', 'e mail', 'e mails', 'mailbox', 'mailboxes', 'shared mailbox', 'inbox', 'outbox', 'junk', 'spam folder', 'distribution list', 'out of office',
      'thunderbird', 'gmail', 'outlook', 'email signature', 'attachment', 'attachments', 'calendar', 'meeting invite', 'deleted items',
      'postfach', 'posteingang', 'anhang', 'kalender', 'courriel', 'courriels', 'boite mail', 'boite de reception', 'piece jointe', 'calendrier', 'correo', 'correos',
      'bandeja de entrada', 'bandeja de salida', 'adjunto', 'calendario', 'caixa de entrada', 'caixa de saida', 'anexo',
    ],
    hints: ['mail', 'mails', 'send', 'sent', 'receive', 'signature', 'folder', 'envia', 'envian', 'enviando', 'senden', 'envoyer', 'enviar'],
  },
  {
    id: 'accounts', group: 'mail', kind: 'helpdesk', area: 'access',
    description: 'Sign-in, passwords, MFA, locked or disabled accounts and access rights',
    aliases: ['account', 'login', 'password', 'sso', 'mfa', '2fa', 'active-directory', 'okta', 'access'],
    words: [
      'password', 'passwords', 'passcode', 'locked out', 'account locked', 'account disabled', 'account is disabled', 'reset my password', 'password reset', 'forgot my password',
      'mfa', '2fa', 'two factor', 'multi factor', 'authenticator', 'sms codes', 'login codes', 'okta', 'sso', 'single sign on', 'active directory', 'log in', 'login', 'sign in',
      'access to', 'access denied', 'not authorised', 'not authorized', 'permission', 'permissions', 'user permissions', 'admin rights', 'username', 'new account', 'pin',
      'passwort', 'kennwort', 'gesperrt', 'zugriff', 'zugriff verweigert', 'berechtigung*', 'konto', 'konten', 'anmeld*', 'mot de passe', 'compte', 'verrouille', 'acces',
      'identifiant', 'connecter', 'contrasena', 'cuenta', 'bloqueada', 'bloqueado', 'acceso', 'permisos', 'senha', 'conta', 'acesso', 'permissoes', 'windows hello',
    ],
    hints: ['locked', 'expired', 'access', 'account', 'accounts', 'credentials', 'sign', 'approve', 'approved', 'authorised', 'authorized', 'name is misspelled', 'misspelled', 'jira', 'sap', 'records system', 'folder', 'carpeta', 'pasta', 'ordner', 'dossier', 'aprovou', 'aprobado'],
  },
  {
    id: 'hardware', group: 'devices', kind: 'helpdesk', area: 'hardware',
    description: 'Laptops, desktops, monitors, docks, keyboards, headsets and other equipment',
    aliases: ['laptop', 'desktop', 'monitor', 'keyboard', 'mouse', 'device'],
    words: [
      'laptop', 'notebook', 'macbook', 'desktop pc', 'docking station', 'dock', 'charger', 'headset', 'headphones', 'webcam', 'keyboard', 'mouse', 'trackpad', 'touchpad',
      'monitor', 'second monitor', 'external monitor', 'second screen', 'projector', 'blue screen', 'bsod', 'battery', 'overheating', 'fan noise', 'usb c', 'hdmi', 'kvm',
      'speakers', 'microphone', 'no sound', 'pas de son', 'sin sonido', 'sem som', 'kein ton', 'hard drive', 'ssd', 'tastatur', 'maus', 'bildschirm*', 'rechner', 'akku', 'ladegerat', 'ecran', 'clavier', 'souris', 'casque',
      'ordinateur', 'portable', 'teclado', 'raton', 'pantalla', 'portatil', 'bateria', 'auriculares', 'cargador', 'notebook', 'tela', 'mouse', 'fone', 'carregador', 'teclas',
    ],
    hints: ['son', 'screen', 'display', 'flicker*', 'cable', 'kabel', 'usb', 'keys', 'device', 'hardware', 'sticking', 'spilled', 'derramei', 'broken', 'crash', 'absturz', 'hardware update', 'equipment', 'no signal'],
  },
  {
    id: 'printers', group: 'devices', kind: 'helpdesk', area: 'printing',
    description: 'Printers, scanners, copiers, toner and print queues',
    aliases: ['printer', 'printing', 'print'],
    words: [
      'printer', 'printers', 'toner', 'paper jam', 'print queue', 'print job', 'print jobs', 'cartridge', 'copier', 'scanner', 'plotter', 'printer driver', 'print dialog',
      'drucker', '*drucker', 'druckauftrag', 'scanner', 'imprimante', 'imprimantes', 'photocopieur', 'impresora', 'impresoras', 'escaneo', 'escanea', 'fotocopiadora',
      'impressora', 'impressoras', 'digitalizar', 'kyocera', 'ricoh', 'canon printer', 'hp printer',
    ],
    hints: ['print', 'prints', 'printing', 'drucken', 'druckt', 'imprimer', 'imprime', 'imprimir', 'jobs', 'scan', 'scans', 'pages'],
  },
  {
    id: 'mobile-devices', group: 'devices', kind: 'helpdesk', area: 'hardware',
    description: 'Company phones and tablets, mobile apps and device management',
    aliases: ['phone', 'smartphone', 'tablet', 'mdm', 'intune'],
    words: [
      'work phone', 'company phone', 'mobile phone', 'smartphone', 'iphone', 'android', 'ipad', 'tablet', 'mdm', 'intune', 'sim card', 'sim', 'cracked screen',
      'handy', 'diensthandy', 'firmenhandy', 'telephone portable', 'telephone', 'portable pro', 'movil', 'celular', 'telefono', 'tableta', 'telemovel', 'telefone',
    ],
    hints: ['phone', 'mobile', 'app', 'sms'],
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
      'sospechoso', 'hackeado', 'seguranca', 'roubado', 'roubaram', 'cliquei', 'hackeada', 'invadida',
    ],
    hints: ['suspeito', 'alert', 'audit', 'firewall', 'integrity', 'sensitive data', 'pretending', 'attack', 'scan', 'strange', 'estranho', 'extrano'],
  },
  {
    id: 'software-install', group: 'apps', kind: 'helpdesk', area: 'software',
    description: 'Installing and licensing applications, activation, updates and business apps',
    aliases: ['install', 'installation', 'licensing', 'license', 'software'],
    words: [
      'install', 'installed', 'installation', 'uninstall', 'license', 'licence', 'license key', 'activation', 'activation failed', 'software center', 'software request',
      'sap gui', 'zoom', 'tableau', 'notepad++', 'adobe', 'acrobat', 'office 365', 'microsoft 365', 'smartsheet', 'visio', 'onedrive', 'sharepoint', 'driver', 'time tracking tool',
      'installier*', 'lizenz', 'logiciel', 'licence', 'instalar', 'instalacion', 'licencia', 'instalacao', 'licenca',
    ],
    hints: ['aplicativo', 'programa', 'software', 'teams', 'app', 'application', 'tool', 'update', 'upgrade', 'version', 'crash', 'crashes', 'closes', 'won t start', 'doesn t start', 'system requirements', 'word', 'powerpoint', 'browser', 'chrome'],
  },
  {
    id: 'windows', group: 'apps', kind: 'helpdesk', area: 'software',
    description: 'Windows PCs: updates, start-up, profiles and settings',
    aliases: ['win10', 'win11', 'windows-10', 'windows-11'],
    words: ['windows', 'windows update', 'windows 10', 'windows 11', 'win10', 'win11', 'automatic repair', 'restart loop', 'reboot loop', 'boot loop', 'stuck on restarting', 'working on updates', 'windows hello', 'systemabsturz', 'system crash'],
    hints: ['restarting', 'restarts', 'boot', 'update', 'updates', 'mise a jour', 'actualizacion', 'atualizacao', 'neu zu starten', 'absturz'],
  },
  {
    id: 'osx', group: 'apps', kind: 'helpdesk', area: 'software',
    description: 'Macs: macOS updates, settings and apps',
    aliases: ['macos', 'mac', 'mac-os', 'os-x'],
    words: ['mac', 'macos', 'macbook', 'os x', 'imac', 'finder', 'time machine', 'apple id', 'keychain'],
    hints: ['apple'],
  },
  {
    id: 'linux', group: 'apps', kind: 'helpdesk', area: 'software',
    description: 'Linux machines and servers: Ubuntu, Debian, Red Hat, VMs',
    aliases: ['ubuntu', 'debian', 'centos', 'rhel', 'red-hat'],
    words: ['linux', 'ubuntu', 'debian', 'centos', 'rhel', 'red hat', 'fedora', 'kerberos', 'ssh', 'sudo', 'apt', 'systemd'],
    hints: ['vm', 'virtual machine', 'server', 'clock drift'],
  },
  {
    id: 'database', group: 'data', kind: 'helpdesk', area: 'data',
    description: 'Business databases and data platforms: access, backups, performance, reports',
    aliases: ['db', 'databases'],
    words: ['database', 'databases', 'db', 'sql', 'redis', 'oracle', 'postgres', 'mysql', 'backup job', 'nightly backup', 'data warehouse', 'erp database', 'query', 'datenbank', 'base de donnees', 'base de datos', 'banco de dados'],
    hints: ['backup', 'cache', 'server', 'data source', 'datasource', 'migration', 'disk space', 'erp', 'reports', 'connection fault'],
  },
  {
    id: 'excel', group: 'apps', kind: 'helpdesk', area: 'data',
    description: 'Excel and spreadsheets: formulas, pivot tables, Power Query, macros',
    aliases: ['spreadsheet', 'xlsx'],
    words: ['excel', 'spreadsheet', 'spreadsheets', 'xlsx', 'pivot', 'pivot table', 'power query', 'formula', 'formulas', 'vlookup', 'xlookup', 'macro', 'macros', 'workbook', 'tabelle*', 'tableur', 'hoja de calculo', 'planilha', 'tabela dinamica', 'tabla dinamica', 'google sheets'],
    hints: ['cells', 'cell', 'sheet', 'rows', 'columns', 'locked for editing'],
  },
  {
    id: 'hr', group: 'hr', kind: 'helpdesk', area: 'hr',
    description: 'People topics: leave, payroll questions, contracts, onboarding, training, certificates',
    aliases: ['human-resources', 'people', 'personnel'],
    words: [
      'hr', 'human resources', 'sick leave', 'sick note', 'parental leave', 'maternity', 'paternity', 'holiday request', 'holiday requests', 'annual leave', 'vacation', 'leave request',
      'payslip', 'payroll', 'salary', 'employment certificate', 'reference letter', 'onboarding', 'new starter', 'new hire', 'offboarding', 'leadership class',
      'promoted', 'pension', 'benefits', 'time tracking', 'timesheet', 'overtime', 'personalabteilung', 'urlaub*', 'krank*', 'gehalt*', 'lohn*', 'vertrag',
      'arbeitszeugnis', 'mitarbeiter', 'onboarding', 'conges', 'conge', 'arret maladie', 'fiche de paie', 'salaire', 'contrat', 'formation', 'rh', 'recursos humanos', 'vacaciones',
      'nomina', 'salario', 'contrato', 'formacion', 'rrhh', 'ferias', 'holerite', 'contracheque', 'salario', 'licenca medica', 'vale refeicao', 'treinamento',
    ],
    hints: ['promotion', 'contract', 'training', 'course', 'baja', 'manager', 'team change', 'visa', 'doctor', 'hours', 'approve', 'employee', 'employees', 'new team members', 'teammitglieder', 'festivos', 'holiday'],
  },
  {
    id: 'facilities', group: 'facilities', kind: 'helpdesk', area: 'facilities',
    description: 'Buildings and offices: rooms, desks, badges, parking, heating, lifts, repairs, cleaning',
    aliases: ['facility', 'office-management', 'building'],
    words: [
      'facilities', 'building', 'office chair', 'chair', 'desk booking', 'room booking', 'double booked', 'badge', 'access badge', 'access card', 'key card',
      'parking', 'parking space', 'garage', 'lift', 'elevator', 'air conditioning', 'heating', 'radiator', 'leaking', 'dripping', 'toilet', 'cleaning',
      'door', 'swing door', 'window blind', 'lights', 'light bulb', 'shelving', 'shelf', 'shelves', 'rooftop', 'terrace', 'business cards', 'print shop', 'furniture',
      'aufzug', 'fahrstuhl', 'heizung', 'klimaanlage', 'parkplatz', 'besprechungsraum', 'schreibtisch', 'stuhl', 'ausweis', 'tur', 'ascenseur', 'chauffage', 'climatisation',
      'salle de reunion', 'parking', 'badge', 'chaise', 'porte', 'ascensor', 'calefaccion', 'aire acondicionado', 'sala de reuniones', 'silla', 'puerta', 'aparcamiento',
      'elevador', 'aquecimento', 'ar condicionado', 'sala de reuniao', 'cadeira', 'porta', 'estacionamento', 'cracha', 'pingando', 'goteando', 'en panne',
    ],
    hints: ['bureau', 'room', 'floor', 'office', 'building a', 'building b', 'stuck', 'broken', 'loose', 'sala', 'salle', 'raum', 'edificio', 'batiment', 'gebaude', 'agua', 'water', 'event', 'party', 'bash'],
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
      'reembolso', 'pagamento', 'ordem de compra', 'orcamento', 'dietas', 'diarias',
    ],
    hints: ['po', 'supplier', 'vendor', 'charge', 'cost', 'price', 'money', 'approval', 'discrepancy', 'trade fair', 'template', 'q3', 'q4', 'quarter', 'forecast', 'outlook on the budget', 'descontado', 'desconto'],
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
