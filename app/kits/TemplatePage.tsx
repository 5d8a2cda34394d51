import { Link } from "@remix-run/react";
import { VersionHistory } from "./VersionHistory";
import { YamlExport } from "./YamlTransfer";

type Props = {
  title: string;
  lead: string;
  version: number;
  yaml: string;
  fileName: string;
  history: { version: number; created_at: string; author: string }[];
  base: { version: number; source: string };
  children: React.ReactNode;
};

// The rubric's and the taxonomy's page: the form, and beside it who saved which version and the YAML.
export function TemplatePage({ title, lead, version, yaml, fileName, history, base, children }: Props) {
  return (
    <main className="page" id="main">
      <p>
        <Link to="/admin/kits">← Question kits</Link>
      </p>
      <h1>
        {title} <span className="muted">v{version}</span>
      </h1>
      <p className="lead">{lead}</p>
      <div className="hub">
        <div>{children}</div>
        <aside>
          <VersionHistory
            history={history}
            base={base}
            note="Every save is kept; the file in templates/ is the seed for a new database."
          />
          <YamlExport yaml={yaml} fileName={fileName} />
        </aside>
      </div>
    </main>
  );
}
