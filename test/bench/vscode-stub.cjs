// A minimal stand-in for the `vscode` module: what activate() touches, and nothing that does work.
// Loaded by activation-child.cjs in place of require('vscode').
'use strict';

const noop = () => {};
const disposable = () => ({ dispose: noop });
const event = () => disposable();

/** Names a missing member instead of failing with "undefined is not a function". */
function namespace(name, members) {
  return new Proxy(members, {
    get(target, key) {
      if (key in target || typeof key === 'symbol' || key === 'then' || key === 'toJSON') return target[key];
      throw new Error(
        `vscode stub: vscode.${name}.${String(key)} is not implemented (test/bench/vscode-stub.cjs)`,
      );
    },
  });
}

class Disposable {
  static from(...items) {
    return new Disposable(() => {
      for (const i of items) i?.dispose?.();
    });
  }
  constructor(fn) {
    this.fn = fn;
  }
  dispose() {
    this.fn?.();
  }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener) => {
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    };
  }
  fire(value) {
    for (const l of this.listeners) l(value);
  }
  dispose() {
    this.listeners.clear();
  }
}

class Uri {
  constructor(scheme, authority, path, query, fragment) {
    Object.assign(this, { scheme, authority, path, query, fragment });
  }
  static parse(value) {
    const u = new URL(value);
    return new Uri(u.protocol.slice(0, -1), u.host, u.pathname, u.search.slice(1), u.hash.slice(1));
  }
  static file(path) {
    return new Uri('file', '', path, '', '');
  }
  static from(c) {
    return new Uri(c.scheme, c.authority ?? '', c.path ?? '', c.query ?? '', c.fragment ?? '');
  }
  static joinPath(base, ...parts) {
    return new Uri(base.scheme, base.authority, [base.path, ...parts].join('/'), '', '');
  }
  get fsPath() {
    return this.path;
  }
  toString() {
    return `${this.scheme}://${this.authority}${this.path}`;
  }
}

class ThemeIcon {
  constructor(id, color) {
    this.id = id;
    this.color = color;
  }
}
class ThemeColor {
  constructor(id) {
    this.id = id;
  }
}
class MarkdownString {
  constructor(value = '') {
    this.value = value;
  }
  appendMarkdown(v) {
    this.value += v;
    return this;
  }
}
class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
}
class Range {
  constructor(start, end) {
    this.start = start;
    this.end = end;
  }
}
class Diagnostic {
  constructor(range, message, severity) {
    Object.assign(this, { range, message, severity });
  }
}
class TreeItem {
  constructor(label, collapsibleState) {
    this.label = label;
    this.collapsibleState = collapsibleState;
  }
}

const outputChannel = (name) => ({
  name,
  append: noop,
  appendLine: noop,
  replace: noop,
  clear: noop,
  show: noop,
  hide: noop,
  dispose: noop,
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  onDidChangeLogLevel: event,
  logLevel: 3,
});

const statusBarItem = (id, alignment, priority) => ({
  id,
  alignment,
  priority,
  name: undefined,
  text: '',
  tooltip: undefined,
  command: undefined,
  show: noop,
  hide: noop,
  dispose: noop,
});

const configuration = () => ({
  get: (_key, fallback) => fallback,
  has: () => false,
  inspect: (key) => ({ key }),
  update: async () => {},
});

const diagnosticCollection = (name) => {
  const map = new Map();
  return {
    name,
    set: (uri, d) => map.set(String(uri), d),
    delete: (uri) => map.delete(String(uri)),
    get: (uri) => map.get(String(uri)),
    has: (uri) => map.has(String(uri)),
    forEach: (fn) => {
      for (const [k, v] of map) fn(k, v);
    },
    clear: () => map.clear(),
    dispose: () => map.clear(),
  };
};

const commands = new Map();

module.exports = {
  version: '1.100.0',
  Disposable,
  EventEmitter,
  Uri,
  ThemeIcon,
  ThemeColor,
  MarkdownString,
  Position,
  Range,
  Diagnostic,
  TreeItem,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  CodeActionKind: { QuickFix: { value: 'quickfix' }, Empty: { value: '' } },
  window: namespace('window', {
    createOutputChannel: outputChannel,
    createStatusBarItem: statusBarItem,
    createTreeView: () => ({ dispose: noop, reveal: async () => {}, onDidChangeVisibility: event }),
    registerWebviewPanelSerializer: disposable,
    showInformationMessage: async () => undefined,
    showWarningMessage: async () => undefined,
    showErrorMessage: async () => undefined,
    activeTextEditor: undefined,
  }),
  workspace: namespace('workspace', {
    registerTextDocumentContentProvider: disposable,
    onDidChangeTextDocument: event,
    onDidCloseTextDocument: event,
    onDidOpenTextDocument: event,
    onDidChangeConfiguration: event,
    getConfiguration: configuration,
    textDocuments: [],
    workspaceFolders: undefined,
    isTrusted: true,
  }),
  languages: namespace('languages', {
    createDiagnosticCollection: diagnosticCollection,
    registerCodeActionsProvider: disposable,
  }),
  commands: namespace('commands', {
    registerCommand: (id, handler) => {
      commands.set(id, handler);
      return { dispose: () => commands.delete(id) };
    },
    executeCommand: async (id, ...args) => commands.get(id)?.(...args),
  }),
  env: namespace('env', {
    clipboard: { readText: async () => '', writeText: async () => {} },
    openExternal: async () => true,
  }),
  extensions: namespace('extensions', { getExtension: () => undefined, all: [] }),
};

/** An ExtensionContext with what extensions commonly read at activation. */
module.exports.createContext = (extensionPath) => {
  const memento = () => {
    const m = new Map();
    return {
      get: (k, d) => (m.has(k) ? m.get(k) : d),
      update: async (k, v) => {
        m.set(k, v);
      },
      keys: () => [...m.keys()],
      setKeysForSync: noop,
    };
  };
  const secrets = new Map();
  return {
    subscriptions: [],
    extensionPath,
    extensionUri: Uri.file(extensionPath),
    asAbsolutePath: (p) => `${extensionPath}/${p}`,
    extensionMode: 1, // Production
    globalState: memento(),
    workspaceState: memento(),
    secrets: {
      get: async (k) => secrets.get(k),
      store: async (k, v) => {
        secrets.set(k, v);
      },
      delete: async (k) => {
        secrets.delete(k);
      },
      onDidChange: event,
    },
    storageUri: undefined,
    globalStorageUri: Uri.file(`${extensionPath}/.global-storage`),
    logUri: Uri.file(`${extensionPath}/.log`),
  };
};
