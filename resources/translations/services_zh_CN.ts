<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EntryGrid</name>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>People served</source>
        <translation>服务人次</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>No partner matches “%1”.</source>
        <translation>没有名为“%1”的合伙人。</translation>
    </message>
    <message>
        <source>Several partners match “%1”: choose one.</source>
        <translation>有多个合伙人与“%1”相符，请从列表中选择。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>EntryTab</name>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Save all</source>
        <translation>全部保存</translation>
    </message>
    <message>
        <source>Remove rows</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Clear the sheet</source>
        <translation>清空签到表</translation>
    </message>
    <message>
        <source>Community of the sheet</source>
        <translation>签到表所属社区</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>One row per session on the sheet. Type to fill a cell; Enter or Tab moves on, and a new row appears at the end. Ctrl+D copies the cell above, Delete clears, Ctrl+V pastes rows copied from Excel, Ctrl+S saves all rows (or none, when a row has a problem).</source>
        <translation>签到表上每次服务填一行。直接输入即可填写单元格；按回车或 Tab 键跳到下一格，末尾会自动出现新行。Ctrl+D 复制上一行同列内容，Delete 清空单元格，Ctrl+V 粘贴从 Excel 复制的多行，Ctrl+S 全部保存（任何一行有问题则都不保存）。</translation>
    </message>
    <message>
        <source>From the partner or agreement</source>
        <translation>按合伙人或协议确定</translation>
    </message>
    <message>
        <source>Which partner? Type the name or pinyin initials.</source>
        <translation>请填写合伙人：输入名称或拼音首字母。</translation>
    </message>
    <message>
        <source>Enter the date.</source>
        <translation>请填写日期。</translation>
    </message>
    <message>
        <source>Rows: %1; rows to correct: %2 (marked in red). Nothing is saved until they are corrected.</source>
        <translation>共 %1 行，其中 %2 行需要改正（红色标出）。改正之前不会保存任何一行。</translation>
    </message>
    <message>
        <source>Rows: %1, all valid.</source>
        <translation>共 %1 行，全部无误。</translation>
    </message>
    <message>
        <source>Nothing to save: type the sheet&apos;s rows first.</source>
        <translation>没有可保存的内容：请先录入签到表。</translation>
    </message>
    <message>
        <source>Saved: %1 service records.</source>
        <translation>已保存 %1 条服务记录。</translation>
    </message>
    <message>
        <source>Remove every row typed so far? They have not been saved.</source>
        <translation>清空已录入的所有行吗？这些行尚未保存。</translation>
    </message>
</context>
<context>
    <name>OrderList</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>点单日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Service wanted</source>
        <translation>服务需求</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
</context>
<context>
    <name>OrderSteps</name>
    <message>
        <source>New resident order</source>
        <translation>新建居民点单</translation>
    </message>
    <message>
        <source>A resident&apos;s order (居民点单), taken by a worker on the resident&apos;s behalf. It waits for review until the community dispatches it to a partner or rejects it.</source>
        <translation>居民点单（可由工作人员代为登记）。点单后待社区审核，由社区派单给合伙人或驳回。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Enter the resident&apos;s name.</source>
        <translation>请填写居民姓名。</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Service wanted</source>
        <translation>服务需求</translation>
    </message>
    <message>
        <source>Describe the service wanted.</source>
        <translation>请填写服务需求。</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <source>Ordered on</source>
        <translation>点单日期</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>The community accepts the order and dispatches it to a partner serving %1.</source>
        <translation>社区接单，并派给服务%1的合伙人。</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Choose the partner who will serve the resident.</source>
        <translation>请选择为居民服务的合伙人。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>The order is refused; the resident is told the reason.</source>
        <translation>驳回该点单，并告知居民原因。</translation>
    </message>
    <message>
        <source>The partner gives the order back: it returns to the pool, waiting to be dispatched again.</source>
        <translation>合伙人退单：点单回到待派单池，等待重新派单。</translation>
    </message>
    <message>
        <source>The order is withdrawn (by the resident or the community).</source>
        <translation>撤销该点单（居民或社区撤销）。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>%1 delivered the service. It is recorded as a service record of the partner.</source>
        <translation>%1 已完成服务，办结后记为该合伙人的一条服务记录。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <source>People served</source>
        <translation>服务人次</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 of 5</source>
        <translation>%1 星（满分 5 星）</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>The resident&apos;s rating of the service (居民评单).</source>
        <translation>居民对本次服务的评价（居民评单）。</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>The complaint stays open until an approver upholds or dismisses it.</source>
        <translation>投诉登记后待审批人认定成立或不成立。</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Write what the resident complains about.</source>
        <translation>请填写居民投诉的内容。</translation>
    </message>
    <message>
        <source>Decide the complaint</source>
        <translation>处理投诉</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>投诉成立</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>投诉不成立</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Write the reasons for the decision.</source>
        <translation>请填写处理理由。</translation>
    </message>
