/**
 * The Google Picker dialog: a small page the server shows as a modal dialog, that asks the server for the
 * user's OAuth token and the Picker's developer key and app id (getPickerConfig), opens Google Picker on
 * CSV files or on folders, and tells the server what was picked (pickerChosen). Under the drive.file scope,
 * a file or folder picked here is one the add-in may then open (https://developers.google.com/workspace/drive/picker/guides/overview).
 * When the Picker cannot open (no developer key set for this deployment, or the page cannot reach Google's
 * Picker script), the page offers the paste-a-link fallback in its place.
 */
import { escapeHtml } from './html';

export type PickerKind = 'csv' | 'folder' | 'school';

const TITLES: Record<PickerKind, { pick: string; paste: string; hint: string }> = {
  csv: {
    pick: 'Choose the CSV export to import',
    paste: "Or paste the file's Drive link",
    hint: "A link works only for a file this add-in made or was given before (chosen once in Google Drive's chooser). For any other file, paste its CSV text into the panel instead.",
  },
  school: {
    pick: "Choose the schools' SLM Workbooks",
    paste: "Or paste a school's workbook link",
    hint: 'Each school shares its workbook with you first (Viewer is enough). Each one chosen is added to the Schools tab.',
  },
  folder: {
    pick: 'Choose the folder for new documents',
    paste: "Or paste the folder's Drive link",
    hint: 'A link works for a folder this add-in made or was given before. Leave it blank and press Use to put documents next to the workbook.',
  },
};

/** The dialog's HTML for `kind`. Everything it shows is fixed text; the picked name comes back through the server. */
export function pickerPage(kind: PickerKind): string {
  const t = TITLES[kind];
  const view =
    kind === 'folder'
      ? 'new google.picker.DocsView(google.picker.ViewId.FOLDERS).setIncludeFolders(true).setSelectFolderEnabled(true).setMimeTypes("application/vnd.google-apps.folder")'
      : kind === 'school'
        ? 'new google.picker.DocsView(google.picker.ViewId.SPREADSHEETS).setIncludeFolders(true)'
        : 'new google.picker.DocsView(google.picker.ViewId.DOCS).setIncludeFolders(true).setMimeTypes("text/csv,text/plain,application/vnd.ms-excel,text/comma-separated-values")';
  // A trust chooses several schools at once; each is sent on its own.
  const multi = kind === 'school' ? '.enableFeature(google.picker.Feature.MULTISELECT_ENABLED)' : '';
  return `<!DOCTYPE html><html lang="en-GB"><head><base target="_top"><meta charset="utf-8">
<style>body{font:13px Arial,sans-serif;margin:12px;color:#202124}p{margin:0 0 8px}label{display:block;font-weight:bold;margin:12px 0 4px}
input{width:100%;box-sizing:border-box;padding:6px;font:inherit}button{margin-top:8px;padding:6px 14px;font:inherit}.gray{color:#5f6368}.error{color:#b3261e}</style></head>
<body><h1 style="font-size:15px;margin:0 0 8px">${escapeHtml(t.pick)}</h1>
<p id="msg" role="status" aria-live="polite">Opening Google Drive…</p>
<form id="paste"><label for="link">${escapeHtml(t.paste)}</label><input id="link" type="text" autocomplete="off">
<p class="gray">${escapeHtml(t.hint)}</p><button type="submit">Use</button> <button type="button" id="cancel">Cancel</button></form>
<script>
var KIND = ${JSON.stringify(kind)};
function say(text, bad) { var m = document.getElementById('msg'); m.textContent = text; m.className = bad ? 'error' : ''; }
function send(id, name) {
  say('Saving your choice…');
  google.script.run.withSuccessHandler(function (text) { say(text); setTimeout(function () { google.script.host.close(); }, 1200); })
    .withFailureHandler(function (e) { say(String(e && e.message || e).replace(/^(Exception|Error):\\s*/, ''), true); })
    .pickerChosen(KIND, id, name || '');
}
document.getElementById('paste').addEventListener('submit', function (e) { e.preventDefault(); send(document.getElementById('link').value, ''); });
document.getElementById('cancel').addEventListener('click', function () { google.script.host.close(); });
function picked(data) {
  if (data.action === google.picker.Action.PICKED && data.docs && data.docs.length) { for (var i = 0; i < data.docs.length; i++) send(data.docs[i].id, data.docs[i].name); }
  else if (data.action === google.picker.Action.CANCEL) say('Nothing chosen in Drive. Paste a link below, or close this window.');
}
function build(cfg) {
  if (!cfg.developerKey || !cfg.appId) { say(cfg.missing, true); return; }
  var w = Math.max(400, window.innerWidth - 20), h = Math.max(300, window.innerHeight - 20);
  new google.picker.PickerBuilder().addView(${view})${multi}.setOAuthToken(cfg.token).setDeveloperKey(cfg.developerKey)
    .setAppId(cfg.appId).setOrigin(google.script.host.origin).setSize(w, h).hideTitleBar().setCallback(picked).build().setVisible(true);
  say('Choose in the Drive window, or paste a link below.');
}
function apiLoaded() {
  gapi.load('picker', { callback: function () {
    google.script.run.withSuccessHandler(build).withFailureHandler(function (e) { say(String(e && e.message || e), true); }).getPickerConfig();
  } });
}
function apiFailed() { say('Google Drive\\'s chooser could not be loaded here. Paste a link below instead.', true); }
</script>
<script src="https://apis.google.com/js/api.js" onload="apiLoaded()" onerror="apiFailed()" async defer></script>
</body></html>`;
}
