/**
 * Technical ids and aliases that are also ordinary words (`list`, `go`,
 * `spring`, `rails`, `node`, a farewell `bash`) and so do not name a skill
 * just by appearing in a ticket: the trained classifier must agree that the
 * ticket is a question about that technology. Helpdesk skills are read by
 * the {@link SkillMatcher} from their words instead.
 */
export const AMBIGUOUS_MENTIONS: ReadonlySet<string> = new Set([
  'list', 'string', 'class', 'function', 'file', 'image', 'date', 'forms', 'validation', 'performance', 'sorting', 'session', 'parsing', 'loops',
  'pointers', 'arrays', 'algorithm', 'generics', 'testing', 'tests', 'unittest', 'api', 'rest', 'restful', 'node', 'go', 'net', 'vs', 'sh', 'shell', 'r', 'c', 'ts', 'ef', 'wp',
  'jq', 'py', 'pg', 'spring', 'swing', 'rails', 'ruby', 'bash', 'threads', 'threading', 'concurrency', 'socket', 'sockets', 'containers', 'kube',
  'eclipse', 'apache', 'qt', 'dom', 'facebook', 'ajax', 'swift', 'maven', 'selenium', 'hibernate', 'pandas', 'bootstrap', 'react', 'azure', 'html', 'html5',
  'css', 'json', 'xml', 'soap', 'mongo', 'timezone', 'timestamps', 'datetime', 'wordpress', 'jvm', 'android', 'ios', 'iphone', 'sql', 'csv',
]);