</context>
<context>
    <name>OrderWindow</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Lodged</source>
        <translation>投诉日期</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Decide the complaint…</source>
        <translation>处理投诉…</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Service wanted</source>
        <translation>服务需求</translation>
    </message>
    <message>
        <source>Ordered / due</source>
        <translation>点单日期 / 办结期限</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Resident order %1</source>
        <translation>居民点单 %1</translation>
    </message>
    <message>
        <source> · overdue</source>
        <translation> · 已逾期</translation>
    </message>
    <message>
        <source> (dispatched %1)</source>
        <translation>（%1 派单）</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>Search: order number, resident, service wanted or address</source>
        <translation>搜索：点单编号、居民、服务需求或地址</translation>
    </message>
    <message>
        <source>Only overdue</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>新建点单…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
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
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Orders: %1</source>
        <translation>点单：%1</translation>
    </message>
</context>
<context>
    <name>ServiceImportDialog</name>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Import service records from Excel</source>
        <translation>从 Excel 导入服务记录</translation>
    </message>
    <message>
        <source>Fill in the template (one session per row: partner name or filing number, date, kind, people served, hours…), then choose the file. Nothing is imported until every row is valid; the rows below need correcting first.</source>
        <translation>请按模板填写（每行一次服务：合伙人名称或备案编号、日期、服务类型、服务人次、时长等），然后选择文件。所有行都无误后才会导入；下面列出的行需要先改正。</translation>
    </message>
    <message>
        <source>Service records import template.xlsx</source>
        <translation>服务记录导入模板.xlsx</translation>
    </message>
    <message>
        <source>Writing the template…</source>
        <translation>正在生成模板…</translation>
    </message>
    <message>
        <source>The file holds no rows to import.</source>
        <translation>文件中没有可导入的行。</translation>
    </message>
    <message>
        <source>Service records imported: %1.</source>
        <translation>已导入 %1 条服务记录。</translation>
    </message>
</context>
<context>
    <name>ServiceLabels</name>
    <message>
        <source>Free</source>
        <translation>免费</translation>
    </message>
    <message>
        <source>Low fee</source>
        <translation>低偿</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>有偿</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>服务中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>点单</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Return to the pool</source>
        <translation>退单</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Record delivery</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Lodge a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Decide the complaint</source>
        <translation>处理投诉</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接单</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>投诉成立</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>投诉不成立</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合伙人</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>People served</source>
        <translation>服务人次</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
</context>
<context>
    <name>ServiceRecordsTab</name>
    <message>
        <source>Search: partner name or place</source>
        <translation>搜索：合伙人名称或地点</translation>
    </message>
    <message>
        <source>Enter a sign-in sheet…</source>
        <translation>录入签到表…</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>日期从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All domains</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>Records: %1</source>
        <translation>记录：%1</translation>
    </message>
    <message>
        <source>Delete a service record</source>
        <translation>删除服务记录</translation>
    </message>
    <message>
        <source>Why is the record of %1 on %2 deleted?</source>
        <translation>为什么删除 %1 在 %2 的服务记录？</translation>
    </message>
</context>
<context>
    <name>ServiceWidgets</name>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Enter a sign-in sheet</source>
        <translation>录入签到表</translation>
    </message>
    <message>
        <source>Resident orders</source>
        <translation>居民点单</translation>
    </message>
</context>
</TS>
