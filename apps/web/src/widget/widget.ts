/**
 * widget.js: the assistant on a team's own site.
 *   <script src="https://support.example.com/widget.js" data-smartdesk data-language="en" async></script>
 * Vanilla and tiny on purpose (no React): it only adds a launcher button and, on first open, an iframe of
 * /assistant/embed from the script's own origin. The chat runs inside the iframe, on the gateway's origin,
 * so the host page needs no CORS and never sees the conversation.
 */
import { EMBED_READY_MESSAGE } from './embed-messages';

const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-smartdesk]');

/** How long after the frame loaded the chat has to say it is there before we explain why it is not. */
const READY_GRACE_MS = 5_000;

function mount(source: HTMLScriptElement): void {
  const origin = new URL(source.src, location.href).origin;
  const language = source.dataset.language ?? document.documentElement.lang.slice(0, 2);
  const label = source.dataset.label ?? 'Ask our assistant';
  const side = source.dataset.position === 'left' ? 'left' : 'right';
  const z = '2147483000';

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.textContent = label;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'smartdesk-assistant');
  launcher.style.cssText = `position:fixed;bottom:20px;${side}:20px;z-index:${z};padding:12px 18px;border:0;border-radius:24px;background:#364fc7;color:#fff;font:600 15px system-ui,sans-serif;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)`;

  const panel = document.createElement('div');
  panel.id = 'smartdesk-assistant';
  panel.hidden = true;
  panel.style.cssText = `position:fixed;bottom:80px;${side}:20px;z-index:${z};width:min(400px,calc(100vw - 40px));height:min(620px,calc(100vh - 110px));border-radius:12px;overflow:hidden;box-shadow:0 8px 30px rgba(0,0,0,.3);background:#fff`;

  let frame: HTMLIFrameElement | undefined;
  let ready = false;
  addEventListener('message', (event) => {
    if (event.origin === origin && event.source === frame?.contentWindow && event.data === EMBED_READY_MESSAGE) ready = true;
  });

  const open = (opened: boolean) => {
    panel.hidden = !opened;
    launcher.setAttribute('aria-expanded', String(opened));
    if (opened && !frame) {
      frame = document.createElement('iframe');
      frame.title = label;
      frame.src = `${origin}/assistant/embed${language ? `?lang=${encodeURIComponent(language)}` : ''}`;
      frame.style.cssText = 'width:100%;height:100%;border:0';
      frame.addEventListener('load', () =>
        setTimeout(() => {
          if (!ready) {
            console.warn(
              `Smartdesk widget: the assistant at ${origin} refused to be framed by ${location.origin}. Add ${location.origin} to WIDGET_ALLOWED_ORIGINS in the Smartdesk gateway's environment (comma-separated origins) and restart it.`,
            );
          }
        }, READY_GRACE_MS),
      );
      panel.append(frame);
    }
    if (opened) frame?.focus();
  };
  launcher.addEventListener('click', () => open(panel.hidden));
  addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      open(false);
      launcher.focus();
    }
  });
  document.body.append(panel, launcher);
}

if (!script) console.warn('Smartdesk widget: load widget.js with a <script src=".../widget.js" data-smartdesk> tag.');
else if (document.body) mount(script);
else addEventListener('DOMContentLoaded', () => mount(script));
