// The extension pages' words in the browser's language (_locales/*/messages.json): an element
// whose data-i18n names a message gets it as its text, one whose data-i18n-attr is attr:name as the
// attribute; FactFlagI18n.msg(key, ...subs) gives one to scripts. The page's lang follows the
// locale the browser chose. Content scripts get their words from the background instead.
"use strict";
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const msg = (key, ...subs) => api.i18n.getMessage(key, subs.map(String)) || key;
  document.documentElement.lang = msg("lang");
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = msg(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":");
      el.setAttribute(attr, msg(key));
    }
  }
  globalThis.FactFlagI18n = Object.freeze({ msg });
})();
