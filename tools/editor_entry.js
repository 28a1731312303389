// What the studio's page takes from CodeMirror 6 (bundled by tools/build_editor.sh into
// game/studio/static/editor.js, which sets `window.CM`).
import {EditorView, basicSetup} from "codemirror";
import {EditorState} from "@codemirror/state";
import {keymap} from "@codemirror/view";
import {indentWithTab} from "@codemirror/commands";
import {linter, lintGutter, forceLinting, setDiagnostics} from "@codemirror/lint";
import {yaml} from "@codemirror/lang-yaml";

window.CM = {EditorView, EditorState, basicSetup, keymap, indentWithTab, linter, lintGutter,
             forceLinting, setDiagnostics, yaml};
