import { requestTidy } from '../store/layout-actions.js';
import { ChangeTicker } from './ChangeTicker.js';
import { ConnectionStatus } from './ConnectionStatus.js';
import { ExportMenu } from './ExportMenu.js';
import { ThemeToggle } from './ThemeToggle.js';
import { FindingsCount } from './FindingsCount.js';
import { KindStates } from './KindStates.js';
import { ShareDialog } from './ShareDialog.js';
import { SourceInfo } from './SourceInfo.js';

export function Header() {
  return (
    <header className="pn-header">
      <h1 className="pn-brand">Portolan</h1>
      <ConnectionStatus />
      <SourceInfo />
      <KindStates />
      <FindingsCount />
      <ChangeTicker />
      <span className="pn-spacer" />
      <ShareDialog />
      <ExportMenu />
      <ThemeToggle />
      <button
        type="button"
        className="pn-button"
        onClick={requestTidy}
        title="Lay everything out afresh, closing gaps"
      >
        Tidy layout
      </button>
    </header>
  );
}
