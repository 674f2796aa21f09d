/**
 * What an e-mail's footer says is no part of the problem: a confidentiality
 * notice ("This e-mail and any attachments are intended only for…") names
 * e-mail and attachments, and a signature names a job title ("Key Account
 * Manager", "Head of Accounting") that reads as a desk. Triage reads the
 * body without them. Tickets often arrive with their line breaks collapsed
 * (a slash command is one line), so both are found in running text.
 */

/** Where a legal footer starts (fixed strings, case and accents as written). */
const DISCLAIMER = new RegExp(
  [
    'confidentiality notice', 'confidentiality note', 'disclaimer:', 'legal notice:',
    'this e-?mail and any (?:attachments|files)', 'this e-?mail (?:message )?is confidential', 'this e-?mail may contain', 'this message and any attachments', 'this message is confidential', 'this message may contain',
    'the information (?:contained )?in this (?:e-?mail|message) is confidential',
    'diese (?:e-?mail|nachricht) (?:enth[äa]lt|ist) vertraulich', 'vertraulichkeitshinweis',
    'ce (?:message|courriel|e-?mail) (?:et ses pi[eè]ces jointes|est confidentiel|peut contenir)', 'avis de confidentialit[ée]',
    'este (?:mensaje|correo)(?: electr[óo]nico)? (?:y sus (?:anexos|adjuntos)|es confidencial|puede contener)', 'aviso de confidencialidad',
    'esta mensagem (?:e seus anexos|[ée] confidencial|pode conter)', 'aviso de confidencialidade',
  ].join('|'),
  'iu',
);

/** A sign-off followed by a name: "Thanks, Sofia", "Kind regards Elke", "Cordialement, Claire". */
const SIGN_OFF = new RegExp(
  String.raw`(?:^|[\s.!?])(?:(?:thanks|thank you|many thanks|regards|best|cheers|br|danke|gr[üu](?:ß|ss)e|lg|mfg|cordialement|merci|saludos|gracias|atentamente|atenciosamente|abra[çc]os|obrigad[oa])\s*,|(?:kind regards|best regards|warm regards|best wishes|viele gr[üu](?:ß|ss)e|beste gr[üu](?:ß|ss)e|mit freundlichen gr[üu](?:ß|ss)en|bien [àa] vous|bien cordialement|un saludo|un cordial saludo|saludos cordiales|cumprimentos|melhores cumprimentos)\s*,?)\s+(?=\p{Lu})`,
  'giu',
);
/** A signature is short: a name, a title, a phone number. */
const SIGNATURE_WORDS = 30;

export function mailBody(text: string): string {
  let body = text;
  const legal = DISCLAIMER.exec(body);
  // A notice at the very start is the ticket's subject ("disclaimer: the intranet shows the old one"), not a footer.
  if (legal && legal.index >= 40) body = body.slice(0, legal.index);
  let cut = -1;
  for (const m of body.matchAll(SIGN_OFF)) if (m.index >= body.length * 0.5) cut = m.index;
  if (cut >= 0) {
    const rest = body.slice(cut);
    if (rest.split(/\s+/).length <= SIGNATURE_WORDS && !rest.includes('?')) body = body.slice(0, cut);
  }
  return body.trimEnd();
}
