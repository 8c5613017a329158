/**
 * The session panel in the real editor: Create Session opens it (not the raw response), opening the
 * session again reuses it, its buttons run the lifecycle commands and it follows the history, and
 * the serializer that restores it after a reload is registered for its view type.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { activateExtension, createSession, history } from './support';

/** The panel's view type (src/editor/session-panel.ts; not imported: it loads the core lazily). */
const SESSION_PANEL_VIEW_TYPE = 'idenfy.sessionPanel';

/** Tabs showing a session panel (the host prefixes webview view types, so match the end). */
function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) =>
    g.tabs.filter(
      (t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(SESSION_PANEL_VIEW_TYPE),
    ),
  );
}

/** Resolves once the session's panel is open (it opens after Create Session has returned). */
function panelOpened(api: TestApi, entryId: string): Promise<{ title: string; html: string }> {
  return new Promise((resolve) => {
    const check = () => {
      const panel = api.sessionPanels().find((p) => p.entryId === entryId);
      if (!panel || !panelTabs().some((t) => t.label === panel.title)) return false;
      sub.dispose();
      resolve(panel);
      return true;
    };
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => check());
    check();
  });
}

function panelOf(api: TestApi, entryId: string): { title: string; html: string } {
  const panel = api.sessionPanels().find((p) => p.entryId === entryId);
  assert.ok(panel, `no panel for ${entryId}`);
  return panel;
}

