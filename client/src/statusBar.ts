/** The status bar item: indexing progress, then the number of Kubernetes objects indexed. */
import * as vscode from 'vscode';

export interface ServerStatus {
  readonly state: 'indexing' | 'ready' | 'stopped';
  readonly files?: number;
  readonly objects?: number;
  readonly done?: number;
  readonly total?: number;
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('eksnet.status', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'EKS Networking';
    this.item.command = 'eksnet.showOutput';
    this.show({ state: 'indexing', done: 0, total: 0 });
    this.item.show();
  }

  show(s: ServerStatus): void {
    if (s.state === 'indexing') {
      this.item.text = `$(sync~spin) EKS: indexing ${s.done ?? 0}/${s.total ?? 0}`;
      this.item.tooltip = 'EKS Networking is reading the YAML files of the workspace';
    } else if (s.state === 'ready') {
      this.item.text = `$(check) EKS: ${s.objects ?? 0} objects`;
      this.item.tooltip = `${s.objects ?? 0} Kubernetes objects indexed in ${s.files ?? 0} YAML files. Click for the server output.`;
    } else {
      this.item.text = '$(error) EKS: stopped';
      this.item.tooltip = 'The EKS Networking language server is not running. Run "EKS Networking: Restart Language Server".';
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
