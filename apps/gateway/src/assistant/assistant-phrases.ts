/** What the assistant says, beyond quoting an article, in each language the product replies in. */
export interface AssistantPhrases {
  notKnown: string;
  needContact: string;
  ticketOpened: (ref: string) => string;
  handedOver: (ref: string) => string;
  alreadyOpened: (ref: string) => string;
  status: (ref: string, status: string) => string;
  statusNotFound: string;
  /** Said whether or not the number and address matched (nothing is confirmed to a stranger). */
  codeSent: string;
  codeWrong: string;
  codeExpired: string;
  solved: string;
  unavailable: string;
}

export const ASSISTANT_PHRASES: Record<string, AssistantPhrases> = {
  en: {
    notKnown: 'I\'m not sure I have the answer to that. Shall I open a ticket so a member of our team can help? Just say "open a ticket".',
    needContact: 'To open a ticket I need your name and email (or sign in).',
    ticketOpened: (ref) => `I opened ticket ${ref} with our conversation attached, so you won't have to repeat anything.`,
    handedOver: (ref) => `A person from our team will take over: I opened ticket ${ref} for them with our conversation.`,
    alreadyOpened: (ref) => `Ticket ${ref} is already open for this conversation.`,
    status: (ref, status) => `Ticket ${ref} is ${status}.`,
    statusNotFound: "I can't find that ticket among yours. Sign in to see your tickets, or give the number of a ticket opened in this conversation.",
    codeSent: "If that ticket is yours, I've emailed a 6-digit code to its address. Send it here to see the status.",
    codeWrong: 'That code is not right. Please check the email and try again.',
    codeExpired: 'That code has expired or was tried too often. Ask for the status again to get a new one.',
    solved: "Glad that helped! I've marked this conversation as solved.",
    unavailable: "I can't search the knowledge base right now. You can open a ticket and our team will answer.",
  },
  es: {
    notKnown: 'No estoy seguro de tener la respuesta. ¿Quieres que abra un ticket para que alguien de nuestro equipo te ayude? Solo di «abrir un ticket».',
    needContact: 'Para abrir un ticket necesito tu nombre y tu correo electrónico (o que inicies sesión).',
    ticketOpened: (ref) => `He abierto el ticket ${ref} con nuestra conversación adjunta, así no tendrás que repetir nada.`,
    handedOver: (ref) => `Una persona de nuestro equipo se encargará: he abierto el ticket ${ref} con nuestra conversación.`,
    alreadyOpened: (ref) => `El ticket ${ref} ya está abierto para esta conversación.`,
    status: (ref, status) => `El ticket ${ref} está en estado «${status}».`,
    statusNotFound: 'No encuentro ese ticket entre los tuyos. Inicia sesión para ver tus tickets o indica el número de un ticket abierto en esta conversación.',
    codeSent: 'Si ese ticket es tuyo, he enviado un código de 6 dígitos a su correo. Envíalo aquí para ver el estado.',
    codeWrong: 'Ese código no es correcto. Revisa el correo e inténtalo de nuevo.',
    codeExpired: 'Ese código ha caducado o se ha intentado demasiadas veces. Vuelve a pedir el estado para recibir uno nuevo.',
    solved: '¡Me alegra haber ayudado! He marcado esta conversación como resuelta.',
    unavailable: 'Ahora mismo no puedo consultar la base de conocimientos. Puedes abrir un ticket y nuestro equipo te responderá.',
  },
  fr: {
    notKnown: 'Je ne suis pas sûr d’avoir la réponse. Voulez-vous que j’ouvre un ticket pour qu’un membre de notre équipe vous aide ? Dites simplement « ouvrir un ticket ».',
    needContact: 'Pour ouvrir un ticket, j’ai besoin de votre nom et de votre e-mail (ou connectez-vous).',
    ticketOpened: (ref) => `J’ai ouvert le ticket ${ref} avec notre conversation jointe : vous n’aurez rien à répéter.`,
    handedOver: (ref) => `Une personne de notre équipe va prendre le relais : j’ai ouvert le ticket ${ref} avec notre conversation.`,
    alreadyOpened: (ref) => `Le ticket ${ref} est déjà ouvert pour cette conversation.`,
    status: (ref, status) => `Le ticket ${ref} est à l’état « ${status} ».`,
    statusNotFound: 'Je ne trouve pas ce ticket parmi les vôtres. Connectez-vous pour voir vos tickets, ou donnez le numéro d’un ticket ouvert dans cette conversation.',
    codeSent: 'Si ce ticket est le vôtre, j’ai envoyé un code à 6 chiffres à son adresse e-mail. Saisissez-le ici pour voir son état.',
    codeWrong: 'Ce code n’est pas correct. Vérifiez l’e-mail et réessayez.',
    codeExpired: 'Ce code a expiré ou a été essayé trop de fois. Redemandez l’état pour en recevoir un nouveau.',
    solved: 'Ravi d’avoir pu aider ! J’ai marqué cette conversation comme résolue.',
    unavailable: 'Je ne peux pas consulter la base de connaissances pour le moment. Vous pouvez ouvrir un ticket et notre équipe vous répondra.',
  },
  de: {
    notKnown: 'Darauf habe ich leider keine sichere Antwort. Soll ich ein Ticket eröffnen, damit Ihnen jemand aus unserem Team hilft? Sagen Sie einfach „Ticket öffnen“.',
    needContact: 'Um ein Ticket zu eröffnen, brauche ich Ihren Namen und Ihre E-Mail-Adresse (oder melden Sie sich an).',
    ticketOpened: (ref) => `Ich habe Ticket ${ref} mit unserem Gespräch eröffnet, Sie müssen also nichts wiederholen.`,
    handedOver: (ref) => `Eine Person aus unserem Team übernimmt: Ich habe Ticket ${ref} mit unserem Gespräch für sie eröffnet.`,
    alreadyOpened: (ref) => `Für dieses Gespräch ist bereits Ticket ${ref} offen.`,
    status: (ref, status) => `Ticket ${ref} hat den Status „${status}“.`,
    statusNotFound: 'Ich finde dieses Ticket nicht unter Ihren. Melden Sie sich an, um Ihre Tickets zu sehen, oder nennen Sie die Nummer eines in diesem Gespräch eröffneten Tickets.',
    codeSent: 'Falls dieses Ticket Ihres ist, habe ich einen 6-stelligen Code an seine E-Mail-Adresse geschickt. Senden Sie ihn hier, um den Status zu sehen.',
    codeWrong: 'Dieser Code stimmt nicht. Bitte prüfen Sie die E-Mail und versuchen Sie es erneut.',
    codeExpired: 'Dieser Code ist abgelaufen oder wurde zu oft versucht. Fragen Sie erneut nach dem Status, um einen neuen zu erhalten.',
    solved: 'Schön, dass es geholfen hat! Ich habe dieses Gespräch als gelöst markiert.',
    unavailable: 'Ich kann die Wissensdatenbank gerade nicht durchsuchen. Sie können ein Ticket eröffnen, unser Team antwortet Ihnen.',
  },
  pt: {
    notKnown: 'Não tenho certeza de que sei a resposta. Quer que eu abra um chamado para alguém da nossa equipe ajudar? É só dizer "abrir um chamado".',
    needContact: 'Para abrir um chamado preciso do seu nome e e-mail (ou faça login).',
    ticketOpened: (ref) => `Abri o chamado ${ref} com a nossa conversa anexada, assim você não precisa repetir nada.`,
    handedOver: (ref) => `Uma pessoa da nossa equipe vai assumir: abri o chamado ${ref} com a nossa conversa.`,
    alreadyOpened: (ref) => `O chamado ${ref} já está aberto para esta conversa.`,
    status: (ref, status) => `O chamado ${ref} está com o status "${status}".`,
    statusNotFound: 'Não encontro esse chamado entre os seus. Faça login para ver seus chamados ou informe o número de um chamado aberto nesta conversa.',
    codeSent: 'Se esse chamado for seu, enviei um código de 6 dígitos para o e-mail dele. Envie-o aqui para ver o status.',
    codeWrong: 'Esse código não está correto. Verifique o e-mail e tente novamente.',
    codeExpired: 'Esse código expirou ou foi tentado vezes demais. Peça o status novamente para receber um novo.',
    solved: 'Que bom que ajudou! Marquei esta conversa como resolvida.',
    unavailable: 'Não consigo consultar a base de conhecimento agora. Você pode abrir um chamado e nossa equipe responderá.',
  },
  zh: {
    notKnown: '抱歉，我不确定这个问题的答案。需要我为您提交工单，让我们的团队成员来帮助您吗？请说"提交工单"。',
    needContact: '提交工单需要您的姓名和电子邮箱（或请先登录）。',
    ticketOpened: (ref) => `我已为您创建工单 ${ref}，并附上了我们的对话，您无需重复说明。`,
    handedOver: (ref) => `我们团队的工作人员将接手：我已创建工单 ${ref} 并附上了我们的对话。`,
    alreadyOpened: (ref) => `此对话已有工单 ${ref}。`,
    status: (ref, status) => `工单 ${ref} 的状态是"${status}"。`,
    statusNotFound: '在您的工单中找不到该工单。请登录查看您的工单，或提供在此对话中创建的工单编号。',
    codeSent: '如果该工单属于您，我已向其邮箱发送了 6 位验证码。请在此输入以查看状态。',
    codeWrong: '验证码不正确，请检查邮件后重试。',
    codeExpired: '验证码已过期或尝试次数过多。请重新查询状态以获取新的验证码。',
    solved: '很高兴能帮到您！我已将此对话标记为已解决。',
    unavailable: '目前无法检索知识库。您可以提交工单，我们的团队会回复您。',
  },
  ja: {
    notKnown: '申し訳ありませんが、確かな回答が見つかりません。担当者が対応できるようチケットを作成しましょうか？「チケットを作成」とお伝えください。',
    needContact: 'チケットを作成するには、お名前とメールアドレスが必要です（またはサインインしてください）。',
    ticketOpened: (ref) => `会話の内容を添えてチケット ${ref} を作成しました。同じ説明を繰り返す必要はありません。`,
    handedOver: (ref) => `担当者が引き継ぎます。会話の内容を添えてチケット ${ref} を作成しました。`,
    alreadyOpened: (ref) => `この会話のチケット ${ref} はすでに作成されています。`,
    status: (ref, status) => `チケット ${ref} のステータスは「${status}」です。`,
    statusNotFound: 'お客様のチケットの中に該当するものが見つかりません。サインインしてチケットをご確認いただくか、この会話で作成したチケット番号をお知らせください。',
    codeSent: 'そのチケットがお客様のものであれば、登録メールアドレスに6桁のコードを送信しました。ここに入力するとステータスを確認できます。',
    codeWrong: 'コードが正しくありません。メールをご確認のうえ、もう一度お試しください。',
    codeExpired: 'コードの有効期限が切れたか、試行回数が多すぎます。もう一度ステータスをお尋ねいただくと新しいコードをお送りします。',
    solved: 'お役に立ててよかったです！この会話を解決済みにしました。',
    unavailable: '現在ナレッジベースを検索できません。チケットを作成していただければ、担当者が回答いたします。',
  },
};

export function assistantPhrases(language: string): AssistantPhrases {
  return ASSISTANT_PHRASES[language] ?? ASSISTANT_PHRASES.en;
}
