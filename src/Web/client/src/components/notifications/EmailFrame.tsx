import { useMemo, useRef } from "preact/hooks";

/**
 * An email's HTML as the mailbox shows it, in an iframe sandboxed without scripts. A srcdoc document inherits this page's
 * Content-Security-Policy, which refuses style attributes (and every email styles inline) and other hosts' images. So the
 * styles travel in data attributes and are applied through the CSSOM once the frame has loaded, which the policy allows
 * (allow-same-origin lets this page reach in; with no allow-scripts nothing in the email can run). Other hosts' images
 * cannot be shown here: they keep their alt text.
 */
export function EmailFrame({ html, title }: { html: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const source = useMemo(() => framable(html), [html]);

  function styled() {
    const iframe = frame.current;
    const document = iframe?.contentDocument;
    if (!iframe || !document) return;
    for (const element of document.querySelectorAll<HTMLElement>("[data-inline-style]")) element.style.cssText = element.dataset.inlineStyle ?? "";
    iframe.style.height = `${document.documentElement.scrollHeight}px`;
  }

  return <iframe ref={frame} class="email-frame" title={title} sandbox="allow-same-origin" srcdoc={source} onLoad={styled} />;
}

/**
 * The HTML with its style attributes renamed and other hosts' images without a source. Done on the text: parsing it here
 * (DOMParser) would already apply the styles under the policy, which reports every one. The sanitizer writes each tag
 * whole, with quoted attribute values; a tag whose value holds a ">" would keep its style, which the frame then refuses
 * (unstyled, never unsafe).
 */
function framable(html: string): string {
  return html
    .replace(/(<[a-zA-Z][^<>]*?\s)style=/g, "$1data-inline-style=")
    .replace(/(<img\b[^<>]*?\s)src=(?!"data:)/gi, "$1data-blocked-src=");
}