describe('Session panel', () => {
  before(async () => {
    await activateExtension();
    await vscode.commands.executeCommand('idenfy.startEmulator');
  });
  after(async () => {
    await vscode.commands.executeCommand('idenfy.stopEmulator');
  });

  it('Create Session opens the session panel instead of the raw response', async () => {
    const { api } = await activateExtension();
    const created = await createSession('good.idenfy.json');
    assert.equal(created.status, 'created', JSON.stringify(created));
    if (created.status !== 'created') return;
    const panel = await panelOpened(api, created.entryId);
    assert.equal(panel.title, `iDenfy: user-42 · ${created.scanRef.split('-')[0]}`);
    assert.match(panel.html, /<span id="clientId">user-42<\/span>/);
    assert.ok(panel.html.includes(`<code id="scanRef">${created.scanRef}</code>`));
    assert.match(panel.html, /class="badge status-active">ACTIVE</);
    assert.match(
      panel.html,
      /<svg id="qr" role="img" aria-label="http:\/\/127\.0\.0\.1:\d+\/api\/v2\/redirect\?authToken=/,
    );
    const responseTabs = vscode.window.tabGroups.all.flatMap((g) =>
      g.tabs.filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'idenfy-session'),
    );
    assert.deepEqual(
      responseTabs.map((t) => t.label),
      [],
      'no raw response document opens by itself',
    );
  });

  it('opening a session again reuses its panel; Show Response is one click away', async () => {
    const { api } = await activateExtension();
    const created = await createSession('good.idenfy.json');
    assert.equal(created.status, 'created');
    if (created.status !== 'created') return;
    const entry = (await history()).find((e) => e.id === created.entryId);
    assert.ok(entry);
    await panelOpened(api, entry.id);
    const before = panelTabs().length;
    await vscode.commands.executeCommand('idenfy.history.openSession', entry);
    await vscode.commands.executeCommand('idenfy.history.openSession', entry);
    // The tab model reaches the extension host in order: once a tab opened after the two opens shows,
    // any panel tab they made shows too.
    const marker = await vscode.workspace.openTextDocument({ content: 'marker', language: 'plaintext' });
    await vscode.window.showTextDocument(marker, { preview: false });
    await new Promise<void>((resolve) => {
      const shown = () =>
        vscode.window.tabGroups.all.some((g) =>
          g.tabs.some(
            (t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === marker.uri.toString(),
          ),
        );
      if (shown()) return resolve();
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
        if (shown()) {
          sub.dispose();
          resolve();
        }
      });
    });
    assert.equal(panelTabs().length, before, 'tabs showing session panels');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.equal(api.sessionPanels().filter((p) => p.entryId === entry.id).length, 1);

    const uri = vscode.Uri.from({ scheme: 'idenfy-session', path: `/${entry.scanRef}.response.json` });
    const opened = new Promise<vscode.TextDocument>((resolve) => {
      const sub = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.toString() === uri.toString()) {
          sub.dispose();
          resolve(d);
        }
      });
    });
    await api.sessionPanelMessage(entry.id, { command: 'showResponse' });
    assert.equal((JSON.parse((await opened).getText()) as { scanRef: string }).scanRef, entry.scanRef);
  });

  it('its buttons run the lifecycle commands, and it shows what the history learns', async () => {
    const { api } = await activateExtension();
    const created = await createSession('good.idenfy.json');
    assert.equal(created.status, 'created');
    if (created.status !== 'created') return;
    const id = created.entryId;
    await panelOpened(api, id);
    const entry = (await history()).find((e) => e.id === id);
    assert.ok(entry);

    await api.sessionPanelMessage(id, { command: 'copy', what: 'scanRef', focus: 'copy-scanRef' });
    assert.equal(await vscode.env.clipboard.readText(), entry.scanRef);
    await api.sessionPanelMessage(id, { command: 'copy', what: 'authToken' });
    assert.equal(await vscode.env.clipboard.readText(), entry.authToken);

    const completed = await vscode.commands.executeCommand('idenfy.history.completeEmulator', entry, {
      kind: 'APPROVED',
    });
    assert.deepEqual(completed, { status: 'ok', overall: 'APPROVED' });
    await api.sessionPanelMessage(id, { command: 'checkStatus', focus: 'action-checkStatus' });
    const html = panelOf(api, id).html;
    assert.match(html, /class="badge status-approved">APPROVED</);
    assert.match(html, /Verified: the document is valid and the face matches/);
    assert.match(html, /data-focus="action-checkStatus"/, 'the pressed button keeps the focus');

    await vscode.commands.executeCommand('idenfy.history.remove', entry);
    assert.match(panelOf(api, id).html, /no longer in the iDenfy Sessions history/);
    assert.equal(panelOf(api, id).title, 'iDenfy session (gone)');
  });

  it('restores a panel from its saved state, or from its title when VS Code kept only that', async () => {
    const { api } = await activateExtension();
    const created = await createSession('good.idenfy.json');
    assert.equal(created.status, 'created', JSON.stringify(created));
    if (created.status !== 'created') return;
    const id = created.entryId;
    const { title } = await panelOpened(api, id);
    // Closed, as a reload closes it; VS Code then hands a new panel and what it saved to the serializer.
    await vscode.window.tabGroups.close(panelTabs().filter((t) => t.label === title));
    assert.ok(!api.sessionPanels().some((p) => p.entryId === id), 'the closed panel is still listed');
    const restore = async (savedTitle: string, state: unknown) => {
      const panel = vscode.window.createWebviewPanel(
        SESSION_PANEL_VIEW_TYPE,
        savedTitle,
        vscode.ViewColumn.Active,
      );
      await api.restoreSessionPanel(panel, state);
      return panel;
    };

    // The title kept, the page's state not (VS Code in the browser, reloaded within seconds).
    const byTitle = await restore(title, undefined);
    assert.equal(panelOf(api, id).title, title);
    assert.match(panelOf(api, id).html, /<span id="clientId">user-42<\/span>/);
    byTitle.dispose();

    const byState = await restore('iDenfy session', { entryId: id });
    assert.equal(panelOf(api, id).title, title);
    byState.dispose();

    // Neither names a session in the history: the panel says so.
    const unknown = await restore('iDenfy: user-42 · 00000000', undefined);
    assert.equal(panelOf(api, '').title, 'iDenfy session (gone)');
    unknown.dispose();
  });

  it('registers the serializer that restores panels after a reload, and activates for it', async () => {
    const { ext } = await activateExtension();
    assert.ok(
      (ext.packageJSON.activationEvents as string[]).includes(`onWebviewPanel:${SESSION_PANEL_VIEW_TYPE}`),
    );
    // The extension host keeps one serializer per view type: a second registration is refused.
    assert.throws(
      () =>
        vscode.window.registerWebviewPanelSerializer(SESSION_PANEL_VIEW_TYPE, {
          deserializeWebviewPanel: async () => {},
        }),
      /already registered/,
    );
  });
});
