/**
 * A hand-written lexicon from es, fr, de, pt, it, nl, zh and ja to English, written for this project (MIT,
 * like the rest of the repository: no dictionary data is copied in). It covers what customers write to
 * support (orders, parcels, refunds, accounts, payments, devices, networks) and the everyday words around it
 * (time, weather, reminders, media, bookings). Each line: English gloss words, then per language a `|`
 * column in the order of LEXICON_LANGUAGES, alternatives separated by commas, `-` for none.
 * A Latin key of four letters or more also matches words it begins ("reembols" ~ "reembolsado").
 */
export const LEXICON_LANGUAGES = ['es', 'fr', 'de', 'pt', 'it', 'nl', 'zh', 'ja'] as const;

export const PIVOT_LEXICON = `
password | contraseña, clave, contrasena | mot de passe, mdp | passwort, kennwort | senha, palavra-passe | password, parola d'ordine | wachtwoord | 密码 | パスワード, 暗証番号
reset password | restablecer, resetear, restablecimiento | réinitialiser, réinitialisation | zurücksetzen, zurückgesetzt, zurücksetzung, zurückzusetzen | redefinir, redefinição, recuperar | reimpostare, reimpostazione, resettare, reimposta | herstellen, resetten, opnieuw instellen | 重置, 重设, 找回 | リセット, 再設定
forgot | olvidé, olvidado, olvidar, olvide | oublié, oublier | vergessen | esqueci, esquecer, esquecida, esquecido | dimenticato, dimenticata, dimenticare | vergeten | 忘记, 忘了 | 忘れ
email | correo, email, e-mail, correo electrónico | courriel, e-mail, email, mail | e-mail, email, mail | e-mail, email | email, e-mail, posta | e-mail, email, mail | 邮件, 电子邮件, 邮箱 | メール, eメール
arrive arrived | llega, llegado, llegar, llegó, llegado | arrive, arrivé, arrivée, arriver, arrivé | ankommen, angekommen, kommt, eingetroffen, ankunft | chegou, chegar, chega, chegada | arriva, arrivato, arrivata, arrivare | aangekomen, aankomen, komt aan | 到, 到达, 送达, 没到, 还没到 | 届か, 届い, 届く, 到着
receive received | recibido, recibir, recibí, recibo el | reçu, recevoir, reçois, reçue | erhalten, bekommen | recebi, receber, recebido | ricevuto, ricevere, ricevuta | ontvangen, gekregen | 收到, 接收 | 受け取, 受信, 届き
never | nunca, jamás | jamais | nie, niemals | nunca | mai | nooit | 从未, 从来 | 一度も
parcel package | paquete | colis, paquet | paket, päckchen, sendung | pacote, encomenda | pacco, pacchetto | pakket, pakje | 包裹, 快递 | 荷物, 小包, パッケージ
order | pedido, orden | commande | bestellung, bestellt, bestellen, auftrag | pedido, encomenda | ordine, ordinato, ordinazione | bestelling, besteld, bestellen | 订单, 下单 | 注文
delivery delivered | entrega, entregado, entregar | livraison, livré, livrer, livrée | lieferung, liefer, zustellung, zugestellt, geliefert | entrega, entregue, entregar | consegna, consegnato, consegnare | levering, bezorging, geleverd, bezorgd, bezorgen | 配送, 送货, 派送, 签收 | 配達, 配送, お届け
ship shipping | envío, envio, enviado, despacho | expédier, expédition, expédié, envoi | versand, versenden, verschickt, versendet, verschicken | envio, despacho, frete | spedire, spedito, spedizione | verzenden, verzending, verzonden | 发货, 寄, 运输 | 発送, 出荷
tracking track | seguimiento, rastreo, rastrear | suivi, suivre | sendungsverfolgung, tracking, verfolgung, verfolgen | rastreamento, rastreio, rastrear | tracciamento, tracking, tracciare | track, volgen, traceren | 物流, 跟踪, 追踪, 单号 | 追跡
late delayed | retraso, retrasado, retrasada, tarde | retard, retardé | verspätet, verspätung, verzögert, verzögerung | atraso, atrasado, atrasada | ritardo | vertraagd, vertraging, te laat | 延迟, 晚了, 迟迟, 延误 | 遅れ, 遅延
lost | perdido, perdida, extraviado | perdu, perdue | verloren, verschwunden | perdido, perdida, extraviado, extraviada | perso, persa, smarrito | verloren, kwijt, zoekgeraakt | 丢失, 丢了, 丢件, 不见 | 紛失, なくし, 無くし, 行方不明
damaged broken | dañado, dañada, roto, rota, destrozado | endommagé, endommagée, cassé, cassée, abîmé | beschädigt, kaputt, zerbrochen, zerdrückt | danificado, danificada, quebrado, quebrada, partido, amassado | danneggiato, danneggiata, rotto, rotta | beschadigd, kapot, gebroken | 损坏, 破损, 坏了, 摔坏 | 破損, 壊れ, 割れ
faulty defective | defectuoso, defecto, no funciona | défectueux, défaut | defekt, mangelhaft | defeituoso, defeito | difettoso, difetto | defect | 质量, 瑕疵, 故障 | 不良, 欠陥, 故障
address | dirección, direccion, domicilio | adresse | adresse, anschrift | endereço, morada | indirizzo | adres | 地址 | 住所, 宛先
change | cambiar, cambio, modificar, modificación | changer, modifier, changement, modification | ändern, änderung, geändert, umstellen | alterar, mudar, alteração, modificar | cambiare, modificare, modifica | wijzigen, veranderen, aanpassen, wijziging | 更改, 修改, 改成, 换成 | 変更, 変え
customs duties | aduana, aranceles, impuestos de importación | douane, droits de douane | zoll, zollgebühren, einfuhr | alfândega, taxas alfandegárias, taxa de importação | dogana, dazi | douane, invoerrechten | 海关, 关税 | 税関, 関税
refund money back | reembolso, reembolsar, reembolsado, devuelvan el dinero | remboursement, rembourser, remboursé | rückerstattung, erstatten, erstattet, erstattung, geld zurück | reembolso, reembolsar, estorno, devolução do dinheiro | rimborso, rimborsare, rimborsato | terugbetaling, geld terug, restitutie, terugbetaald | 退款, 退钱 | 返金, 払い戻し
return | devolver, devolución, devolucion, devuelto | retour, retourner, renvoyer, renvoi | rücksendung, zurücksenden, zurückschicken, zurückgeben, retoure | devolver, devolução, devolvido | reso, restituire, rendere, restituzione | retour, retourneren, terugsturen, retourzending | 退货, 退回 | 返品, 返送
exchange swap | cambiar por, canje | échange, échanger | umtausch, umtauschen, tauschen | troca, trocar | sostituzione, sostituire | ruilen, omruilen | 换货, 调换 | 交換
label | etiqueta | étiquette | etikett, rücksendeetikett, label | etiqueta | etichetta | label, etiket | 标签, 面单 | ラベル, 伝票
charged charge | cobro, cobrado, cobraron, cobrar, cargo, cargaron | débité, prélevé, facturé, prélèvement, débit | abgebucht, belastet, abbuchung, berechnet | cobrado, cobrança, cobraram, cobrar, debitado | addebitato, addebito, addebitati | afgeschreven, afschrijving, aangerekend | 扣款, 扣费, 收费, 扣了 | 請求, 引き落とし, 課金
twice double | dos veces, duplicado, doble | deux fois, en double | doppelt, zweimal | duas vezes, duplicado, duplicada, duplicidade | due volte, doppio | dubbel, twee keer, tweemaal | 两次, 重复 | 二重, 2回, 二回
invoice | factura | facture | rechnung | fatura, nota fiscal | fattura | factuur | 发票 | 請求書, インボイス
receipt | recibo, comprobante | reçu de paiement, justificatif | quittung, beleg | recibo, comprovante | ricevuta, scontrino | bon, kwitantie, bonnetje | 收据, 小票 | 領収書, レシート
payment pay | pago, pagar, pagado, pagué | paiement, payer, payé | zahlung, bezahlen, bezahlt, zahlen | pagamento, pagar, paguei, pago | pagamento, pagare, pagato | betaling, betalen, betaald | 付款, 支付, 付钱 | 支払, 決済, 払っ
card | tarjeta | carte bancaire, carte | karte, kreditkarte | cartão | carta di credito, carta | kaart, creditcard, pinpas | 信用卡, 银行卡, 卡 | カード
declined | rechazada, rechazado, rechaza | refusée, refusé, refuse | abgelehnt | recusado, recusada, negado, negada | rifiutata, rifiutato | geweigerd, afgewezen | 被拒, 拒绝 | 拒否, 通らない
subscription membership | suscripción, membresía | abonnement, adhésion | abonnement, abo, mitgliedschaft | assinatura, subscrição | abbonamento, iscrizione | abonnement, lidmaatschap | 订阅, 会员 | サブスク, 定期購読, 会員
cancel | cancelar, cancela, cancelación, anular, anula | annuler, annule, annulation, annulé, résilier | stornieren, storno, storniere, kündigen, kündigung, absagen, abbrechen | cancelar, cancela, cancelamento | cancellare, cancella, annullare, annulla, disdire | annuleren, annuleer, opzeggen, afzeggen | 取消 | キャンセル, 取り消, 解約
delete remove | borrar, borra, eliminar, elimina, quitar | supprimer, supprime, effacer, retirer | löschen, lösche, entfernen, entferne | apagar, apaga, excluir, exclua, eliminar, remover | eliminare, elimina, rimuovere, rimuovi, cancellare | verwijderen, verwijder, wissen, wis | 删除, 删掉, 去掉 | 削除, 消し, 消去
account | cuenta | compte | konto, benutzerkonto | conta | account, conto, profilo | account | 账户, 帐户, 账号, 帐号 | アカウント
login sign in | iniciar sesión, acceder, acceso, entrar, ingresar | connecter, connexion, identifier | anmelden, einloggen, anmeldung, login, einzuloggen | entrar, login, acessar, acesso, iniciar sessão | accedere, accesso, login | inloggen, aanmelden, login, log in | 登录, 登陆, 登入 | ログイン, サインイン
locked blocked | bloqueada, bloqueado, bloqueo, bloquearon | bloqué, bloquée, verrouillé | gesperrt, sperre, blockiert | bloqueada, bloqueado, bloqueio | bloccato, bloccata, blocco | geblokkeerd, vergrendeld | 锁定, 冻结, 被锁, 锁了 | ロック, 凍結
code | código | code | code | código | codice | code | 验证码, 代码, 码 | コード, 認証コード
verification authentication | verificación, autenticación | vérification, authentification | verifizierung, authentifizierung, bestätigung | verificação, autenticação | verifica, autenticazione | verificatie, authenticatie | 验证, 认证 | 認証
two factor | dos factores, doble factor | deux facteurs, double authentification | zwei-faktor, zweifaktor, 2fa | dois fatores | due fattori | tweestapsverificatie, twee factoren | 双重验证, 两步验证, 双因素 | 二段階認証, 2段階
phone | teléfono, móvil, celular | téléphone, portable | handy, telefon, smartphone | telefone, celular, telemóvel | telefono, cellulare | telefoon, mobiel, gsm | 手机, 电话 | 携帯, 電話, スマホ
username user | usuario | identifiant, utilisateur | benutzername, benutzer | usuário, utilizador | utente, nome utente | gebruikersnaam, gebruiker | 用户名, 用户 | ユーザー名, ユーザー
hacked compromised | hackeado, hackeada, pirateado | piraté, piratée | gehackt | hackeado, hackeada, invadida, invadido | hackerato | gehackt | 被盗, 盗号, 黑客 | 乗っ取, ハッキング, 不正アクセス
close account | cerrar, cierre | fermer, clôturer, fermeture | schließen, auflösen | encerrar, fechar | chiudere, chiusura | sluiten, opheffen | 注销, 关闭 | 退会, 閉鎖
item product | artículo, producto | article, produit | artikel, produkt, ware | artigo, produto, item | articolo, prodotto | artikel, product | 商品, 产品, 物品, 东西 | 商品, 製品, 品物
missing | falta, faltaba, faltan, faltante | manque, manquant, manquait | fehlt, fehlend, fehlen, fehlte | falta, faltando, faltou | manca, mancante, mancava | ontbreekt, ontbrekend, ontbrak | 少了, 缺少, 漏发, 少发 | 足りない, 不足, 入っていない, 欠品
wrong | equivocado, equivocada, incorrecto, incorrecta, erróneo | mauvais, mauvaise, erroné, incorrect | falsch, falsche, falschen, verkehrt | errado, errada, incorreto, incorreta | sbagliato, sbagliata | verkeerd, verkeerde, fout | 错, 发错, 不对 | 間違, 違う, 別の
size | talla, tamaño | taille, pointure | größe, grösse | tamanho | taglia, misura | maat, grootte | 尺码, 尺寸, 大小 | サイズ
warranty guarantee | garantía | garantie | garantie, gewährleistung | garantia | garanzia | garantie | 保修, 质保 | 保証
stock available | stock, disponible, agotado, existencias | stock, disponible, rupture | lager, vorrätig, verfügbar, ausverkauft | estoque, stock, esgotado, disponível | disponibile, esaurito, magazzino | voorraad, uitverkocht, beschikbaar | 库存, 缺货, 有货, 到货 | 在庫, 入荷, 品切れ
price | precio | prix | preis | preço | prezzo | prijs | 价格, 价钱 | 価格, 値段
discount coupon | descuento, cupón | réduction, remise, coupon, code promo | rabatt, gutschein | desconto, cupom, cupão | sconto, coupon, buono | korting, kortingscode | 优惠, 折扣, 优惠券 | 割引, クーポン
gift | regalo | cadeau | geschenk | presente | regalo | cadeau | 礼物 | ギフト, プレゼント
courier | mensajero, repartidor, transportista | livreur, transporteur | kurier, zusteller, paketbote, bote | transportadora, estafeta, entregador | corriere | koerier, bezorger | 快递员 | 配達員, 宅配業者
door | puerta | porte | tür, haustür | porta | porta | deur | 门, 门口 | ドア, 玄関
box | caja | boîte, carton | karton, kiste, schachtel | caixa | scatola | doos | 箱子, 盒子, 箱 | 箱
international abroad | internacional, extranjero | international, étranger | international, ausland | internacional, exterior | internazionale, estero | internationaal, buitenland | 国际, 海外 | 海外, 国際
shipping cost | gastos de envío | frais de port, frais de livraison | versandkosten | frete, portes | spese di spedizione | verzendkosten | 运费 | 送料
vat tax company | iva, empresa | tva, entreprise, société | mwst, mehrwertsteuer, ust, firma | iva, empresa, nif | iva, azienda, partita iva | btw, bedrijf | 增值税, 公司, 税 | 消費税, 会社, 税
expired | caducada, caducado, vencida, vencido | expirée, expiré | abgelaufen | expirou, expirado, vencido | scaduta, scaduto | verlopen | 过期 | 期限切れ
buy purchase | comprar, compra, compré, comprado | acheter, achat, acheté | kaufen, gekauft, kauf | comprar, compra, comprei, comprado | comprare, acquisto, acquistato, comprato | kopen, gekocht, aankoop | 购买, 买了, 买的 | 購入, 買っ
money | dinero | argent | geld | dinheiro | soldi, denaro | geld | 钱 | お金
app | aplicación, app | application, appli | app, anwendung | aplicativo, app, aplicação | app, applicazione | app | 应用, app | アプリ
crash | se cierra, se bloquea, crashea | plante, crash, se ferme | abstürzt, absturz, stürzt, abgestürzt | trava, fecha sozinho, crasha | si blocca, crash, si chiude | crasht, loopt vast | 闪退, 崩溃 | クラッシュ, 落ちる, 強制終了, 落ち
error | error, fallo | erreur, bug | fehler, fehlermeldung | erro, falha | errore | fout, foutmelding | 错误, 报错 | エラー, 不具合
checkout | finalizar compra, caja | paiement en ligne, validation de commande | kasse, bezahlvorgang | checkout, finalizar compra | cassa, checkout | afrekenen | 结账, 结算 | 決済画面, レジ, チェックアウト
website page | página, web, sitio | site, page | webseite, website, seite | site, página | sito, pagina | website, pagina, site | 网站, 页面, 网页 | サイト, ページ, ホームページ
load | cargar, carga | charger, chargement, charge pas | laden, lädt | carregar, carrega | caricare, carica | laden, laadt | 加载, 打不开 | 読み込, 開かない
work working | funciona, funcionar | fonctionne, marche | funktioniert, geht nicht | funciona, funcionar | funziona, funzionare | werkt, werken | 用不了, 无法使用, 不能用 | 動かない, 使えない
problem issue | problema | problème | problem | problema | problema | probleem | 问题 | 問題
help | ayuda, ayudar, ayúdenme | aide, aider | hilfe, helfen | ajuda, ajudar | aiuto, aiutare | hulp, helpen | 帮助, 帮忙, 帮我 | 助け, 手伝
wifi wireless | wifi, wi-fi, inalámbrica | wifi, wi-fi, sans fil | wlan, wifi, drahtlos | wifi, wi-fi, sem fio | wifi, wi-fi, senza fili | wifi, wi-fi, draadloos | 无线, wifi | 無線, wifi, ワイファイ
network internet | red, internet | réseau, internet | netzwerk, netz, internet | rede, internet | rete, internet | netwerk, internet | 网络, 网 | ネットワーク, ネット, インターネット
slow | lento, lenta, lentitud | lent, lente, lenteur | langsam | lento, lenta, lentidão | lento, lenta | traag, langzaam | 慢, 很慢 | 遅い, 重い
connect connection | conectar, conexión, conecta | connecter, connexion | verbinden, verbindung, verbunden | conectar, conexão, conecta | connettere, connessione, collegare | verbinden, verbinding | 连接, 连不上, 连不 | 接続, つながら, 繋がら
vpn | vpn | vpn | vpn | vpn | vpn | vpn | vpn | vpn
printer | impresora | imprimante | drucker | impressora | stampante | printer | 打印机 | プリンター, プリンタ
print | imprimir, imprime | imprimer, imprime, impression | drucken, druckt, druckauftrag | imprimir, imprime, impressão | stampare, stampa | printen, afdrukken, print | 打印 | 印刷
paper jam | papel, atasco, atascado | papier, bourrage | papier, papierstau, stau | papel, atolado, encravado | inceppata, inceppamento, inceppato | papier, vastgelopen, papierstoring | 纸, 卡纸 | 紙, 紙詰まり
laptop computer | portátil, ordenador, computadora | ordinateur, pc | laptop, rechner, computer, notebook | computador, notebook, portátil | computer, portatile | laptop, computer | 电脑, 笔记本 | パソコン, ノートパソコン, pc
screen | pantalla | écran | bildschirm, display | tela, ecrã | schermo | scherm | 屏幕, 显示器 | 画面, 液晶, モニター
turn on boot start | enciende, arranca, encender | démarre, allume, démarrer | startet, hochfahren, einschalten, fährt nicht hoch | liga, ligar, inicia, iniciar | accende, avvia, accendere | opstarten, start, aanzetten | 开机, 启动, 开不了机 | 起動, 電源
install | instalar | installer | installieren | instalar | installare | installeren | 安装 | インストール
reinstall | reinstalar, reinstalé | réinstaller, réinstallé, réinstallée | neu installiert, neuinstallation | reinstalar, reinstalei | reinstallare, reinstallato | opnieuw geïnstalleerd | 重装, 重新安装 | 再インストール
software program | programa, software | logiciel | software, programm | programa, software | programma, software | software, programma | 软件 | ソフト, ソフトウェア
license activation | licencia, activar, activación | licence, activer, activation | lizenz, aktivieren, aktivierung | licença, ativar, ativação | licenza, attivare, attivazione | licentie, activeren | 许可证, 授权, 激活 | ライセンス, アクティベーション, 認証キー
mailbox full | buzón, lleno, llena | boîte mail, pleine | postfach, voll | caixa de correio, cheia | casella, piena | mailbox, vol | 满了, 已满 | メールボックス, いっぱい, 容量
storage space | espacio, almacenamiento | espace, stockage | speicher, speicherplatz | espaço, armazenamento | spazio, memoria | opslag, ruimte | 空间, 存储 | ストレージ, 保存容量
phishing suspicious | sospechoso, sospechosa, phishing | suspect, suspecte, hameçonnage | verdächtig, phishing | suspeito, suspeita | sospetta, sospetto | verdacht, verdachte | 钓鱼, 可疑 | 不審, フィッシング, 怪しい
sync | sincroniza, sincronizar | synchronise, synchroniser, synchronisation | synchronisiert, synchronisieren, synchronisation | sincroniza, sincronizar | sincronizza, sincronizzare | synchroniseert, synchroniseren | 同步 | 同期
keyboard | teclado | clavier | tastatur | teclado | tastiera | toetsenbord | 键盘 | キーボード
mouse | ratón | souris | maus | rato, mouse | mouse | muis | 鼠标 | マウス
battery | batería | batterie | akku, batterie | bateria | batteria | batterij, accu | 电池 | バッテリー, 電池
charger | cargador | chargeur | ladegerät, netzteil | carregador | caricatore | oplader | 充电器 | 充電器
calendar | calendario | calendrier, agenda | kalender | calendário, agenda | calendario | agenda, kalender | 日历 | カレンダー
attachment | adjunto | pièce jointe | anhang | anexo | allegato | bijlage | 附件 | 添付
office | oficina | bureau | büro | escritório | ufficio | kantoor | 办公室 | オフィス, 事務所, 会社
home | casa | maison, domicile | zuhause, hause, heim | casa | casa | thuis, huis | 家 | 家, 自宅
update | actualizar, actualización | mettre à jour, mise à jour | aktualisieren, aktualisierung, update | atualizar, atualização | aggiornare, aggiornamento | bijwerken, update | 更新, 升级 | 更新, アップデート
colour | color | couleur | farbe | cor | colore | kleur | 颜色 | 色
message | mensaje | message | nachricht | mensagem | messaggio | bericht | 消息, 信息, 短信 | メッセージ
send sent | enviar, envié, mandar, mandé | envoyer, envoyé | senden, schicken, geschickt, gesendet | enviar, enviei, mandar, mandei | inviare, inviato, mandare, mandato | sturen, verstuurd, gestuurd | 发送, 发了 | 送信, 送っ, 送ら
link | enlace | lien | link | link | link, collegamento | link | 链接 | リンク
open | abrir, abre, abro | ouvrir, ouvre | öffnen, öffnet, öffne | abrir, abre, abro | aprire, apre | openen, opent | 打开 | 開け, 開か, 開く
week | semana | semaine | woche | semana | settimana | week | 周, 星期, 礼拜 | 週, 週間
weekend | fin de semana | week-end | wochenende | fim de semana | fine settimana, weekend | weekend | 周末 | 週末
month | mes | mois | monat | mês | mese | maand | 月 | 月, ヶ月
day days | día, días | jour, jours, journée | tag, tage, tagen | dia, dias | giorno, giorni | dag, dagen | 天 | 日
hour o'clock | hora, horas | heure, heures | uhr, stunde, stunden | hora, horas | ora, ore | uur | 点, 小时 | 時, 時間
minute minutes | minuto, minutos | minute, minutes | minute, minuten | minuto, minutos | minuto, minuti | minuut, minuten | 分钟 | 分
today | hoy | aujourd'hui | heute | hoje | oggi | vandaag | 今天 | 今日
tomorrow | mañana | demain | morgen | amanhã | domani | morgen | 明天 | 明日
yesterday | ayer | hier | gestern | ontem | ieri | gisteren | 昨天 | 昨日
morning | por la mañana, madrugada | matin, matinée | vormittag, früh, morgens | manhã | mattina, mattino | ochtend, morgens | 早上, 上午 | 朝, 午前
afternoon | tarde | après-midi | nachmittag | tarde | pomeriggio | middag | 下午 | 午後
evening night tonight | noche, esta noche | soir, soirée, nuit, ce soir | abend, heute abend, nacht | noite | sera, stasera, notte | avond, vanavond, nacht | 晚上, 今晚 | 夜, 今夜, 今晩
now current | ahora, actual | maintenant, actuel, actuellement | jetzt, aktuell, gerade | agora, atual | adesso, attuale | nu, huidige | 现在, 当前 | 今, 現在
next | próximo, próxima, siguiente | prochain, prochaine | nächste, nächsten, nächster | próximo, próxima | prossimo, prossima | volgende | 下个, 下周 | 次, 来週
every each | cada | chaque, tous les | jeden, jede, jedes | cada | ogni | elke, iedere | 每, 每天 | 毎, 毎日
all | todos, todas, todo | tous, toutes, tout | alle, alles | todos, todas, tudo | tutti, tutte, tutto | alle, allemaal | 所有, 全部 | すべて, 全て, 全部
still yet | todavía, aún | toujours, encore | immer noch, noch | ainda | ancora | nog, nog steeds | 还, 仍然, 还没 | まだ
where | dónde | où | wo | onde | dove | waar | 哪里, 在哪 | どこ
when | cuándo | quand | wann | quando | quando | wanneer | 什么时候, 何时 | いつ
how much | cuánto | combien | wieviel, wie viel | quanto | quanto | hoeveel | 多少 | いくら
need | necesito, necesitar | besoin | brauche, brauchen, benötige | preciso, precisar | bisogno | nodig | 需要 | 必要
want | quiero, querer, quisiera | veux, voudrais, vouloir | möchte, will, wollen | quero, gostaria | voglio, vorrei | wil, wil graag | 想, 要 | したい, たい, ほしい
call | llamar, llamada | appeler, appel | anrufen, anruf | chamar, telefonar, chamada | chiamare, chiamata | bellen, oproep | 打电话 | 電話
meeting appointment | reunión, cita | réunion, rendez-vous | termin, besprechung, treffen | reunião, consulta, compromisso | riunione, appuntamento | vergadering, afspraak | 会议, 约会, 预约 | 会議, 予定, 約束
doctor | médico, doctor, dentista | médecin, docteur, dentiste | arzt, ärztin, zahnarzt | médico, dentista | medico, dentista | dokter, arts, tandarts | 医生, 牙医 | 医者, 歯医者
medicine | medicina, medicamento, pastilla | médicament, médicaments | medikament, medizin, tabletten | remédio, medicamento | medicina, medicinale, medicine | medicijn, medicijnen | 药 | 薬
take | tomar | prendre | nehmen, einnehmen | tomar | prendere | nemen, innemen | 吃, 拿 | 飲む, 飲み
shop store | tienda, supermercado | magasin, boutique | geschäft, supermarkt | loja, supermercado | negozio, supermercato | winkel, supermarkt | 商店, 超市 | 店, スーパー
school | escuela, colegio | école | schule | escola | scuola | school | 学校 | 学校
go | ir, voy | aller | gehen, fahren | ir, vou | andare | gaan | 去 | 行く, 行き
tell | dime, decir, dígame | dis, dire, dites | sag, sagen, sage | diga, dizer, diz | dimmi, dire, dica | zeg, vertel | 告诉 | 教えて, 知らせ
weather | tiempo, clima | météo, temps | wetter | tempo, clima | tempo, meteo | weer | 天气 | 天気
forecast | pronóstico, previsión | prévision, prévisions | vorhersage, wettervorhersage | previsão | previsioni, previsione | voorspelling, weersverwachting, verwachting | 预报 | 予報
rain | lluvia, llover, lloverá, llueve | pluie, pleuvoir, pleut, pleuvra | regen, regnen, regnet | chuva, chover, chove, choverá | pioggia, piovere, piove, pioverà | regen, regenen, regent | 雨, 下雨 | 雨
snow | nieve, nevar, nevará, nieva | neige, neiger | schnee, schneien, schneit | neve, nevar | neve, nevicare, nevica, nevicherà | sneeuw, sneeuwen | 雪, 下雪 | 雪
sunny sun | sol, soleado | soleil, ensoleillé | sonne, sonnig | sol, ensolarado | sole, soleggiato | zon, zonnig | 晴, 晴天, 阳光, 太阳 | 晴れ, 日差し
hot | calor, caliente, caluroso | chaud, chaleur | heiß, heiss, warm, hitze | calor, quente | caldo | heet, warm | 热 | 暑い, 暑, 暑く
cold | frío, fría | froid | kalt, kälte | frio, fria | freddo, fredda | koud | 冷 | 寒い, 寒, 寒く
temperature | temperatura | température | temperatur, grad | temperatura | temperatura | temperatuur, graden | 温度, 气温 | 気温, 温度
wind windy | viento | vent | wind, windig | vento | vento, ventoso | wind, winderig | 风, 刮风 | 風
cloudy | nublado, nubes | nuageux, nuages | bewölkt, wolken, wolkig | nublado, nuvens | nuvoloso, nuvole | bewolkt, wolken | 多云, 阴天 | 曇り, 雲
humidity | humedad | humidité | luftfeuchtigkeit, feuchtigkeit | umidade, humidade | umidità | luchtvochtigheid, vochtigheid | 湿度 | 湿度
umbrella | paraguas | parapluie | regenschirm, schirm | guarda-chuva | ombrello | paraplu | 雨伞, 伞 | 傘
freezing | helada, bajo cero, congelar | gel, geler, gèle | frost, gefrier | congelar, geada | gelo, gelare | vriezen, vorst | 结冰, 零下 | 氷点下, 凍
alarm | alarma, despertador | alarme, réveil | wecker, alarm | alarme, despertador | sveglia, allarme | wekker, alarm | 闹钟, 闹铃 | アラーム, 目覚まし
wake | despertar, despiértame | réveiller, réveille | wecken, weck | acordar, acorde | svegliare, svegliami | wekken, wakker | 叫醒, 醒 | 起こし, 起き
set | poner, pon, programar, configurar, establecer | mettre, mets, régler, programmer | stellen, stell, einstellen, stelle | definir, configurar, colocar, programar | impostare, imposta, metti | zet, zetten, instellen | 设置, 设定, 设 | 設定, セット, かけて
remind reminder | recordar, recuérdame, recordatorio, recordatorios | rappeler, rappelle, rappel, rappels | erinnern, erinnere, erinnerung, erinnerungen | lembrar, lembre, lembrete, lembretes | ricordare, ricordami, promemoria | herinneren, herinner, herinnering, herinneringen | 提醒 | リマインド, リマインダー, 思い出させ
show | mostrar, muestra, muéstrame, ver, enseñar | montrer, montre, afficher, affiche, voir | zeige, zeigen, anzeigen, zeig | mostrar, mostre, ver | mostrare, mostrami, mostra, vedere | toon, tonen, laat zien, weergeven | 显示, 查看, 看看 | 見せ, 表示
stop turn off | apagar, apaga, detener, desactivar | arrêter, arrête, éteindre, désactiver | ausschalten, stoppen, deaktivieren, abschalten, schalte | desligar, desliga, parar, desativar | spegnere, spegni, fermare, disattivare | uitzetten, stoppen, uitschakelen | 关掉, 关闭, 停止 | 止め, 停止, オフ, 解除
snooze | posponer | répéter, snooze | schlummern, schlummer | soneca, adiar | posticipa, rimanda | sluimer, snooze | 贪睡, 稍后提醒 | スヌーズ
play | reproducir, reproduce, toca, tocar | jouer, joue, lire, lis | spiele, spielen, abspielen, spiel | tocar, toque, toca, reproduzir | riproduci, suona, suonare, riprodurre | speel, spelen, afspelen | 播放, 放 | 再生, かけ, 流し, 流して
music | música | musique | musik | música | musica | muziek | 音乐 | 音楽, ミュージック
song tune | canción, canciones, tema | chanson, morceau | lied, song, titel, lieder | canção, faixa | canzone, brano | nummer, liedje, lied | 歌, 歌曲 | 曲, 歌
album | álbum, album | album | album | álbum | album | album | 专辑 | アルバム
playlist | lista de reproducción, playlist | liste de lecture, playlist | wiedergabeliste, playlist | lista de reprodução, playlist | playlist, scaletta | afspeellijst, playlist | 播放列表, 歌单 | プレイリスト
add | añadir, añade, agregar, agrega | ajouter, ajoute | hinzufügen, füge, hinzu | adicionar, adicione, acrescentar, adiciona | aggiungere, aggiungi | toevoegen, voeg | 添加, 加入, 加到 | 追加, 加え
listen | escuchar, escucha | écouter, écoute | hören, anhören | ouvir, escutar | ascoltare, ascolta | luisteren, horen | 听 | 聴き, 聞き, 聴
artist singer | artista, cantante | artiste, chanteur, chanteuse | künstler, künstlerin, sänger, sängerin | artista, cantor, cantora | artista, cantante | artiest, zanger, zangeres | 艺术家, 歌手 | アーティスト, 歌手
book | libro | livre | buch | livro | libro | boek | 书 | 本
reserve reservation | reservar, reserva, reservación | réserver, réservation | reservieren, reservierung, buchen, buchung | reservar, reserva | prenotare, prenotazione, prenota | reserveren, reservering, boeken | 预订, 预定, 订位, 订 | 予約
table | mesa | table | tisch | mesa | tavolo | tafel | 桌, 位子 | テーブル, 席
restaurant | restaurante | restaurant | restaurant, gaststätte, lokal | restaurante | ristorante, trattoria, osteria | restaurant | 餐厅, 饭店, 餐馆 | レストラン
people | personas, gente | personnes, gens | personen, leute | pessoas | persone | personen, mensen | 人, 位 | 人, 名
food | comida | cuisine, nourriture, manger | essen, küche | comida | cibo, cucina | eten | 菜, 吃饭, 食物 | 料理, 食事
rate rating | puntuar, calificar, valorar, calificación | noter, note, évaluer | bewerten, bewertung, bewerte | avaliar, avaliação, nota | valutare, voto, valuta | beoordelen, beoordeel, waardering | 评分, 打分, 评价 | 評価, 採点
stars | estrellas | étoiles | sterne | estrelas | stelle | sterren | 星 | 星
points | puntos | points | punkte | pontos | punti | punten | 分 | 点
movie film | película, películas | film, films | film, filme | filme, filmes | film | film, films | 电影, 影片 | 映画
cinema theater | cine | cinéma | kino | cinema | cinema | bioscoop | 电影院 | 映画館
schedule showtimes | horario, horarios, cartelera | horaires, séances, programme | spielzeiten, programm, vorstellung | horários, sessões, programação | orari, programmazione, spettacoli | tijden, voorstellingen, programma | 场次, 时间表, 上映 | 上映, スケジュール
find search | buscar, busca, busque, encuentra, encontrar | trouver, trouve, chercher, cherche, rechercher | finde, finden, suche, suchen, such | encontrar, encontre, procurar, procure, buscar | trovare, trova, cercare, cerca | vind, vinden, zoek, zoeken | 找, 搜索, 查找, 查 | 探し, 検索, 探す
series tv show | serie, programa de televisión | série, émission | serie, fernsehserie, fernsehsendung | série, programa de tv | serie, programma tv | serie, tv-programma | 电视剧, 节目 | ドラマ, 番組
game | juego, videojuego | jeu, jeu vidéo | spiel, videospiel | jogo, videogame | gioco, videogioco | spel, videogame | 游戏 | ゲーム
picture photo | foto, imagen, fotografía | photo, image, photographie | bild, foto | foto, imagem, fotografia | foto, immagine, fotografia | foto, afbeelding | 照片, 图片 | 写真, 画像
list | lista, listado | liste | liste | lista | lista, elenco | lijst, overzicht | 列表, 清单 | リスト, 一覧
watch see | ver, mirar | regarder, voir | ansehen, anschauen, sehen | assistir, ver | guardare, vedere | kijken, zien | 看 | 見る, 観
showing playing | proyectan, echan, en cartelera | passe, à l'affiche | läuft, laufen, zeigt | passando, em cartaz, exibindo | danno, in programmazione | draait, draaien | 放映, 上映, 在放 | 上映, 公開
near nearby | cerca, cercano | près, proche | nähe, nahe, in der nähe | perto, próximo de | vicino | dichtbij, in de buurt | 附近, 最近 | 近く, 近所
television tv | televisión, tele | télé, télévision | fernsehen, fernseher | televisão | televisione | televisie, tv | 电视 | テレビ
soundtrack | banda sonora | bande originale | soundtrack, filmmusik | trilha sonora | colonna sonora | soundtrack | 原声, 配乐 | サウンドトラック, サントラ
give | dale, dar, da, pon | donne, donner, attribue | gib, geben, vergebe | dê, dar, atribua | dai, dare, assegna | geef, geven | 给 | つけ, 付け
serving | sirva, sirve, sirven | sert, servent | serviert | sirva, serve | serve, servono | serveert | 提供 | 提供
coat jacket | abrigo, chaqueta | manteau, veste | mantel, jacke | casaco, jaqueta | cappotto, giacca | jas | 外套 | コート, 上着
degrees temperature | grados | degrés | grad | graus | gradi | graden | 度, 多少度 | 度
get up wake | levantarme | lever | aufstehen | levantar | alzarmi | opstaan | 起床, 叫我 | 起床
precipitation rain | precipitación | précipitations | niederschlag | precipitação | precipitazioni | neerslag | 降水 | 降, 降水
`;

/** Function words that tell the Latin-script languages apart (English included, so English text stays as it is). */
export const FUNCTION_WORDS: Record<string, string> = {
  en: 'the a an and or is are was were be been my your our it its to of for from in at on by with have has had not no this that these what which when where how who why you we they me can could will would should do does did please all any some there up out off',
  es: 'el la los las y es mi mis que de del no por para con una un está he ha se lo hace todavía pero muy',
  fr: 'le la les et est mon ma mes je que de des du ne pas pour avec une un il ce vous ai suis mais très',
  de: 'der die das und ist mein meine ich nicht ein eine mit für von zu den dem wie was wo habe hat noch aber sehr',
  pt: 'o a os as e é meu minha que de do da não por para com uma um eu está foi mas muito já',
  it: 'il lo la gli le e è mio mia che di del della non per con una un sono ho ha ma molto',
  nl: 'de het een en is mijn ik niet van voor met dat wat hoe waar heb heeft nog maar zijn te',
};
