// Inside the widget's shadow root: the page's styles do not reach in, and these do not leak out. `all: initial` on the
// host stops the page's inherited ones (font, colour, line height) too.
export const widgetCss = `
:host { all: initial; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.root { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; }
button, input, textarea { font: inherit; color: inherit; }
.launcher {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
  min-width: 48px; height: 48px; padding: 0 18px; border: 0; border-radius: 24px;
  background: #1d4ed8; color: #fff; font-weight: 600; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25);
}
.launcher:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.panel {
  position: fixed; right: 8px; bottom: 76px; z-index: 2147483000;
  width: min(380px, calc(100vw - 16px)); max-height: min(620px, calc(100vh - 92px)); overflow: auto;
  display: flex; flex-direction: column; background: #fff; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.3);
}
.panel[hidden] { display: none; }
header { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 12px 16px; background: #1d4ed8; color: #fff; }
h2 { margin: 0; font-size: 17px; overflow-wrap: anywhere; }
.close { border: 0; background: transparent; color: #fff; cursor: pointer; padding: 4px 8px; font-size: 14px; text-decoration: underline; }
.tabs { display: flex; border-bottom: 1px solid #d2d6dc; }
.tabs button { flex: 1; padding: 10px; border: 0; background: #f4f5f7; cursor: pointer; }
.tabs button[aria-selected="true"] { background: #fff; font-weight: 600; box-shadow: inset 0 -3px 0 #1d4ed8; }
.body { padding: 14px 16px; display: flex; flex-direction: column; gap: 10px; }
.body[hidden] { display: none; }
form { display: flex; flex-direction: column; gap: 8px; }
.search { flex-direction: row; }
.search input { flex: 1; min-width: 0; }
input, textarea { width: 100%; padding: 8px 10px; border: 1px solid #9aa5b1; border-radius: 6px; background: #fff; }
textarea { min-height: 110px; resize: vertical; }
label { display: flex; flex-direction: column; gap: 4px; font-size: 14px; }
.primary { padding: 9px 14px; border: 0; border-radius: 6px; background: #1d4ed8; color: #fff; font-weight: 600; cursor: pointer; }
.primary:disabled { opacity: .6; cursor: default; }
ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; }
li a { color: #1d4ed8; font-weight: 600; overflow-wrap: anywhere; }
li p { margin: 2px 0 0; font-size: 14px; color: #52606d; overflow-wrap: anywhere; }
.muted { color: #52606d; font-size: 14px; margin: 0; }
.notice { color: #14532d; background: #dcfce7; padding: 8px 10px; border-radius: 6px; margin: 0; }
.error { color: #7f1d1d; background: #fee2e2; padding: 8px 10px; border-radius: 6px; margin: 0; }
h3 { margin: 6px 0 0; font-size: 15px; }
.chat { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; max-height: 280px; overflow-y: auto; }
.chat li { max-width: 85%; padding: 6px 10px; border-radius: 10px; background: #f4f5f7; }
.chat li.mine { align-self: flex-end; background: #dbeafe; }
.chat li strong { display: block; font-size: 12px; color: #52606d; }
.chat li p { margin: 2px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; color: #1f2933; font-size: 15px; }
`;
