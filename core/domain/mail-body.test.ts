import { describe, expect, it } from 'vitest';
import { mailBody } from './mail-body.js';

describe('mailBody', () => {
  it('leaves a confidentiality notice and a signature out, in running text', () => {
    const text =
      'Hello, since the maintenance window our webshop fails at checkout. Could someone look at it? Thanks, Sofia Lindqvist E-commerce Manager +46 8 555 120 44 CONFIDENTIALITY NOTICE: This e-mail and any attachments are intended only for the named recipient.';
    expect(mailBody(text)).toBe('Hello, since the maintenance window our webshop fails at checkout. Could someone look at it?');
  });

  it('reads notices and sign-offs in other languages', () => {
    expect(mailBody('Der Drucker im 2. Stock druckt seit gestern nur leere Seiten aus, bitte prüfen. Viele Grüße Jana Weber Buchhaltung')).toBe('Der Drucker im 2. Stock druckt seit gestern nur leere Seiten aus, bitte prüfen.');
    expect(mailBody("Le VPN se coupe toutes les dix minutes depuis ce matin. Cordialement, Claire Dubois Trésorerie Ce message et ses pièces jointes sont confidentiels.")).toBe(
      'Le VPN se coupe toutes les dix minutes depuis ce matin.',
    );
    expect(mailBody('No puedo entrar en la VPN desde casa desde esta mañana. Un saludo Marta Ruiz Este mensaje y sus anexos son confidenciales.')).toBe('No puedo entrar en la VPN desde casa desde esta mañana.');
  });

  it('keeps text that only looks like a footer', () => {
    expect(mailBody("What's the best way to share a big file with a customer?")).toBe("What's the best way to share a big file with a customer?");
    expect(mailBody('Disclaimer: the intranet footer still shows last year’s disclaimer text')).toBe('Disclaimer: the intranet footer still shows last year’s disclaimer text');
    // A sign-off early in the text, with a long body after it, is no signature.
    const long = 'Thanks, Anna for the quick help yesterday. Today the printer on floor 3 jams on every duplex job again and the whole team has to walk to floor 5, which takes ages and the tray keeps showing an error we do not understand at all.';
    expect(mailBody(long)).toBe(long);
  });
});
