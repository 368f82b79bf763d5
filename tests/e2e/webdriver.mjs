// A small W3C WebDriver (classic) client for Firefox, through geckodriver: for the extension's
// own pages. Firefox's WebDriver BiDi (what puppeteer drives) neither shows nor scripts
// moz-extension:// pages, and neither protocol may navigate to one; but a classic session can
// switch to a tab that the extension itself opened on its page, and script and photograph it.
// So the popup and the options page are tested in Firefox as they render: opened by the test
// copy's background (testCopy's "open" op) in a tab, as Chromium's tests open them in a tab.
import { spawn, execFileSync } from "node:child_process";
import net from "node:net";
import { testCopy, EXTENSION } from "./harness.mjs";

function which(cmd) {
  try {
    return execFileSync("sh", ["-c", `command -v ${cmd}`]).toString().trim();
  } catch {
    return null;
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

// `lang`: the UI language (its language pack installed), which the extension's _locales follow.
// `scheme`: "dark" or "light", what prefers-color-scheme says in pages and extension pages.
export async function firefoxSession({ lang = null, scheme = null } = {}) {
  const driver = process.env.GECKODRIVER || which("geckodriver");
  const binary = process.env.FIREFOX_PATH || which("firefox-esr") || which("firefox");
  const port = await freePort();
  const proc = spawn(driver, ["--host", "127.0.0.1", "--port", String(port)], { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const r = await fetch(base + path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const j = await r.json();
    if (j.value?.error) throw new Error(`WebDriver ${method} ${path}: ${j.value.error}: ${j.value.message}`);
    return j.value;
  };
  // geckodriver is listening once it answers its status.
  for (let i = 0; ; i++) {
    try {
      await call("GET", "/status");
      break;
    } catch (e) {
      if (i > 100) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const { sessionId } = await call("POST", "/session", {
    capabilities: {
      alwaysMatch: {
        browserName: "firefox",
        "moz:firefoxOptions": {
          binary,
          args: ["-headless"],
          prefs: {
            "network.proxy.type": 0,
            "app.update.enabled": false,
            "datareporting.policy.dataSubmissionEnabled": false,
            "toolkit.telemetry.enabled": false,
            ...(lang ? { "intl.locale.requested": lang, "extensions.langpacks.signatures.required": false } : {}),
            ...(scheme ? { "layout.css.prefers-color-scheme.content-override": scheme === "dark" ? 0 : 1, "ui.systemUsesDarkTheme": scheme === "dark" ? 1 : 0 } : {}),
          },
        },
      },
    },
  });
  const s = (path) => `/session/${sessionId}${path}`;
  await call("POST", s("/moz/addon/install"), { path: testCopy(EXTENSION), temporary: true });
  const wd = {
    goto: (url) => call("POST", s("/url"), { url }),
    url: () => call("GET", s("/url")),
    // Runs `fn` (a function's source, called with `args`) in the current tab; returns its value.
    run: (fn, ...args) => call("POST", s("/execute/sync"), { script: `return (${fn}).apply(null, arguments)`, args }),
    // Runs a script's source in the current tab.
    exec: (source) => call("POST", s("/execute/sync"), { script: source, args: [] }),
    handles: () => call("GET", s("/window/handles")),
    current: () => call("GET", s("/window")),
    switchTo: (handle) => call("POST", s("/window"), { handle }),
    closeTab: () => call("DELETE", s("/window")),
    // Opens a new tab, switches to it and returns its handle.
    newTab: async () => {
      const { handle } = await call("POST", s("/window/new"), { type: "tab" });
      await call("POST", s("/window"), { handle });
      return handle;
    },
    setSize: (width, height) => call("POST", s("/window/rect"), { width, height }),
    // A PNG of the current tab's viewport.
    screenshot: async () => Buffer.from(await call("GET", s("/screenshot")), "base64"),
    click: async (css) => {
      const el = await call("POST", s("/element"), { using: "css selector", value: css });
      await call("POST", s(`/element/${Object.values(el)[0]}/click`), {});
    },
    // Sets a file input's files (absolute paths).
    upload: async (css, paths) => {
      const el = await call("POST", s("/element"), { using: "css selector", value: css });
      await call("POST", s(`/element/${Object.values(el)[0]}/value`), { text: paths.join("\n") });
    },
    type: async (css, text) => {
      const el = await call("POST", s("/element"), { using: "css selector", value: css });
      const id = Object.values(el)[0];
      await call("POST", s(`/element/${id}/clear`), {});
      await call("POST", s(`/element/${id}/value`), { text });
    },
    // Waits until `fn` run in the current tab returns a truthy value.
    until: async (fn, ...args) => {
      const end = Date.now() + 15000;
      for (;;) {
        const v = await wd.run(fn, ...args);
        if (v) return v;
        if (Date.now() > end) throw new Error(`timed out waiting for ${String(fn).slice(0, 120)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    // Asks the test copy (testCopy's content hook, in the current tab) to open one of the
    // extension's pages in a new tab ("{tab}" in `path` becomes this tab's id), and switches to it.
    openExtensionPage: async (path) => {
      const before = new Set(await wd.handles());
      const from = await wd.current();
      await wd.run((p) => document.dispatchEvent(new CustomEvent("factflag-test", { detail: JSON.stringify({ op: "open", value: p }) })), path);
      let fresh;
      for (const end = Date.now() + 15000; !fresh; ) {
        fresh = (await wd.handles()).find((h) => !before.has(h));
        if (!fresh && Date.now() > end) throw new Error(`the extension did not open ${path}`);
        if (!fresh) await new Promise((r) => setTimeout(r, 50));
      }
      await wd.switchTo(fresh);
      await wd.until(() => document.readyState === "complete" && location.protocol === "moz-extension:");
      return { back: () => wd.switchTo(from), close: async () => (await wd.closeTab(), await wd.switchTo(from)) };
    },
    quit: async () => {
      await call("DELETE", `/session/${sessionId}`).catch(() => {});
      proc.kill();
    },
  };
  return wd;
}
