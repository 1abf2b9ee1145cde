import newDiagram from '../newDiagram';
import { processKey } from '../util/model';

export default class FileActions {

  constructor(eventBus, bpmnjs, commandStack, injector, canvas) {
    this._bpmnjs = bpmnjs;
    this._canvas = canvas;
    this._commandStack = commandStack;
    this._notifications = injector.get('notifications', false);

    eventBus.on('editorActions.init', ({ editorActions }) => {
      editorActions.register({
        'designer.new': () => this.newDiagram(),
        'designer.openFile': () => this.openFile(),
        'designer.downloadXml': () => this.downloadXml(),
        'designer.downloadSvg': () => this.downloadSvg(),
        'designer.fit': () => this.fit()
      });
    });

    // an opened process is shown whole; the procedure's flows are wider than a 1366 screen
    eventBus.on('import.done', ({ error }) => {
      if (!error) {
        this.fit();
      }
    });
  }

  fit() {
    this._canvas.zoom('fit-viewport', 'auto');
  }

  async newDiagram() {
    if (this._commandStack.canUndo() && !window.confirm('新建会替换当前图（修改已自动保存为草稿）。继续吗？')) {
      return;
    }

    const url = new URL(window.location.href);

    url.searchParams.delete('key');
    window.location.href = url.toString();
  }

  openFile() {
    const input = document.createElement('input');

    input.type = 'file';
    input.accept = '.bpmn,.xml';
    input.addEventListener('change', async () => {
      const file = input.files && input.files[0];

      if (!file) {
        return;
      }

      try {
        await this._bpmnjs.importXML(await file.text());
        this._notify(`已打开 ${ file.name }`, 'success');
      } catch (err) {
        this._notify(`无法打开 ${ file.name }：${ err.message }`, 'error');
      }
    });
    input.click();
  }

  async downloadXml() {
    const { xml } = await this._bpmnjs.saveXML({ format: true });

    download(`${ processKey(this._bpmnjs.getDefinitions()) || 'diagram' }.bpmn`, xml, 'application/xml');
  }

  async downloadSvg() {
    const { svg } = await this._bpmnjs.saveSVG();

    download(`${ processKey(this._bpmnjs.getDefinitions()) || 'diagram' }.svg`, svg, 'image/svg+xml');
  }

  _notify(message, kind) {
    this._notifications && this._notifications.show(message, kind);
  }
}

FileActions.$inject = [ 'eventBus', 'bpmnjs', 'commandStack', 'injector', 'canvas' ];

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([ text ], { type }));
  const link = document.createElement('a');

  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
