import { useState } from "react";
import { Field } from "~/ui/form";

// YAML for those who keep templates in files: the export is the text to copy or download, the
// import fills the form (nothing is saved until the form is reviewed and confirmed).

export function YamlExport({ yaml, fileName }: { yaml: string; fileName: string }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([yaml], { type: "application/yaml" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <details className="card">
      <summary>Export as YAML</summary>
      <Field id="yaml-export" label="YAML" hint="The same fields as the files in templates/.">
        {(aria) => <textarea className="code" readOnly spellCheck={false} rows={12} value={yaml} {...aria} />}
      </Field>
      <button type="button" className="secondary" onClick={download}>
        Download {fileName}
      </button>
    </details>
  );
}

// `load` returns a problem in plain words, or null once the form holds the imported values.
export function YamlImport({ load }: { load: (text: string) => string | null }) {
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  return (
    <details className="card">
      <summary>Import from YAML</summary>
      <Field
        id="yaml-import"
        label="YAML to import"
        hint="Paste a file's text; it replaces what the form shows, and nothing is saved until you confirm."
        error={problem ? { message: problem } : undefined}
      >
        {(aria) => (
          <textarea
            className="code"
            spellCheck={false}
            rows={10}
            value={text}
            onChange={(e) => setText(e.target.value)}
            {...aria}
          />
        )}
      </Field>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          const found = load(text);
          setProblem(found);
          setLoaded(found === null);
        }}
      >
        Load into the form
      </button>
      {loaded ? (
        <p role="status" className="muted">
          Loaded. Review the form, then save.
        </p>
      ) : null}
    </details>
  );
}
