<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchDialog</name>
    <message>
        <source>Batch issue</source>
        <translation>批量签发</translation>
    </message>
    <message>
        <source>One combined PDF</source>
        <translation>合并为一个 PDF</translation>
    </message>
    <message>
        <source>One PDF per record, into a folder</source>
        <translation>每条记录一个 PDF，存入文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>签发</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Month or week of</source>
        <translation>所属月份或周次（含此日）</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Records: %1</source>
        <translation>记录：%1</translation>
    </message>
    <message>
        <source>Save the combined PDF</source>
        <translation>保存合并的 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Folder for the PDF files</source>
        <translation>PDF 文件的保存文件夹</translation>
    </message>
    <message>
        <source>Issuing %1 documents…</source>
        <translation>正在签发 %1 份文书…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Documents issued: %1. Files written: %2 (%3).</source>
        <translation>已签发文书 %1 份，写入文件 %2 个（%3）。</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
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
        <source>Space use agreement</source>
        <translation>空间使用协议</translation>
    </message>
    <message>
        <source>Exit notice</source>
        <translation>退出通知书</translation>
    </message>
    <message>
        <source>Recruitment notice</source>
        <translation>招募令</translation>
    </message>
    <message>
        <source>Project application and approval form</source>
        <translation>项目申报审批表</translation>
    </message>
    <message>
        <source>Disbursement voucher</source>
        <translation>拨付凭证</translation>
    </message>
    <message>
        <source>Donation receipt</source>
        <translation>捐赠收据</translation>
    </message>
    <message>
        <source>Fund disclosure notice</source>
        <translation>资金公示</translation>
    </message>
    <message>
        <source>Duty rota (month)</source>
        <translation>值班表（月）</translation>
    </message>
    <message>
        <source>Duty rota (week)</source>
        <translation>值班表（周）</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Issued at</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>核验码</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Search: serial number, record or verification code</source>
        <translation>搜索：编号、对象名称或核验码</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>核验…</translation>
    </message>
    <message>
        <source>Batch issue…</source>
        <translation>批量签发…</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>模板…</translation>
    </message>
    <message>
        <source>Documents: %1</source>
        <translation>文书：%1</translation>
    </message>
    <message>
        <source>No document matches the search or kind.</source>
        <translation>没有符合搜索条件或类型的文书。</translation>
    </message>
    <message>
        <source>No document has been issued yet. Issue one with Print… in a partner&apos;s, an agreement&apos;s or an application&apos;s window, or several at once with Batch issue…; every issued document is archived here.</source>
        <translation>尚未签发任何文书。可在合伙人、协议或项目申报窗口中点“打印…”签发，或用“批量签发…”一次签发多份；签发的每份文书都归档在这里。</translation>
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
        <source>Archived copy of %1 — verification code %2</source>
        <translation>%1 的存档件 — 核验码 %2</translation>
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
        <source>Exit notice</source>
        <translation>退出通知书</translation>
    </message>
    <message>
        <source>Project application and approval form</source>
        <translation>项目申报审批表</translation>
    </message>
    <message>
        <source>Disbursement voucher</source>
        <translation>拨付凭证</translation>
    </message>
    <message>
        <source>Donation receipt</source>
        <translation>捐赠收据</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Document templates</source>
        <translation>文书模板</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Margins (mm)</source>
        <translation>页边距（毫米）</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>上</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>下</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Save as office version</source>
        <translation>另存为本单位版本</translation>
    </message>
    <message>
        <source>Revert to shipped</source>
        <translation>恢复为内置模板</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>office version</source>
        <translation>本单位版本</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Discard the changes to this template?</source>
        <translation>放弃对该模板的修改？</translation>
    </message>
    <message>
        <source>Office version %1 (shipped version %2).</source>
        <translation>本单位版本 %1（内置版本 %2）。</translation>
    </message>
    <message>
        <source>Shipped version %1.</source>
        <translation>内置版本 %1。</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>标题段</translation>
    </message>
    <message>
        <source>Clauses (one per line)</source>
        <translation>条款（每行一条）</translation>
    </message>
    <message>
        <source>Attachments (one per line)</source>
        <translation>附件（每行一项）</translation>
    </message>
    <message>
        <source>Signature lines (one per line)</source>
        <translation>落款（每行一项）</translation>
    </message>
    <message>
        <source>Updating the preview…</source>
        <translation>正在更新预览…</translation>
    </message>
    <message>
        <source>Preview with sample data: %1 pages.</source>
        <translation>示例数据预览：共 %1 页。</translation>
    </message>
    <message>
        <source>Print this document from the shipped template again? The office version stays in the database.</source>
        <translation>改回按随软件提供的模板打印此文书吗？机关版仍保存在数据库中。</translation>
    </message>
    <message>
        <source>The preview shows the last version without errors.</source>
        <translation>预览显示的是最后一个没有错误的版本。</translation>
    </message>
    <message>
        <source>Please correct:</source>
        <translation>请更正：</translation>
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
