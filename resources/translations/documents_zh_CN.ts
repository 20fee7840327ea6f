<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Draft: no serial number or verification code yet.</source>
        <translation>样稿：尚无编号和核验码。</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>签发</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Issued %1 — verification code %2</source>
        <translation>已签发 %1 — 核验码 %2</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PrintMenu</name>
    <message>
        <source>Application form</source>
        <translation>申请表</translation>
    </message>
    <message>
        <source>Filing form</source>
        <translation>备案书</translation>
    </message>
    <message>
        <source>Commitment letter</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a document</source>
        <translation>核验文书</translation>
    </message>
    <message>
        <source>Verification code, e.g. K7QM-3XRA</source>
        <translation>核验码，例如 K7QM-3XRA</translation>
    </message>
    <message>
        <source>Check code</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>Open PDF…</source>
        <translation>打开 PDF…</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Matches the archive: %1 %2, issued %3 by %4.</source>
        <translation>与存档一致：%1 %2，%3 由 %4 签发。</translation>
    </message>
    <message>
        <source>The code belongs to %1 %2, issued %3 by %4. Compare the paper with the archived copy.</source>
        <translation>核验码属于 %1 %2（%3 由 %4 签发）。请将纸质文书与存档核对。</translation>
    </message>
    <message>
        <source>NOT the archived document: it carries the code of %1 %2 (issued %3 by %4), but its content differs.</source>
        <translation>与存档不符：文件印有 %1 %2 的核验码（%3 由 %4 签发），但内容不一致。</translation>
    </message>
    <message>
        <source>Unknown: no archived document has this content or code.</source>
        <translation>未知：存档中没有此内容或核验码的文书。</translation>
    </message>
</context>
</TS>
