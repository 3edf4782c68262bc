/**
 * Where quoted history starts, in the languages we write to customers in. Written here rather than taken from
 * a library: the maintained reply parsers know English only (and none is installed).
 */
const QUOTE_HEADER = [
  /^On\b.+\bwrote:\s*$/i,
  /^El\b.+\bescribi[óo]:\s*$/i,
  /^Le\b.+\ba [ée]crit\s*:\s*$/i,
  /^Am\b.+\bschrieb\b.*:\s*$/i,
  /^Em\b.+\bescreveu:\s*$/i,
  /^.{0,80}(写道|寫道)[：:]\s*$/,
  /^.{0,80}のメッセージ[：:]\s*$/,
  /^.{0,80}書きました[：:]\s*$/,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Mensagem original)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
];
/** An Outlook-style header block: "From: …" followed by Sent/Date/To/Subject lines. */
const OUTLOOK_FROM = /^(From|De|Von|Van|发件人|差出人)\s*[:：]/i;
const OUTLOOK_NEXT = /^(Sent|Date|To|Subject|Envoyé|Enviado|Gesendet|Datum|An|Para|À|Objet|Asunto|Assunto|Betreff)\s*[:：]/i;
/** Signature delimiter (RFC 3676 "-- "), and the sign-offs phones add. */
const SIGNATURE = [/^-- ?$/, /^(Sent from my|Enviado desde mi|Envoyé de mon|Von meinem|Enviado do meu|Get Outlook for)\b/i];

/**
 * The text a person wrote in a mail, without the quoted history below it and without the signature: what
 * triage reads. The full text is kept with the mail.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const quoteStarts =
      QUOTE_HEADER.some((pattern) => pattern.test(line)) ||
      (OUTLOOK_FROM.test(line) && OUTLOOK_NEXT.test(lines[i + 1]?.trim() ?? '')) ||
      SIGNATURE.some((pattern) => pattern.test(lines[i])) ||
      // A block of quoted lines (not a single "> " the writer typed mid-text) with nothing written after it.
      (line.startsWith('>') && lines.slice(i).every((rest) => rest.trim() === '' || rest.trim().startsWith('>')));
    if (quoteStarts) {
      end = i;
      break;
    }
  }
  const kept = lines.slice(0, end).join('\n').trim();
  // A mail that is all quote (a forward with no words of its own) keeps its text rather than becoming empty.
  return kept || text.trim();
}
