// The studio's page: the level's text in CodeMirror (editor.js, bundled from npm by
// tools/build_editor.sh), checked by the game as you type, a preview that replays your
// choices, and the story map. Everything goes to the studio on 127.0.0.1 with the run's
// secret; nothing is fetched from anywhere else.
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const token = document.querySelector("meta[name=studio-token]").content;
  const words = $("words").dataset;
  const source = $("source");
  const DEBOUNCE = 250;         // ms without typing before the text is checked
  const ANALYZE_AFTER = 600;    // and then before the (slower) analyzer runs
  let view = null;
  let version = 0;          // bumped on every change of the text
  let lastCheck = null;     // the newest /check answer
  let checkMarks = [], analyzeMarks = [];
  let made = [];            // the choices the preview replays
  let savedText = source.value;
  let timer = null;

  async function post(path, body) {
    let r;
    try {
      r = await fetch(path, {method: "POST", body: JSON.stringify(body), headers: {
        "content-type": "application/json", "x-studio-token": token}});
    } catch (e) { down(words.stopped); throw e; }
    if (r.status === 403) down(words.restarted);
    else if (r.status >= 500) down(words.failed);
    else if (r.ok) up();
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    return r.json();
  }

  // ---- the studio stopped (or failed): the page says so, and keeps the text
  function down(message) { $("down").textContent = message; $("down").hidden = false; }
  function up() { $("down").hidden = true; }
  const ALIVE_EVERY = 3000;   // ms between asking whether the studio is still there
  setInterval(async () => {
    try {
      const r = await fetch("/alive", {cache: "no-store"});
      if (!r.ok) down(words.stopped);
    } catch (e) { down(words.stopped); }
  }, ALIVE_EVERY);
  const text = () => view ? view.state.doc.toString() : source.value;

  // ---- the editor (or a plain text box if the bundle did not load)
  function offset(line, column) {
    if (!view) {
      const lines = source.value.split("\n");
      line = Math.max(1, Math.min(line, lines.length));
      let at = 0;
      for (let i = 0; i < line - 1; i++) at += lines[i].length + 1;
      return at + Math.min(column - 1, lines[line - 1].length);
    }
    const doc = view.state.doc;
    const l = doc.line(Math.max(1, Math.min(line, doc.lines)));
    return Math.min(l.from + Math.max(0, column - 1), l.to);
  }

  function goTo(line, column = 1) {
    const at = offset(line, column);
    if (view) {
      view.dispatch({selection: {anchor: at},
                     effects: CM.EditorView.scrollIntoView(at, {y: "start", yMargin: 40})});
      view.focus();
    } else {
      source.focus();
      source.setSelectionRange(at, at);
      const lineHeight = source.scrollHeight / Math.max(1, source.value.split("\n").length);
      source.scrollTop = (line - 2) * lineHeight;
    }
  }

  function changed() {
    version += 1;
    $("dirty").textContent = text() === savedText ? "" : `(${words.unsaved})`;
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE);
  }

  function startEditor() {
    const initial = source.value;
    if (!window.CM) {
      $("info").textContent = words.fallback;
      source.addEventListener("input", changed);
      return;
    }
    source.hidden = true;
    view = new CM.EditorView({
      parent: $("editor"),
      state: CM.EditorState.create({doc: initial, extensions: [
        CM.basicSetup, CM.yaml(), CM.lintGutter(), CM.EditorView.lineWrapping, CM.keymap.of([CM.indentWithTab]),
        CM.EditorView.updateListener.of((u) => { if (u.docChanged) changed(); }),
      ]}),
    });
  }

  // ---- problems: marks in the editor and the list under it
  function diagnostic(m) {
    const from = offset(m.line, m.column);
    let to = offset(m.line, m.to);
    if (to <= from) to = Math.min(from + 1, view.state.doc.length);
    const d = {from, to, severity: m.severity === "error" ? "error" : "warning",
               source: m.code, message: m.message + (m.hint ? `\nhint: ${m.hint}` : "")};
    if (m.fix) {
      d.actions = [{name: words.fix.replace("{word}", m.fix.insert), apply(v) {
        v.dispatch({changes: {from: offset(m.fix.line, m.fix.from),
                              to: offset(m.fix.line, m.fix.to), insert: m.fix.insert}});
      }}];
    }
    return d;
  }

  function showMarks() {
    const marks = checkMarks.concat(analyzeMarks);
    if (view) view.dispatch(CM.setDiagnostics(view.state, marks.map(diagnostic)));
    const list = $("problems");
    list.replaceChildren();
    for (const m of marks) {
      const li = document.createElement("li");
      li.className = m.severity;
      li.dataset.line = m.line;
      const a = document.createElement("a");
      a.tabIndex = 0;
      a.append(`line ${m.line}:${m.column} `);   // as the command line gives it
      const code = document.createElement("span");
      code.className = "code";
      code.textContent = m.code;
      a.append(code, ` ${m.message}`);
      if (m.hint) {
        const hint = document.createElement("span");
        hint.className = "hint";
        hint.textContent = `hint: ${m.hint}`;
        a.append(hint);
      }
      a.addEventListener("click", () => goTo(m.line, m.column));
      a.addEventListener("keydown", (e) => { if (e.key === "Enter") goTo(m.line, m.column); });
      li.append(a);
      list.append(li);
    }
    if (!marks.length) {
      const li = document.createElement("li");
      li.className = "muted";
      li.textContent = words.none;
      list.append(li);
    }
    const errors = marks.filter((m) => m.severity === "error").length;
    const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
    $("count").textContent = `(${plural(errors, "error")}, ${plural(marks.length - errors, "warning")})`;
  }

  async function check() {
    const mine = version, t = text();
    let res;
    try { res = await post("/check", {text: t}); } catch (e) { return; }
    if (mine !== version) return;           // typed again meanwhile: its check follows
    lastCheck = res;
    checkMarks = res.marks;
    analyzeMarks = [];
    showMarks();
    showMap(res.map);
    fillChoices(res.names);
    replay();
    $("info").textContent = res.ok ? "" : words.later;
    if (res.ok) {
      await new Promise((done) => setTimeout(done, ANALYZE_AFTER));
      if (mine !== version) return;           // still typing: analyze the newer text
      try { res = await post("/analyze", {text: t}); } catch (e) { return; }
      if (mine !== version || res.stale) return;
      analyzeMarks = res.marks;
      $("info").textContent = (res.info || []).slice(0, 2).join("\n");
      showMarks();
    }
  }

  // ---- the preview
  function fill(select, options, first) {
    const was = select.value;
    select.replaceChildren();
    if (first) select.append(new Option(first, ""));
    for (const [id, name] of options) select.append(new Option(name === id ? id : `${name} (${id})`, id));
    if ([...select.options].some((o) => o.value === was)) select.value = was;
  }

  function fillChoices(names) {
    if (!names.scenes.length && !names.clear) return;   // keep them while the text is broken
    const start = names.scenes.find(([id]) => id === names.start);
    fill($("start"), names.scenes, start ? `${start[1]} (${start[0]})` : "");
    fill($("persona"), names.personas, null);
    fill($("ruleset"), names.rulesets, null);
    fill($("preset"), names.presets, "(none)");
  }

  async function replay() {
    const body = {start: $("start").value, persona: $("persona").value,
                  ruleset: $("ruleset").value, preset: $("preset").value,
                  choices: made, ok: !!(lastCheck && lastCheck.ok)};
    let res;
    try { res = await post("/play", body); } catch (e) { return; }
    $("play").innerHTML = res.html;          // drawn and escaped by the server's templates
    $("play").dataset.at = res.at || "";
    lastMade = res.made;
    hereOnMap(res.at);
  }
  let lastMade = [];

  $("play").addEventListener("click", (e) => {
    const problem = e.target.closest("a.goto[data-line]");
    if (problem) { e.preventDefault(); goTo(Number(problem.dataset.line)); return; }
    const button = e.target.closest("button[data-choice]");
    if (!button || button.disabled) return;
    made = lastMade.concat([button.dataset.choice]);
    replayFromTop();
  });
  $("back").addEventListener("click", () => { made = lastMade.slice(0, -1); replayFromTop(); });
  $("restart").addEventListener("click", () => { made = []; replayFromTop(); });
  for (const id of ["start", "persona", "ruleset", "preset"]) {
    $(id).addEventListener("change", () => { made = []; replayFromTop(); });
  }

  async function replayFromTop() {   // a new scene is read from its top; an edit keeps the place
    await replay();
    const pane = document.querySelector(".preview");
    pane.scrollTop = 0;
    // the choices (or the ending) must show without scrolling: scroll just enough for them,
    // so that what happened and the scene's text stay in view as far as they fit
    const last = $("play").querySelector(".choices, article.ending");
    if (!last) return;
    const below = last.getBoundingClientRect().bottom - pane.getBoundingClientRect().bottom;
    if (below > 0) pane.scrollTop = below + 12;
  }

  // ---- the story map
  function showMap(svg) {
    $("map").innerHTML = svg;                // the game's own SVG, its texts escaped
    hereOnMap($("play").dataset.at);
  }

  function hereOnMap(at) {
    for (const g of $("map").querySelectorAll("g.here")) g.classList.remove("here");
    const g = at && document.getElementById(`node-${at}`);
    if (g) g.classList.add("here");
  }

  $("map").addEventListener("click", (e) => {
    const g = e.target.closest("g[id^='node-']");
    if (!g || !lastCheck) return;
    const line = lastCheck.lines[g.id.slice(5)];
    if (line) goTo(line);
  });

  // ---- saving
  async function save() {
    const t = text();
    let res;
    try { res = await post("/save", {text: t}); }
    catch (e) { $("saved").textContent = "Not saved: the studio did not answer."; return; }
    $("saved").textContent = res.message;
    if (res.saved) {
      savedText = t;
      $("dirty").textContent = text() === savedText ? "" : `(${words.unsaved})`;
    }
  }
  $("save").addEventListener("click", save);
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); }
  });
  window.addEventListener("beforeunload", (e) => {
    if (text() !== savedText) { e.preventDefault(); e.returnValue = ""; }
  });

  startEditor();
  check();
})();
