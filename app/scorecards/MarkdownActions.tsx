import { useState } from "react";

export function MarkdownActions({ interviewId }: { interviewId: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const url = `/interviews/${interviewId}/scorecard.md`;
  async function copy() {
    try {
      const text = await (await fetch(url)).text();
      await navigator.clipboard.writeText(text);
      setCopied("Copied as Markdown");
    } catch {
      setCopied("Could not copy; use Download instead");
    }
  }
  return (
    <>
      <button type="button" className="secondary" onClick={() => void copy()}>
        Copy as Markdown
      </button>
      <a className="button secondary" href={url} download>
        Download Markdown
      </a>
      <span role="status" className="muted">
        {copied}
      </span>
    </>
  );
}
