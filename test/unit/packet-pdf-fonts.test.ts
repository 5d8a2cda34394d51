import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { renderPacketPdf } from "~/packets/packet-pdf.server";
import { type Packet } from "~/packets/packet";
import { fontRuns, openedFallbacks } from "~/ui/fonts.server";
import { missing, packet, scorecard, submitted } from "./fixtures/packets/packets";

async function render(p: Packet) {
  const chunks: Buffer[] = [];
  for await (const chunk of renderPacketPdf(p)) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return { bytes, text };
}

// In one file, in this order: the first test needs a process that has not opened a fallback yet.
describe("packet PDF fonts", () => {
  it("opens no fallback font for a packet in Latin script", async () => {
    const { text } = await render(packet([submitted("Zoë Čapek", 1, scorecard()), missing("Ivo", 2, "draft")]));
    expect(text).toContain("Zoë Čapek");
    expect(openedFallbacks()).toBe(0);
  }, 60_000);

  it("prints Chinese, Japanese, Korean and emoji in names and notes, each from a font that has them", async () => {
    const card = scorecard({
      summary: "张伟在项目中表现出色 👍🏽 — 田中さくらさんと協力しました。김민준 씨도 좋았어요 🎉",
      notes: "日本語のメモ 😀 and 한국어 메모",
    });
    const { bytes, text } = await render(
      packet([submitted("王芳", 1, card), submitted("佐藤 健", 2, scorecard()), submitted("이서연", 3, scorecard())], {
        candidate: { id: "c1", name: "陈静 (Chén Jìng) 🌟", email: "chen@example.com", levelApplied: null },
      }),
    );
    for (const expected of [
      "陈静 (Chén Jìng) 🌟",
      "王芳",
      "佐藤 健",
      "이서연",
      "张伟在项目中表现出色 👍",
      "田中さくら",
      "김민준",
      "🎉",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain("日本語のメモ 😀 and 한국어 메모");
    expect(text).not.toContain("\uFFFD");
    const embedded = bytes.toString("latin1");
    for (const font of ["NotoSansHans-Regular", "NotoSansKR-Regular", "NotoEmoji-Regular", "DejaVuSans"]) {
      expect(embedded).toContain(font);
    }
  }, 60_000);

  it("keeps spaces with the run before them and marks a character no font has once per run", () => {
    const runs = fontRuns("regular", "陈静 (Chén) \u{1D400}\u{1D401} end");
    expect(runs.map((r) => r.text)).toEqual(["陈静 ", "(Chén) \uFFFD end"]);
  });
});
